"""The kind-reply guard through the Mastodon API: held replies never leak; the folder and reply policies."""

import pytest

from reconfort.accounts import services as account_services
from reconfort.comfort.guard.models import HeldReply
from tests.api.conftest import ApiClient, make_token
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db

HOSTILE = "lol get over it, nobody cares"


@pytest.fixture
def scene(app):
    asker, stranger, follower = UserFactory(), UserFactory(), UserFactory()
    account_services.follow_create(follower, asker)
    account_services.follow_create(follower, stranger)  # the stranger's followers get the reply in their home
    request = make_post(asker, "J'ai besoin de réconfort ce soir.", kind="support_request")
    users = {"asker": asker, "stranger": stranger, "follower": follower}
    clients = {f"api_{name}": ApiClient(make_token(app, user)) for name, user in users.items()}
    return {**users, "request": request, **clients}


def _reply_through_api(scene, text=HOSTILE):
    response = scene["api_stranger"].post_json(
        "/api/v1/statuses", {"status": text, "in_reply_to_id": str(scene["request"].pk)}
    )
    assert response.status_code == 200, response.content
    return response.json()["id"]


def test_api_reply_is_held_directly_and_never_leaks(scene):
    reply_id = _reply_through_api(scene)
    assert HeldReply.objects.filter(reply_id=reply_id, state="held").exists()
    # its writer still sees it
    assert scene["api_stranger"].get(f"/api/v1/statuses/{reply_id}").status_code == 200
    for name in ("asker", "follower"):
        client = scene[f"api_{name}"]
        assert client.get(f"/api/v1/statuses/{reply_id}").status_code == 404
        context = client.get(f"/api/v1/statuses/{scene['request'].pk}/context").json()
        assert reply_id not in [s["id"] for s in context["descendants"]]
        for timeline in ("/api/v1/timelines/home", "/api/v1/timelines/public"):
            assert reply_id not in [s["id"] for s in client.get(timeline).json()]
        notes = client.get("/api/v1/notifications").json()
        assert reply_id not in [(n.get("status") or {}).get("id") for n in notes]
        assert client.get(f"/api/v1/accounts/{scene['stranger'].pk}/statuses").json() == []
    assert scene["api_asker"].get(f"/api/v1/statuses/{scene['request'].pk}").json()["replies_count"] == 0
    assert ApiClient().get(f"/api/v1/statuses/{reply_id}").status_code in (401, 404)


def test_folder_approve_then_shown_and_notified(scene):
    reply_id = _reply_through_api(scene, "Je pense fort à toi, courage.")
    folder = scene["api_asker"].get("/api/v1/comfort/held_replies")
    assert folder.status_code == 200
    [item] = folder.json()
    assert item["status"]["id"] == reply_id and item["reasons"] == ["not_followed"] and item["state"] == "held"
    assert scene["api_stranger"].get("/api/v1/comfort/held_replies").json() == []
    assert scene["api_stranger"].post(f"/api/v1/comfort/held_replies/{item['id']}/approve").status_code == 404
    approved = scene["api_asker"].post(f"/api/v1/comfort/held_replies/{item['id']}/approve")
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    assert scene["api_follower"].get(f"/api/v1/statuses/{reply_id}").status_code == 200
    notes = scene["api_asker"].get("/api/v1/notifications").json()
    assert any(n["type"] in ("mention", "reply") and n["status"]["id"] == reply_id for n in notes)
    assert scene["api_asker"].get("/api/v1/comfort/held_replies").json() == []
    again = scene["api_asker"].post(f"/api/v1/comfort/held_replies/{item['id']}/remove")
    assert again.status_code == 409 and "error" in again.json()


def test_folder_remove(scene):
    _reply_through_api(scene)
    [item] = scene["api_asker"].get("/api/v1/comfort/held_replies").json()
    assert "mockery" in item["reasons"]
    removed = scene["api_asker"].post(f"/api/v1/comfort/held_replies/{item['id']}/remove")
    assert removed.status_code == 200 and removed.json()["state"] == "removed"
    assert scene["api_asker"].get(f"/api/v1/statuses/{item['status']['id']}").status_code == 404
    assert scene["api_asker"].post("/api/v1/comfort/held_replies/abc/remove").status_code == 404


def test_reply_policy_read_and_set(scene):
    path = f"/api/v1/comfort/reply_policy/{scene['request'].pk}"
    read = scene["api_asker"].get(path).json()
    assert read["audience"] == "guarded" and read["default"] is True
    assert scene["api_stranger"].get(path).status_code == 403
    assert scene["api_stranger"].put_json(path, {"audience": "anyone"}).status_code == 403
    bad = scene["api_asker"].put_json(path, {"audience": "everyone"})
    assert bad.status_code == 422 and "error" in bad.json()
    closed = scene["api_asker"].put_json(path, {"audience": "nobody"})
    assert closed.status_code == 200 and closed.json() == {**read, "audience": "nobody", "default": False}
    refused = scene["api_stranger"].post_json(
        "/api/v1/statuses", {"status": "Courage", "in_reply_to_id": str(scene["request"].pk)}
    )
    assert refused.status_code == 403 and "error" in refused.json()
    ordinary = make_post(scene["asker"], "Bonjour")
    assert scene["api_asker"].get(f"/api/v1/comfort/reply_policy/{ordinary.pk}").status_code == 403
    assert scene["api_asker"].get("/api/v1/comfort/reply_policy/999999").status_code == 404

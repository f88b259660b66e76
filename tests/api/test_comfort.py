"""The comfort queue API: ask, opt in, the queue, claims, comforted, thanks, figures; the same rules as the pages."""

import jsonschema
import pytest

from reconfort.accounts.models import Role
from reconfort.accounts.services import block_create
from reconfort.comfort.models import Claim, SupportRequest, Thanks
from reconfort.posts.models import Post
from tests.comfort.queue.conftest import ask, old_member, opt_in, trusted_by
from tests.factories import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(db):
    return old_member(username="lea", display_name="Léa")


@pytest.fixture
def comforter(db):
    member = old_member(username="paul", display_name="Paul")
    opt_in(member)
    return member


def test_ask_and_read(api_for, asker, comforter):
    client = api_for(asker)
    response = client.post_json(
        "/api/v1/comfort/requests",
        {"text": "My father died on Sunday. I keep his voicemail.", "topic": "grief", "language": "en",
         "anonymous": True},
    )  # fmt: skip
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["topic"] == "grief" and data["language"] == "en" and data["author"]["username"] == "lea"
    request = SupportRequest.objects.get()
    seen = api_for(comforter).get(f"/api/v1/comfort/requests/{data['id']}").json()
    assert seen["author"] == {"name": request.pseudonym, "username": None, "account_id": None, "anonymous": True}


def test_bad_input_is_a_4xx_with_an_error_and_writes_nothing(api_for, asker):
    client = api_for(asker)
    for body in [{"text": "x", "topic": "astrology"}, {"text": "x", "audience": "direct"}, {"text": ""}, {}]:
        response = client.post_json("/api/v1/comfort/requests", body)
        assert 400 <= response.status_code < 500 and response.json()["error"], body
    assert not Post.objects.exists()
    assert api_for(asker).get("/api/v1/comfort/requests/abc").status_code == 404
    assert api_for(asker).get("/api/v1/comfort/requests/99999").status_code == 404


def test_comforter_profile_and_queue(api_for, asker, comforter):
    newcomer_client = api_for(asker)
    assert newcomer_client.get("/api/v1/comfort/comforter").json()["active"] is False
    assert newcomer_client.get("/api/v1/comfort/queue").status_code == 403
    refused = newcomer_client.put_json("/api/v1/comfort/comforter", {"languages": ["fr"], "guide_read": False})
    assert refused.status_code == 422 and refused.json()["error"]
    saved = newcomer_client.put_json("/api/v1/comfort/comforter", {"languages": ["en"], "guide_read": True})
    assert saved.status_code == 200 and saved.json()["languages"] == ["en"]
    first = ask(old_member(), text="first", language="en")
    urgent = ask(old_member(), text="second", language="en")
    from reconfort.comfort.services import support_request_flag_risk

    support_request_flag_risk(urgent.post_id)
    queue = newcomer_client.get("/api/v1/comfort/queue").json()
    assert [q["id"] for q in queue] == [str(urgent.pk), str(first.pk)] and queue[0]["urgent"] is True
    left = newcomer_client.put_json("/api/v1/comfort/comforter", {"active": False})
    assert left.json()["active"] is False
    assert newcomer_client.get("/api/v1/comfort/queue").status_code == 403


def test_claim_release_and_conflicts(api_for, asker, comforter):
    request = ask(asker)
    other = old_member()
    opt_in(other)
    mine = api_for(comforter).post(f"/api/v1/comfort/requests/{request.pk}/claim")
    assert mine.status_code == 200 and mine.json()["claim"]["expires_at"]
    taken = api_for(other).post(f"/api/v1/comfort/requests/{request.pk}/claim")
    assert taken.status_code == 409 and taken.json()["error"]
    assert api_for(other).get("/api/v1/comfort/queue").json() == []
    released = api_for(comforter).post(f"/api/v1/comfort/requests/{request.pk}/release")
    assert released.status_code == 200 and released.json()["claim"] is None
    assert api_for(other).post(f"/api/v1/comfort/requests/{request.pk}/claim").status_code == 200
    assert Claim.objects.get(state=Claim.State.ACTIVE).comforter == other
    not_comforter = api_for(old_member()).post(f"/api/v1/comfort/requests/{request.pk}/claim")
    assert not_comforter.status_code == 403
    block_create(asker, comforter)
    assert api_for(comforter).post(f"/api/v1/comfort/requests/{request.pk}/claim").status_code == 404


def test_comforted_and_thanks(api_for, asker, comforter):
    request = ask(asker)
    trusted_by(asker, comforter)
    make_post(comforter, "Je vous lis, je suis là.", in_reply_to_id=request.post_id)
    assert api_for(comforter).post(f"/api/v1/comfort/requests/{request.pk}/comforted").status_code == 403
    stolen = api_for(comforter).post_json(
        f"/api/v1/comfort/requests/{request.pk}/thanks", {"account_id": str(comforter.pk), "text": "Merci"}
    )
    assert stolen.status_code == 403
    too_long = api_for(asker).post_json(
        f"/api/v1/comfort/requests/{request.pk}/thanks", {"account_id": str(comforter.pk), "text": "x" * 501}
    )
    assert too_long.status_code == 422
    sent = api_for(asker).post_json(
        f"/api/v1/comfort/requests/{request.pk}/thanks", {"account_id": str(comforter.pk), "text": "Merci Paul"}
    )
    assert sent.status_code == 200 and Thanks.objects.get().text == "Merci Paul"
    assert [t["text"] for t in api_for(comforter).get("/api/v1/comfort/thanks").json()] == ["Merci Paul"]
    assert api_for(asker).get("/api/v1/comfort/thanks").json() == []
    done = api_for(asker).post(f"/api/v1/comfort/requests/{request.pk}/comforted")
    assert done.status_code == 200 and done.json()["comforted"] is True


def test_the_comforter_gets_a_gratitude_notification(api_for, asker, comforter):
    request = ask(asker)
    trusted_by(asker, comforter)
    make_post(comforter, "Je pense à vous.", in_reply_to_id=request.post_id)
    api_for(asker).post_json(
        f"/api/v1/comfort/requests/{request.pk}/thanks", {"account_id": str(comforter.pk), "text": "Merci"}
    )
    from reconfort.notifications.models import Notification

    assert Notification.objects.filter(recipient=comforter, type="gratitude", actor=asker).count() == 1


def test_stats_for_moderators_only(api_for, asker):
    ask(asker)
    assert api_for(asker).get("/api/v1/comfort/stats").status_code == 403
    rows = api_for(old_member(role=Role.MODERATOR)).get("/api/v1/comfort/stats").json()
    assert rows[0]["requests"] == 1 and rows[0]["waiting"] == 1 and rows[0]["language"] == "fr"


def test_needs_a_token(anon):
    assert anon.get("/api/v1/comfort/queue").status_code == 401
    assert anon.post("/api/v1/comfort/requests").status_code == 401


def test_responses_match_the_published_schemas(api_for, anon, asker, comforter):
    openapi = anon.get("/api/openapi.json").json()
    request = ask(asker)
    moderator = old_member(role=Role.MODERATOR)
    checks = [
        ("get", "/api/v1/comfort/queue", api_for(comforter).get("/api/v1/comfort/queue")),
        ("post", "/api/v1/comfort/requests/{request_id}/claim",
         api_for(comforter).post(f"/api/v1/comfort/requests/{request.pk}/claim")),
        ("get", "/api/v1/comfort/comforter", api_for(comforter).get("/api/v1/comfort/comforter")),
        ("get", "/api/v1/comfort/stats", api_for(moderator).get("/api/v1/comfort/stats")),
        ("post", "/api/v1/comfort/requests",
         api_for(asker).post_json("/api/v1/comfort/requests", {"text": "Aidez-moi"})),
    ]  # fmt: skip
    for method, path, response in checks:
        assert response.status_code == 200, (path, response.content)
        schema = openapi["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.validate(response.json(), {**schema, "components": openapi["components"]})

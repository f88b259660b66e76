"""The Mastodon API and an anonymous request for comfort (decision 0038): its author is a pseudonym account (an
opaque non-numeric id, no picture, no profile) for everyone but the asker and moderators, in statuses, threads,
replies, notifications, the account's statuses, search and home timelines."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Role
from reconfort.comfort import services as comfort_services
from reconfort.posts import services as post_services
from tests.factories import UserFactory, make_post


def member(**kwargs):
    return UserFactory(date_joined=timezone.now() - timedelta(days=60), language="en", **kwargs)


@pytest.fixture
def people(db):
    asker = member(username="solene_v", display_name="Solène Verdier")
    follower = member(username="bruno", display_name="Bruno")
    stranger = member(username="ines", display_name="Inès")
    moderator = member(username="garance", display_name="Garance", role=Role.MODERATOR)
    comforter = member(username="paul", display_name="Paul")
    account_services.follow_create(follower, asker)
    account_services.follow_create(asker, comforter)  # the kind-reply guard shows his replies at once
    return {"asker": asker, "follower": follower, "stranger": stranger, "moderator": moderator, "comforter": comforter}


@pytest.fixture
def request_(people):
    return comfort_services.support_request_ask(
        people["asker"], text="Je pleure chaque nuit #insomnie", topic="grief", language="fr", anonymous=True
    )


def test_the_status_account_is_a_pseudonym_for_others(api_for, people, request_):
    path = f"/api/v1/statuses/{request_.post_id}"
    for viewer in (None, people["stranger"], people["follower"]):
        data = api_for(viewer).get(path).json()
        account = data["account"]
        assert account["id"] == f"anon-{request_.post_id}" and not account["id"].isdigit()
        assert account["display_name"] == request_.pseudonym
        assert account["acct"] == account["username"] == request_.pseudonym.lower().replace(" ", "-")
        assert account["locked"] is True and account["note"] == "" and account["avatar"].endswith("missing.png")
        assert account["statuses_count"] == 0 and account["followers_count"] == 0
        assert data["url"].endswith(f"/posts/{request_.post_id}") and "solene" not in str(data).lower()
    for insider in ("asker", "moderator"):
        account = api_for(people[insider]).get(path).json()["account"]
        assert account["id"] == str(people["asker"].pk) and account["username"] == "solene_v"


def test_pseudonym_accounts_do_not_exist_as_accounts(api_for, people, request_):
    client = api_for(people["stranger"])
    for path in ("/api/v1/accounts/anon-123", f"/api/v1/accounts/anon-{request_.post_id}"):
        response = client.get(path)
        assert response.status_code == 404 and "error" in response.json()
    response = client.get(f"/api/v1/accounts/anon-{request_.post_id}/statuses")
    assert response.status_code == 404 and "error" in response.json()


def test_replies_name_the_pseudonym_not_the_asker(api_for, people, request_):
    created = api_for(people["comforter"]).post_json(
        "/api/v1/statuses", {"status": "Je suis là.", "in_reply_to_id": str(request_.post_id)}
    )
    assert created.status_code == 200, created.content
    reply = created.json()
    assert reply["mentions"] == [] and reply["in_reply_to_account_id"] == f"anon-{request_.post_id}"
    context = api_for(people["stranger"]).get(f"/api/v1/statuses/{request_.post_id}/context").json()
    [shown] = context["descendants"]
    assert shown["in_reply_to_account_id"] == f"anon-{request_.post_id}" and shown["mentions"] == []
    ancestors = api_for(people["stranger"]).get(f"/api/v1/statuses/{reply['id']}/context").json()["ancestors"]
    assert ancestors[0]["account"]["id"] == f"anon-{request_.post_id}"
    own = api_for(people["asker"]).get(f"/api/v1/statuses/{reply['id']}").json()
    assert own["in_reply_to_account_id"] == str(people["asker"].pk)


def test_the_askers_reply_reaches_the_comforter_under_the_pseudonym(api_for, people, request_):
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request_.post_id)
    answer = api_for(people["asker"]).post_json(
        "/api/v1/statuses", {"status": "Merci, ça m'aide.", "in_reply_to_id": str(reply.pk)}
    )
    assert answer.status_code == 200 and answer.json()["account"]["id"] == str(people["asker"].pk)
    notifications = api_for(people["comforter"]).get("/api/v1/notifications").json()
    mention = next(n for n in notifications if n["type"] == "mention")
    assert mention["account"]["id"] == f"anon-{request_.post_id}"
    assert mention["status"]["account"]["display_name"] == request_.pseudonym
    assert "solene" not in str(mention).lower()


def test_the_askers_statuses_and_the_followers_home_leave_it_out(api_for, people, request_):
    make_post(people["asker"], "Un message ordinaire")
    path = f"/api/v1/accounts/{people['asker'].pk}/statuses"
    for viewer in (None, people["stranger"], people["follower"]):
        texts = [s["content"] for s in api_for(viewer).get(path).json()]
        assert len(texts) == 1 and "ordinaire" in texts[0]
    assert len(api_for(people["asker"]).get(path).json()) == 2
    assert len(api_for(people["moderator"]).get(path).json()) == 2
    home = api_for(people["follower"]).get("/api/v1/timelines/home").json()
    assert [s["content"] for s in home if "pleure" in s["content"]] == []
    public = api_for(people["stranger"]).get("/api/v1/timelines/public").json()
    [found] = [s for s in public if "pleure" in s["content"]]
    assert found["account"]["id"] == f"anon-{request_.post_id}"


def test_search_by_author_never_finds_it(api_for, people, request_):
    client = api_for(people["stranger"])
    words = client.get("/api/v2/search", {"q": "pleure", "type": "statuses"}).json()["statuses"]
    assert [s["account"]["id"] for s in words] == [f"anon-{request_.post_id}"]
    by_her = client.get("/api/v2/search", {"q": "pleure", "type": "statuses", "account_id": str(people["asker"].pk)})
    assert by_her.json()["statuses"] == []
    following = api_for(people["follower"]).get(
        "/api/v2/search", {"q": "pleure", "type": "statuses", "following": "true"}
    )
    assert following.json()["statuses"] == []


def test_givers_and_history_show_the_pseudonym(api_for, people, request_):
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request_.post_id)
    post_services.gesture_add(people["asker"], reply, "heart")
    post_services.gesture_add(people["asker"], reply, "hug")
    comforter = api_for(people["comforter"])
    [giver] = comforter.get(f"/api/v1/statuses/{reply.pk}/favourited_by").json()
    assert giver["id"] == f"anon-{request_.post_id}"
    reactions = comforter.get(f"/api/v1/pleroma/statuses/{reply.pk}/reactions").json()
    assert {a["id"] for r in reactions for a in r["accounts"]} == {f"anon-{request_.post_id}"}
    history = api_for(people["stranger"]).get(f"/api/v1/statuses/{request_.post_id}/history").json()
    assert history[0]["account"]["id"] == f"anon-{request_.post_id}"


def test_asking_anonymously_for_followers_only_is_refused(api_for, people):
    response = api_for(people["asker"]).post_json(
        "/api/v1/comfort/requests", {"text": "Je pleure", "audience": "private", "anonymous": True}
    )
    assert response.status_code == 422 and "error" in response.json()
    created = api_for(people["asker"]).post_json(
        "/api/v1/comfort/requests", {"text": "Je pleure", "audience": "unlisted", "anonymous": True}
    )
    assert created.status_code == 200 and created.json()["author"]["anonymous"] is True

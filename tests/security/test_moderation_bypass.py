"""CVE-2026-23961 and its kin: once a member is suspended, nothing of theirs comes back by another road."""

import pytest

from reconfort.accounts import services as accounts
from reconfort.accounts.models import Role
from reconfort.moderation import services as moderation
from reconfort.posts import services as posts
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def troll(db):
    return UserFactory(username="troll")


@pytest.fixture
def scene(user, other, troll):
    """The troll posted, was reshared by `other`, replied to `user`, mentioned and gave gestures; `user`
    follows `other`."""
    accounts.follow_create(user, other)
    accounts.follow_create(user, troll)
    cruel = make_post(troll, text="Quelle blague ce deuil #réconfort")
    posts.post_reblog(other, cruel)
    grief = make_post(user, text="Mon père est parti cette nuit #réconfort")
    reply = make_post(troll, text="@marie personne ne s'en soucie", in_reply_to_id=grief.pk)
    posts.gesture_add(troll, grief, "heart")
    moderator = UserFactory(role=Role.MODERATOR)
    moderation.decision_take(moderator, troll, action="suspend", reason="Harcèlement de personnes en deuil")
    return {"cruel": cruel, "grief": grief, "reply": reply}


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()}


def test_not_through_reshares_in_any_timeline(api, scene):
    cruel = str(scene["cruel"].pk)
    home = api.get("/api/v1/timelines/home").json()
    assert cruel not in {s["id"] for s in home} | {(s.get("reblog") or {}).get("id") for s in home}
    assert cruel not in ids(api.get("/api/v1/timelines/public"))
    assert cruel not in ids(api.get("/api/v1/timelines/tag/réconfort"))


def test_not_through_replies_or_direct_fetch(api, anon, scene):
    context = api.get(f"/api/v1/statuses/{scene['grief'].pk}/context").json()
    assert str(scene["reply"].pk) not in {s["id"] for s in context["descendants"]}
    assert api.get(f"/api/v1/statuses/{scene['cruel'].pk}").status_code == 404
    assert anon.get(f"/api/v1/statuses/{scene['reply'].pk}").status_code == 404


def test_not_through_notifications_search_or_account_pages(api, troll, scene):
    notifications = api.get("/api/v1/notifications").json()
    assert all(n["account"]["id"] != str(troll.pk) for n in notifications)
    found = api.get("/api/v2/search", {"q": "troll", "type": "accounts"}).json()["accounts"]
    assert found == []
    assert api.get(f"/api/v1/accounts/{troll.pk}").status_code == 404
    assert api.get(f"/api/v1/accounts/{troll.pk}/statuses").status_code == 404


def test_not_through_a_token_issued_before(api_for, troll, scene):
    assert api_for(troll).get("/api/v1/accounts/verify_credentials").status_code == 401

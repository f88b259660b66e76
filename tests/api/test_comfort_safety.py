"""API of the safety net: helplines by country, and « je m'inquiète pour cette personne »."""

from datetime import timedelta

from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.comfort.safety.models import Worry
from reconfort.moderation.models import QueueItem
from reconfort.notifications.models import Notification
from tests.factories import UserFactory, make_post


def _aged(user, days=30):
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    return user


def test_helplines_of_a_country_without_a_token(anon):
    response = anon.get("/api/v1/comfort/helplines", {"country": "fr"})
    assert response.status_code == 200
    body = response.json()
    assert body["country"] == "FR" and body["emergency"] == "112" and body["checked"]
    assert {h["number"] for h in body["helplines"]} == {"3114", "09 72 39 40 50"}
    assert body["directory"]["url"] == "https://findahelpline.com"


def test_helplines_default_to_the_callers_country(api_for):
    member = UserFactory(username="toronto", time_zone="America/Toronto", language="en")
    body = api_for(member).get("/api/v1/comfort/helplines").json()
    assert body["country"] == "CA" and body["helplines"][0]["number"] == "988"
    assert body["helplines"][0]["hours"].startswith("24 hours")  # in the member's language
    assert body["helplines"][0]["sms"] == "988"


def test_helplines_of_a_country_without_entries_give_the_directory(anon):
    body = anon.get("/api/v1/comfort/helplines", {"country": "JP"}).json()
    assert body["country"] is None and body["helplines"] == [] and body["directory"]["name"]


def test_helplines_bad_country_code(anon):
    response = anon.get("/api/v1/comfort/helplines", {"country": "France"})
    assert response.status_code == 422 and "error" in response.json()


def test_worried_reaches_moderators_only(api_for, user):
    elder = _aged(UserFactory(username="elder"))
    post = make_post(user, "Je suis si fatiguée.")
    before = Notification.objects.filter(recipient=user).count()
    response = api_for(elder).post_json("/api/v1/comfort/worried", {"status_id": str(post.pk), "note": "Inquiète."})
    assert response.status_code == 200, response.content
    assert response.json()["status_id"] == str(post.pk)
    again = api_for(elder).post_json("/api/v1/comfort/worried", {"status_id": str(post.pk)})
    assert again.json()["id"] == response.json()["id"]
    assert QueueItem.objects.filter(kind=QueueItem.Kind.CRISIS_ALERT, subject_id=post.pk, risk=0).count() == 1
    assert Notification.objects.filter(recipient=user).count() == before


def test_worried_form_encoded(api_for, user):
    elder = _aged(UserFactory(username="elder"))
    post = make_post(user, "Fatiguée.")
    response = api_for(elder).post("/api/v1/comfort/worried", {"status_id": str(post.pk)})
    assert response.status_code == 200, response.content


def test_worried_refused_to_new_accounts(api_for, user):
    post = make_post(user, "Fatiguée.")
    response = api_for(UserFactory(username="newcomer")).post_json("/api/v1/comfort/worried", {"status_id": post.pk})
    assert response.status_code == 403 and "error" in response.json()
    assert not Worry.objects.exists()


def test_worried_rate_limited(api_for, user):
    client = api_for(_aged(UserFactory(username="elder")))
    posts = [make_post(user, f"Fatiguée {i}.") for i in range(6)]
    for post in posts[:5]:
        assert client.post_json("/api/v1/comfort/worried", {"status_id": str(post.pk)}).status_code == 200
    response = client.post_json("/api/v1/comfort/worried", {"status_id": str(posts[5].pk)})
    assert response.status_code == 429 and response.has_header("Retry-After")


def test_worried_errors(api_for, anon, user):
    elder = _aged(UserFactory(username="elder"))
    own = make_post(elder, "Moi.")
    hidden = make_post(user, "Pour moi.", visibility="direct")
    client = api_for(elder)
    assert client.post_json("/api/v1/comfort/worried", {"status_id": str(own.pk)}).status_code == 403
    assert client.post_json("/api/v1/comfort/worried", {"status_id": str(hidden.pk)}).status_code == 404
    assert client.post_json("/api/v1/comfort/worried", {"status_id": "nope"}).status_code == 404
    assert client.post_json("/api/v1/comfort/worried", {}).status_code in (400, 422)
    long_note = {"status_id": str(make_post(user, "x").pk), "note": "x" * 1001}
    assert client.post_json("/api/v1/comfort/worried", long_note).status_code == 422
    assert anon.post_json("/api/v1/comfort/worried", {"status_id": str(own.pk)}).status_code == 401
    assert api_for(elder, scope="read").post_json("/api/v1/comfort/worried", {"status_id": "1"}).status_code == 403
    assert not Worry.objects.exists()


def test_documented_in_openapi(anon):
    paths = anon.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/comfort/helplines" in paths and "post" in paths["/api/v1/comfort/worried"]


def test_safety_panel_for_clients(api_for, user, other):
    assert api_for(user).get("/api/v1/comfort/safety_panel").json() is None
    post = make_post(user, "Je veux en finir.")
    body = api_for(user).get("/api/v1/comfort/safety_panel").json()
    assert body["status_id"] == str(post.pk) and body["helplines"]["country"] == "FR"
    assert api_for(other).get("/api/v1/comfort/safety_panel").json() is None  # only the author
    assert api_for(other).post_json(f"/api/v1/comfort/safety_panel/{body['id']}/dismiss").status_code == 404
    assert api_for(user).post_json(f"/api/v1/comfort/safety_panel/{body['id']}/dismiss").status_code == 200
    assert api_for(user).get("/api/v1/comfort/safety_panel").json() is None
    assert api_for(user).post_json("/api/v1/comfort/safety_panel/nope/dismiss").status_code == 404

"""The crises API: reading crises, check-ins for followers only, marking others with permission, asking, and the
moderators' operations; errors are {"error"} with the right 4xx."""

import pytest

from reconfort.accounts.models import Role
from reconfort.accounts.services import follow_create
from reconfort.crisis import services
from reconfort.crisis.models import CheckIn, Crisis, SafetyQuestion
from tests.crisis.conftest import open_crisis
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", role=Role.MODERATOR)


@pytest.fixture
def crisis(moderator):
    return open_crisis(moderator)


def test_anyone_reads_crises_but_not_proposals(anon, crisis, moderator, api_for):
    proposal = open_crisis(moderator, name="Peut-être")
    Crisis.objects.filter(pk=proposal.pk).update(state="proposed")
    listed = anon.get("/api/v1/crises").json()
    assert [c["slug"] for c in listed] == [crisis.slug]
    one = anon.get(f"/api/v1/crises/{crisis.slug}").json()
    assert one["state"] == "active" and sorted(one["tags"]) == ["CrueLyon", "inondations"]
    assert one["place"]["name"] == "Lyon" and one["notices"] == [] and one["my_check_in"] is None
    response = anon.get(f"/api/v1/crises/{proposal.slug}")
    assert response.status_code == 404 and "error" in response.json()
    assert api_for(moderator).get(f"/api/v1/crises/{proposal.slug}").status_code == 200


def test_check_in_and_followers_only_list(api_for, crisis, user, other, third):
    follow_create(other, user)
    response = api_for(user).post_json(f"/api/v1/crises/{crisis.slug}/check_in", {"status": "safe"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "safe" and response.json()["marked_by"] is None
    seen = api_for(other).get(f"/api/v1/crises/{crisis.slug}/check_ins").json()
    assert [c["account"]["username"] for c in seen] == ["marie"]
    assert api_for(third).get(f"/api/v1/crises/{crisis.slug}/check_ins").json() == []  # a stranger sees nothing
    assert api_for(user).get(f"/api/v1/crises/{crisis.slug}").json()["my_check_in"] == "safe"
    response = api_for(user).delete(f"/api/v1/crises/{crisis.slug}/check_in")
    assert response.status_code == 200 and response.json()["my_check_in"] is None
    assert not CheckIn.objects.exists()


def test_check_in_refusals(api_for, anon, crisis, user, other, moderator):
    path = f"/api/v1/crises/{crisis.slug}/check_in"
    assert anon.post_json(path, {"status": "safe"}).status_code == 401
    bad = api_for(user).post_json(path, {"status": "fine"})
    assert bad.status_code == 422 and "error" in bad.json()
    marking = api_for(other).post_json(path, {"status": "safe", "account_id": str(user.pk)})
    assert marking.status_code == 403 and "error" in marking.json()
    services.trusted_add(user, other)
    marking = api_for(other).post_json(path, {"status": "safe", "account_id": str(user.pk)})
    assert marking.status_code == 200 and marking.json()["marked_by"]["username"] == "tom"
    assert api_for(other).post_json(path, {"status": "safe", "account_id": "nope"}).status_code == 404
    services.crisis_transition(moderator, crisis, "archived")
    closed = api_for(user).post_json(path, {"status": "safe"})
    assert closed.status_code == 409 and "error" in closed.json()
    assert api_for(user).post_json("/api/v1/crises/unknown/check_in", {"status": "safe"}).status_code == 404


def test_ask_only_people_you_follow(api_for, crisis, user, other, third):
    follow_create(other, user)
    assert api_for(third).post(f"/api/v1/crises/{crisis.slug}/ask/{user.pk}").status_code == 403
    assert api_for(other).post(f"/api/v1/crises/{crisis.slug}/ask/{user.pk}").status_code == 200
    assert SafetyQuestion.objects.get().asker == other
    assert api_for(other).post(f"/api/v1/crises/{crisis.slug}/ask/999999").status_code == 404


def test_moderators_open_change_and_pin_members_cannot(api_for, moderator, user):
    body = {"name": "Tempête Alex", "place": "Nice", "radius_km": 40, "tags": ["TempeteAlex"]}
    refused = api_for(user).post_json("/api/v1/crises", body)
    assert refused.status_code == 403 and "error" in refused.json()
    created = api_for(moderator).post_json("/api/v1/crises", body)
    assert created.status_code == 200, created.content
    slug = created.json()["slug"]
    assert created.json()["state"] == "active" and created.json()["tags"] == ["TempeteAlex"]
    pinned = api_for(moderator).post_json(
        f"/api/v1/crises/{slug}/notices", {"text": "Restez chez vous.", "source_url": "https://www.interieur.gouv.fr"}
    )
    assert pinned.json()["notices"][0]["text"] == "Restez chez vous."
    assert api_for(user).post_json(f"/api/v1/crises/{slug}/notices", {"text": "x"}).status_code == 403
    assert api_for(user).post_json(f"/api/v1/crises/{slug}/state", {"state": "archived"}).status_code == 403
    wrong = api_for(moderator).post_json(f"/api/v1/crises/{slug}/state", {"state": "proposed"})
    assert wrong.status_code == 409 and "error" in wrong.json()
    done = api_for(moderator).post_json(f"/api/v1/crises/{slug}/state", {"state": "winding_down"})
    assert done.json()["state"] == "winding_down" and done.json()["checkins_open"] is False
    invalid = api_for(moderator).post_json("/api/v1/crises", {**body, "place": "Nowhereville"})
    assert invalid.status_code == 422 and invalid.json().get("field") == "place"


def test_the_crises_are_in_the_openapi_document(anon):
    paths = anon.get("/api/openapi.json").json()["paths"]
    for path in ("/api/v1/crises", "/api/v1/crises/{slug}", "/api/v1/crises/{slug}/check_in",
                 "/api/v1/crises/{slug}/check_ins", "/api/v1/crises/{slug}/ask/{account_id}"):  # fmt: skip
        assert path in paths, path

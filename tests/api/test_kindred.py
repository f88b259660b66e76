"""/api/v1/comfort/kindred…: the same rules as the pages, through the API."""

import pytest

from reconfort.comfort.kindred.models import KindredLink, KindredProfile

BASE = "/api/v1/comfort/kindred"
FACETS = {"loss": "parent", "since": "this_year", "languages": ["en"], "cause": "cancer", "cause_use": "share"}


@pytest.fixture
def tom(api_for, other):
    client = api_for(other)
    assert client.put_json(f"{BASE}/profile", FACETS).status_code == 200
    return client


def test_profile_round_trip_and_opt_out(api, user):
    assert api.get(f"{BASE}/profile").status_code == 404
    response = api.put_json(f"{BASE}/profile", {**FACETS, "region": "Bretagne"})
    assert response.status_code == 200, response.content
    assert response.json()["cause"] == "cancer"  # one's own cause, to oneself
    assert api.get(f"{BASE}/profile").json()["region"] == "Bretagne"
    assert api.delete(f"{BASE}/profile").status_code == 200
    assert not KindredProfile.objects.filter(user=user).exists()


def test_bad_facets_are_a_422_and_write_nothing(api, user):
    response = api.put_json(f"{BASE}/profile", {**FACETS, "loss": "nothing"})
    assert response.status_code == 422
    assert "error" in response.json()
    assert not KindredProfile.objects.exists()


def test_suggestions_with_reasons_in_the_members_language(api, user, other, tom):
    user.language = "en"
    user.save()
    api.put_json(f"{BASE}/profile", FACETS)
    found = api.get(f"{BASE}/suggestions").json()
    assert [s["account"]["id"] for s in found] == [str(other.pk)]
    assert found[0]["score"] == 90
    assert found[0]["reasons"] == [
        "You have both lost a parent this year.",
        "Cancer is part of both your stories.",
        "You can talk in English.",
    ]
    assert "cause" not in found[0]


def test_request_then_accept(api, user, other, tom):
    api.put_json(f"{BASE}/profile", FACETS)
    response = api.post(f"{BASE}/{other.pk}/request")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "pending"
    assert [r["account"]["id"] for r in tom.get(f"{BASE}/requests").json()] == [str(user.pk)]
    assert api.post(f"{BASE}/{other.pk}/accept").status_code == 404  # not the asker's to answer
    assert tom.post(f"{BASE}/{user.pk}/accept").json()["state"] == "accepted"


def test_decline_and_dismiss(api, user, other, third, tom, api_for):
    api.put_json(f"{BASE}/profile", FACETS)
    api.post(f"{BASE}/{other.pk}/request")
    assert tom.post(f"{BASE}/{user.pk}/decline").json()["state"] == "declined"
    assert api.post(f"{BASE}/{other.pk}/request").status_code == 404
    amina = api_for(third)
    amina.put_json(f"{BASE}/profile", FACETS)
    assert api.post(f"{BASE}/{third.pk}/dismiss").json()["state"] == "dismissed"
    assert api.get(f"{BASE}/suggestions").json() == []
    assert KindredLink.objects.count() == 2


def test_unknown_account_is_404_not_500(api):
    api.put_json(f"{BASE}/profile", FACETS)
    assert api.post(f"{BASE}/999999/request").status_code == 404
    assert api.post(f"{BASE}/abc/request").status_code == 404


def test_anonymous_and_missing_scope_are_refused(anon, api_for, user):
    assert anon.get(f"{BASE}/suggestions").status_code == 401
    assert api_for(user, scope="read").put_json(f"{BASE}/profile", FACETS).status_code == 403


def test_kindred_notices_stay_out_of_the_mastodon_notifications(api, other, tom):
    api.put_json(f"{BASE}/profile", FACETS)
    api.post(f"{BASE}/{other.pk}/request")
    assert [n["type"] for n in tom.get("/api/v1/notifications").json()] == []

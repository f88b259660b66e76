"""POST /api/v1/reports and an anonymous request for comfort (decision 0038): a client reports the pseudonym account
(`anon-<id>`) or the statuses alone; the report is about the real asker for the moderators, the reporter only ever
sees the pseudonym, and no answer tells whose the request is."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Role
from reconfort.comfort import services as comfort_services
from reconfort.moderation.models import Report
from reconfort.posts import services as post_services
from tests.factories import UserFactory, make_post


def member(**kwargs):
    return UserFactory(date_joined=timezone.now() - timedelta(days=60), language="en", **kwargs)


@pytest.fixture
def people(db):
    return {
        "asker": member(username="solene_v", display_name="Solène Verdier"),
        "stranger": member(username="ines", display_name="Inès"),
        "comforter": member(username="paul", display_name="Paul"),
        "moderator": member(username="garance", role=Role.MODERATOR),
    }


@pytest.fixture
def request_(people):
    return comfort_services.support_request_ask(
        people["asker"], text="Je pleure chaque nuit", topic="grief", language="fr", anonymous=True
    )


def _asker_reply(people, request_):
    return post_services.post_create(
        people["asker"], text="Et ce soir encore.", visibility="public", in_reply_to_id=request_.post_id
    )


@pytest.mark.parametrize("with_account", [True, False])
def test_the_pseudonym_or_the_statuses_alone_report_the_asker(api_for, people, request_, with_account):
    own_reply = _asker_reply(people, request_)
    alias_id = f"anon-{request_.post_id}"
    data = {"status_ids": [str(request_.post_id), str(own_reply.pk)], "category": "spam", "comment": "Pub."}
    if with_account:
        data["account_id"] = alias_id
    response = api_for(people["stranger"]).post_json("/api/v1/reports", data)
    assert response.status_code == 200, response.content
    shown = response.json()
    assert shown["target_account"]["id"] == alias_id and shown["target_account"]["display_name"] == request_.pseudonym
    assert sorted(shown["status_ids"]) == sorted([str(request_.post_id), str(own_reply.pk)])
    assert "solene" not in str(shown).lower()
    report = Report.objects.get()
    assert report.target_account == people["asker"] and report.target_alias == request_.pseudonym
    assert {p.pk for p in report.posts.all()} == {request_.post_id, own_reply.pk}


def test_the_pseudonym_alone_reports_its_request(api_for, people, request_):
    response = api_for(people["stranger"]).post_json(
        "/api/v1/reports", {"account_id": f"anon-{request_.post_id}", "category": "other"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status_ids"] == [str(request_.post_id)]
    assert Report.objects.get().target_account == people["asker"]


def test_a_moderator_reporting_sees_the_real_account(api_for, people, request_):
    response = api_for(people["moderator"]).post_json(
        "/api/v1/reports", {"status_ids": [str(request_.post_id)], "category": "spam"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["target_account"]["username"] == "solene_v"


def test_the_pseudonym_covers_only_the_posts_of_its_thread(api_for, people, request_):
    """The asker's named post, another request of hers, or a comforter's reply are not the pseudonym's: 404 like an
    unknown account, and nothing is written."""
    client = api_for(people["stranger"])
    account_services.follow_create(people["asker"], people["comforter"])  # his reply is shown at once, not held
    named = make_post(people["asker"], text="Bonjour à tous")
    other_request = comfort_services.support_request_ask(
        people["asker"], text="Encore une nuit", topic="grief", language="fr", anonymous=True
    )
    comfort = post_services.post_create(
        people["comforter"], text="Courage.", visibility="public", in_reply_to_id=request_.post_id
    )
    for post_id in (named.pk, other_request.post_id, comfort.pk):
        assert client.get(f"/api/v1/statuses/{post_id}").status_code == 200  # seen, but not the pseudonym's
        response = client.post_json(
            "/api/v1/reports",
            {"account_id": f"anon-{request_.post_id}", "status_ids": [str(post_id)], "category": "spam"},
        )
        assert response.status_code == 404 and "error" in response.json(), post_id
    for bad in ("anon-", "anon-x", "anon-999999"):
        response = client.post_json("/api/v1/reports", {"account_id": bad, "category": "spam"})
        assert response.status_code == 404, bad
    assert not Report.objects.exists()


def test_mixing_a_pseudonym_and_a_name_is_refused_whoever_wrote_them(api_for, people, request_):
    """Accepting the asker's named post with her anonymous request, and refusing someone else's, would say whose the
    request is: both are refused."""
    client = api_for(people["stranger"])
    for author in ("asker", "comforter"):
        named = make_post(people[author], text="Bonjour")
        response = client.post_json(
            "/api/v1/reports", {"status_ids": [str(request_.post_id), str(named.pk)], "category": "spam"}
        )
        assert response.status_code == 422, author
        assert response.json()["field"] == "status_ids"
    assert not Report.objects.exists()


def test_the_asker_cannot_report_her_own_request(api_for, people, request_):
    client = api_for(people["asker"])
    for data in (
        {"account_id": f"anon-{request_.post_id}", "category": "spam"},
        {"status_ids": [str(request_.post_id)], "category": "spam"},
    ):
        response = client.post_json("/api/v1/reports", data)
        assert response.status_code == 403 and "error" in response.json()
    assert not Report.objects.exists()


def test_statuses_the_caller_cannot_see_are_not_found(api_for, people):
    hidden = make_post(people["asker"], text="Pour mes proches", visibility="private")
    response = api_for(people["stranger"]).post_json(
        "/api/v1/reports", {"status_ids": [str(hidden.pk)], "category": "spam"}
    )
    assert response.status_code == 404 and not Report.objects.exists()

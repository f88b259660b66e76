"""Call-outs through the pages and the API: choosing them, the notification, the moderators' figures, the jobs."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from huey.api import PeriodicTask

from reconfort.accounts.models import Role
from reconfort.comfort import callouts, services, tasks
from reconfort.comfort.models import Claim, Comforter
from reconfort.notifications.models import Notification
from tests.api.conftest import api_for, app  # noqa: F401 - fixtures

from .conftest import ask, old_member, opt_in
from .test_callouts import on_call, waited

pytestmark = pytest.mark.django_db


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def pablo(db):
    return on_call(old_member(username="pablo", display_name="Pablo", language="en")).user


def test_choosing_call_outs_on_the_comforter_page(asker):
    member = old_member(username="zoe", language="en", time_zone="America/Montreal")
    opt_in(member)
    client = signed_in(member)
    page = client.get("/comfort/comforter/")
    assert page.status_code == 200 and 'name="on_call"' in page.text and "America/Montreal" in page.text
    saved = client.post(
        "/comfort/comforter/",
        {"languages": ["fr"], "guide_read": "on", "on_call": "on", "call_from_hour": "22", "call_until_hour": "7"},
    )
    assert saved.status_code == 302
    comforter = Comforter.objects.get(user=member)
    assert (comforter.on_call, comforter.call_from_hour, comforter.call_until_hour) == (True, 22, 7)
    refused = client.post(
        "/comfort/comforter/", {"languages": ["en"], "guide_read": "on", "on_call": "", "call_from_hour": "25"}
    )
    assert refused.status_code == 422
    comforter.refresh_from_db()
    assert comforter.on_call and comforter.languages == ["fr"]  # nothing half-written
    client.post("/comfort/comforter/", {"languages": ["fr"], "guide_read": "on", "call_from_hour": "9",
                                        "call_until_hour": "21"})  # fmt: skip
    assert Comforter.objects.get(user=member).on_call is False  # unticked: no more calls


def test_the_notification_says_only_that_someone_waits_in_a_language(asker, pablo):
    waited(ask(asker, text="Mon chat est mort ce matin."), 20)
    callouts.calls_send()
    page = signed_in(pablo).get("/notifications/")
    assert page.status_code == 200
    assert "Someone is waiting for comfort in French." in page.text and 'href="/comfort/queue/"' in page.text
    assert "chat" not in page.text and "Léa" not in page.text and "@lea" not in page.text


def test_the_notification_through_the_api(api_for, asker, pablo):  # noqa: F811
    waited(ask(asker), 20)
    client = api_for(pablo)
    assert client.get("/api/v1/comfort/comforter").json()["last_call"] is None
    [call] = callouts.calls_send()
    # Mastodon clients do not know this type: it is not listed (and nothing breaks) ...
    listed = client.get("/api/v1/notifications")
    assert listed.status_code == 200 and listed.json() == []
    notice = Notification.objects.get(recipient=pablo, type="comfort_call", subject_id=call.pk)
    assert client.get(f"/api/v1/notifications/{notice.pk}").status_code == 404
    # ... our own clients read it on the comforter's profile: a language, a time, nothing else.
    profile = client.get("/api/v1/comfort/comforter").json()
    assert profile["on_call"] is True and profile["last_call"]["language"] == "fr"
    assert set(profile["last_call"]) == {"language", "created_at"}


def test_choosing_call_outs_through_the_api(api_for, asker):  # noqa: F811
    member = old_member(username="zoe", time_zone="Europe/Brussels")
    client = api_for(member)
    saved = client.put_json(
        "/api/v1/comfort/comforter",
        {"languages": ["fr"], "guide_read": True, "on_call": True, "call_from_hour": 8, "call_until_hour": 20},
    )
    assert saved.status_code == 200, saved.content
    data = saved.json()
    assert (data["on_call"], data["call_from_hour"], data["call_until_hour"]) == (True, 8, 20)
    assert data["time_zone"] == "Europe/Brussels"
    kept = client.put_json("/api/v1/comfort/comforter", {"languages": ["fr", "en"], "guide_read": True}).json()
    assert (kept["on_call"], kept["call_from_hour"]) == (True, 8)  # absent: unchanged
    refused = client.put_json(
        "/api/v1/comfort/comforter", {"languages": ["en"], "guide_read": True, "call_until_hour": 24}
    )
    assert refused.status_code == 422 and refused.json()["error"]
    assert Comforter.objects.get(user=member).languages == ["fr", "en"]  # nothing half-written
    off = client.put_json("/api/v1/comfort/comforter", {"languages": ["fr"], "guide_read": True, "on_call": False})
    assert off.json()["on_call"] is False


def test_moderators_see_calls_and_those_followed_by_a_claim(api_for, asker, pablo, settings):  # noqa: F811
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    first = waited(ask(asker), 40)
    nadia = on_call(old_member(username="nadia")).user
    second = waited(ask(old_member(), text="Une autre"), 20)
    now = timezone.now()
    [call_one] = callouts.calls_send(now=now - timedelta(minutes=10))  # first only (second waited 10 min then)
    [call_two] = callouts.calls_send(now=now)
    assert (call_one.comforter_id, call_one.request_id) == (pablo.pk, first.pk)
    assert (call_two.comforter_id, call_two.request_id) == (nadia.pk, second.pk)
    services.claim_open(pablo, first)  # Pablo came; Nadia did not
    moderator = old_member(role=Role.MODERATOR, language="en")
    page = signed_in(moderator).get("/comfort/stats/")
    assert "Call-outs sent" in page.text
    row = page.context["rows"][0]
    assert (row.calls, row.calls_claimed) == (2, 1)
    api_row = api_for(moderator).get("/api/v1/comfort/stats").json()[0]
    assert (api_row["calls"], api_row["calls_claimed"]) == (2, 1)
    # A claim more than half an hour after the call does not count.
    Claim.objects.update(created_at=now + timedelta(minutes=45))
    assert signed_in(moderator).get("/comfort/stats/").context["rows"][0].calls_claimed == 0


def test_the_jobs_are_periodic_every_five_minutes():
    for job in (tasks.call_out_comforters, tasks.release_expired_claims):
        assert isinstance(job.task_class(), PeriodicTask)
        minute = timezone.now().replace(minute=10, second=0, microsecond=0)
        assert job.task_class().validate_datetime(minute)
        assert not job.task_class().validate_datetime(minute.replace(minute=12))


def test_the_release_job_expires_claims_nobody_used(asker, comforter):
    request = ask(asker)
    services.claim_open(comforter, request)
    fresh = ask(old_member(), text="Encore une")
    services.claim_open(comforter, fresh)
    Claim.objects.filter(request=request).update(expires_at=timezone.now() - timedelta(minutes=1))
    tasks.release_expired_claims()  # Huey runs it at once in tests
    states = dict(Claim.objects.values_list("request_id", "state"))
    assert states == {request.pk: Claim.State.EXPIRED, fresh.pk: Claim.State.ACTIVE}


def test_the_call_job_sends_calls(asker, pablo):
    waited(ask(asker), 20)
    tasks.call_out_comforters()
    assert pablo.comfort_calls.count() == 1

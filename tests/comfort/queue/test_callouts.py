"""Call-outs: when someone has waited, one gentle call to one on-call comforter (comfort/callouts.py, oncall.py)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Mute
from reconfort.comfort import callouts, oncall, services
from reconfort.comfort.models import Call, Claim, SupportRequest
from reconfort.core.errors import ServiceError
from reconfort.notifications.models import Notification

from .conftest import ask, old_member, opt_in

pytestmark = pytest.mark.django_db


def on_call(member, languages=("fr", "en"), topics=(), from_hour=0, until_hour=0):
    """An opted-in comforter on call (by default at any hour)."""
    opt_in(member, languages=languages, topics=topics)
    return callouts.call_settings_save(member, on_call=True, from_hour=from_hour, until_hour=until_hour)


def waited(request, minutes, now=None):
    """The request was asked `minutes` ago."""
    now = now or timezone.now()
    SupportRequest.objects.filter(pk=request.pk).update(created_at=now - timedelta(minutes=minutes))
    request.refresh_from_db()
    return request


def called_before(member, *, hours: float):
    """A call to `member` `hours` ago, for an earlier request."""
    earlier = ask(old_member(), text=f"Il y a {hours} h")
    return Call.objects.create(
        request=earlier, comforter=member, language="fr", created_at=timezone.now() - timedelta(hours=hours)
    )


def called(member) -> int:
    return Call.objects.filter(comforter=member).count()


@pytest.fixture
def paul(db):
    return on_call(old_member(username="pablo", display_name="Pablo")).user


@pytest.fixture
def waiting(asker):
    return waited(ask(asker), 20)


# --- the base case, and what the notification says ---------------------------------------------------------


def test_someone_who_waited_brings_one_call_to_one_on_call_comforter(asker, paul, waiting):
    sent = callouts.calls_send()
    assert [(c.comforter_id, c.request_id, c.language) for c in sent] == [(paul.pk, waiting.pk, "fr")]
    notice = Notification.objects.get(recipient=paul, type="comfort_call")
    # A notice of its own: no asker behind it, no post, only the call (whose language the page shows).
    assert notice.actor_id == paul.pk and notice.post_id is None and notice.subject_id == sent[0].pk
    assert not Notification.objects.filter(recipient=asker).exists()


def test_no_call_before_the_request_has_waited_long_enough(asker, paul, settings):
    settings.RECONFORT_COMFORT_CALL_AFTER_MINUTES = 15
    request = waited(ask(asker), 10)
    assert callouts.calls_send() == []
    settings.RECONFORT_COMFORT_CALL_AFTER_MINUTES = 5
    assert [c.request_id for c in callouts.calls_send()] == [request.pk]


def test_nobody_is_called_who_did_not_choose_it(asker, comforter, waiting):
    """`comforter` opted in to the queue, not to call-outs."""
    assert callouts.calls_send() == [] and not Notification.objects.filter(type="comfort_call").exists()
    callouts.call_settings_save(comforter, on_call=True, from_hour=0, until_hour=0)
    assert called(comforter) == 0
    assert [c.comforter_id for c in callouts.calls_send()] == [comforter.pk]


def test_a_comforter_who_left_the_queue_is_not_called(asker, paul, waiting):
    services.comforter_save(paul, languages=[], guide_read=False, active=False)
    assert callouts.calls_send() == []


# --- every rule of eligibility can refuse ------------------------------------------------------------------


def _claimed_elsewhere_recently(paul, asker):
    other = waited(ask(old_member(), text="Une autre demande"), 1)  # too recent to be called for itself
    services.claim_open(paul, other)


def _limit_reached(paul, asker, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 1
    other = ask(old_member(), text="Une autre demande")
    services.claim_open(paul, other)
    Claim.objects.filter(comforter=paul).update(created_at=timezone.now() - timedelta(hours=2))


def _two_calls_today(paul, asker, settings):
    settings.RECONFORT_COMFORT_CALLS_PER_DAY = 2
    for hours in (4, 8):
        Call.objects.create(
            request=ask(old_member(), text=f"Demande {hours}"),
            comforter=paul,
            language="fr",
            created_at=timezone.now() - timedelta(hours=hours),
        )


def _called_two_hours_ago(paul, asker, settings):
    called_before(paul, hours=2)


def _too_new(paul, asker, settings):
    settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS = 7
    type(paul).objects.filter(pk=paul.pk).update(date_joined=timezone.now() - timedelta(days=2))


def _private_request(paul, asker, settings):
    SupportRequest.objects.all().delete()
    waited(ask(asker, audience="private", text="Pour mes proches seulement"), 20)


RULES = {
    "language": lambda paul, asker, settings: on_call(paul, languages=("en",)),
    "topic": lambda paul, asker, settings: on_call(paul, topics=("illness",)),
    "hours": lambda paul, asker, settings: callouts.call_settings_save(
        paul,
        on_call=True,
        from_hour=(callouts.local_hour(paul, timezone.now()) + 1) % 24,
        until_hour=(callouts.local_hour(paul, timezone.now()) + 2) % 24,
    ),
    "calls_per_day": _two_calls_today,
    "gap": _called_two_hours_ago,
    "active": lambda paul, asker, settings: _claimed_elsewhere_recently(paul, asker),
    "daily_limit": _limit_reached,
    "too_new": _too_new,
    "limited": lambda paul, asker, settings: type(paul).objects.filter(pk=paul.pk).update(limited=True),
    "blocked_by_asker": lambda paul, asker, settings: account_services.block_create(asker, paul),
    "blocking_asker": lambda paul, asker, settings: account_services.block_create(paul, asker),
    "muted_by_asker": lambda paul, asker, settings: Mute.objects.create(account=asker, target=paul),
    "cannot_see": _private_request,
    "not_on_call": lambda paul, asker, settings: callouts.call_settings_save(paul, on_call=False),
}


def test_the_scene_of_the_rules_calls_paul(asker, paul, waiting):
    """The control for test_each_rule_can_refuse: untouched, the scene calls Paul."""
    assert [c.comforter_id for c in callouts.calls_send()] == [paul.pk]


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_can_refuse(rule, asker, paul, waiting, settings):
    RULES[rule](paul, asker, settings)
    assert callouts.calls_send() == [] and not Notification.objects.filter(type="comfort_call").exists()


def test_one_is_never_called_for_ones_own_request(paul):
    waited(ask(paul, text="Moi aussi j'ai besoin de réconfort"), 30)
    assert callouts.calls_send() == []


def test_a_call_after_three_hours_and_under_the_limit_is_allowed(asker, paul, waiting, settings):
    """The other side of "gap" and "calls_per_day": one call four hours ago leaves room for a second."""
    settings.RECONFORT_COMFORT_CALLS_PER_DAY = 2
    called_before(paul, hours=4)
    assert [c.comforter_id for c in callouts.calls_send()] == [paul.pk]


def test_a_claim_more_than_half_an_hour_ago_is_not_active(asker, paul, waiting):
    _claimed_elsewhere_recently(paul, asker)
    Claim.objects.filter(comforter=paul).update(created_at=timezone.now() - timedelta(minutes=40))
    assert [c.comforter_id for c in callouts.calls_send()] == [paul.pk]


# --- limits across runs -----------------------------------------------------------------------------------


def test_calls_per_day_hold_across_runs(asker, paul, settings):
    settings.RECONFORT_COMFORT_CALLS_PER_DAY = 2
    start = timezone.now() - timedelta(hours=12)
    calls = []
    for run in range(4):  # every 3 h 10 min, someone new waits
        now = start + timedelta(hours=3, minutes=10) * run
        waited(ask(old_member(), text=f"Demande {run}"), 20, now=now)
        calls += callouts.calls_send(now=now)
    assert len(calls) == 2 == called(paul)
    settings.RECONFORT_COMFORT_CALLS_PER_DAY = 3
    later = start + timedelta(hours=3, minutes=10) * 4
    waited(ask(old_member(), text="Encore"), 20, now=later)
    assert len(callouts.calls_send(now=later)) == 1


# --- which request, which comforter ------------------------------------------------------------------------


def test_one_call_per_language_and_run_for_the_most_urgent_then_oldest(asker, paul):
    nadia = on_call(old_member(username="nadia")).user
    older = waited(ask(asker, text="Plus ancienne"), 50)
    waited(ask(old_member(), text="Plus récente"), 30)
    english = waited(ask(old_member(), text="My sister is ill", language="en"), 20)
    sent = callouts.calls_send()
    assert sorted(c.request_id for c in sent) == sorted([older.pk, english.pk])
    assert {c.comforter_id for c in sent} == {paul.pk, nadia.pk}
    urgent = waited(ask(old_member(), text="Urgent"), 16)
    services.support_request_flag_risk(urgent.post_id)
    third = on_call(old_member(username="ines")).user
    assert [(c.request_id, c.comforter_id) for c in callouts.calls_send()] == [(urgent.pk, third.pk)]


def test_rotation_least_recently_called_first(asker):
    first, second, third = (on_call(old_member(username=n)).user for n in ("ana", "ben", "chloe"))
    long_ago = timezone.now() - timedelta(hours=10)
    for member, hours in ((first, 5), (second, 10)):
        Call.objects.create(
            request=ask(old_member(), text=f"Avant {hours}"),
            comforter=member,
            language="fr",
            created_at=timezone.now() - timedelta(hours=hours),
        )
    SupportRequest.objects.update(created_at=long_ago, kind_replies=1)  # those earlier ones are answered
    order = []
    for run in range(3):
        waited(ask(old_member(), text=f"Maintenant {run}"), 20)
        order += [c.comforter_id for c in callouts.calls_send()]
        SupportRequest.objects.update(kind_replies=1)
    assert order == [third.pk, second.pk, first.pk]  # never called, then called 10 h ago, then 5 h ago


def test_no_call_when_someone_holds_or_answered_the_request(asker, paul, comforter, waiting):
    services.claim_open(comforter, waiting)
    assert callouts.calls_send() == []
    Claim.objects.update(expires_at=timezone.now() - timedelta(minutes=1))  # the claim ran out
    assert [c.request_id for c in callouts.calls_send()] == [waiting.pk]


def test_no_call_when_the_request_has_a_kind_reply_or_the_asker_is_comforted(asker, paul, waiting):
    SupportRequest.objects.filter(pk=waiting.pk).update(kind_replies=1)
    assert callouts.calls_send() == []
    SupportRequest.objects.filter(pk=waiting.pk).update(kind_replies=0, comforted_at=timezone.now())
    assert callouts.calls_send() == []


def test_a_request_is_not_called_for_again_within_half_an_hour(asker, paul, waiting):
    nadia = on_call(old_member(username="nadia")).user
    now = timezone.now()
    assert len(callouts.calls_send(now=now)) == 1
    assert callouts.calls_send(now=now + timedelta(minutes=10)) == []
    again = callouts.calls_send(now=now + timedelta(minutes=oncall.CALL_AGAIN_MINUTES + 1))
    assert [c.comforter_id for c in again] == [nadia.pk]  # Paul was just called: the other one now


# --- hours in the comforter's own time zone ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "start", "end", "inside"),
    [(9, 9, 21, True), (20, 9, 21, True), (21, 9, 21, False), (8, 9, 21, False), (23, 22, 7, True),
     (3, 22, 7, True), (7, 22, 7, False), (12, 22, 7, False), (5, 5, 5, True)],
)  # fmt: skip
def test_within_hours(hour, start, end, inside):
    assert oncall.within_hours(hour, start, end) is inside


def test_hours_are_the_comforters_local_hours(asker):
    yesterday = timezone.now() - timedelta(days=1)
    now = datetime(yesterday.year, yesterday.month, yesterday.day, 8, 30, tzinfo=UTC)  # 08:30 UTC
    waited(ask(asker), 20, now=now)
    new_york = on_call(old_member(username="ny", time_zone="America/New_York"), from_hour=9, until_hour=21).user
    tokyo = on_call(old_member(username="tokyo", time_zone="Asia/Tokyo"), from_hour=9, until_hour=21).user
    assert callouts.local_hour(new_york, now) in (3, 4) and callouts.local_hour(tokyo, now) == 17
    assert [c.comforter_id for c in callouts.calls_send(now=now)] == [tokyo.pk]  # New York is asleep
    # Someone in Montréal who is on call at night (22 → 7) is called at 03:30 or 04:30 their time.
    Call.objects.all().delete()
    callouts.call_settings_save(tokyo, on_call=False)
    montreal = on_call(old_member(username="mtl", time_zone="America/Montreal"), from_hour=22, until_hour=7).user
    assert [c.comforter_id for c in callouts.calls_send(now=now)] == [montreal.pk]


# --- choosing call-outs ------------------------------------------------------------------------------------


def test_call_settings_need_a_comforter_and_valid_hours(asker, paul):
    with pytest.raises(ServiceError):
        callouts.call_settings_save(asker, on_call=True)
    for bad in (24, -1, "x", None):
        with pytest.raises(ServiceError):
            callouts.call_settings_save(paul, on_call=True, from_hour=bad)
    saved = callouts.call_settings_save(paul, on_call=True, from_hour=22, until_hour=7)
    assert (saved.on_call, saved.call_from_hour, saved.call_until_hour) == (True, 22, 7)


def test_rotation_key_and_order_key():
    assert sorted([(5.0, 1), (None, 3), (60.0, 2)], key=lambda c: oncall.rotation_key(*c)) == [
        (None, 3),
        (60.0, 2),
        (5.0, 1),
    ]
    assert oncall.call_order_key(0, 50) < oncall.call_order_key(4, 10)

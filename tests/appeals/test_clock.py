"""The periodic job with a frozen clock: expiry by kind, reminders before, the weekly question for the missing."""

import pytest

from reconfort.appeals import services
from reconfort.appeals.models import Notice, Status

from .conftest import NOW, days, make_appeal

pytestmark = pytest.mark.django_db


def kinds_of(user):
    return list(Notice.objects.filter(recipient=user).order_by("id").values_list("kind", flat=True))


def test_blood_expires_at_its_date(user):
    appeal = make_appeal(user, "blood")  # until 2030-06-10, owner in Europe/Paris
    assert services.appeals_run_clock(now=NOW + days(8))["expired"] == 0
    counts = services.appeals_run_clock(now=NOW + days(10))
    appeal.refresh_from_db()
    assert counts["expired"] == 1 and appeal.status == Status.EXPIRED
    assert appeal.post.text.startswith("⌛")
    assert kinds_of(user) == [Notice.Kind.EXPIRED]


def test_pets_are_reminded_then_expire_after_30_days_unless_reconfirmed(user):
    appeal = make_appeal(user, "missing_pet")
    assert services.appeals_run_clock(now=NOW + days(26)) == {"expired": 0, "reminded": 0, "asked": 0}
    assert services.appeals_run_clock(now=NOW + days(28))["reminded"] == 1
    assert services.appeals_run_clock(now=NOW + days(28.5))["reminded"] == 0  # safe to run twice
    services.appeal_reconfirm(user, appeal, now=NOW + days(29))
    assert services.appeals_run_clock(now=NOW + days(31))["expired"] == 0
    assert services.appeals_run_clock(now=NOW + days(57))["reminded"] == 1
    assert services.appeals_run_clock(now=NOW + days(60))["expired"] == 1
    appeal.refresh_from_db()
    assert appeal.status == Status.EXPIRED
    assert kinds_of(user) == [Notice.Kind.EXPIRY_REMINDER, Notice.Kind.EXPIRY_REMINDER, Notice.Kind.EXPIRED]
    # Reconfirming an expired pet appeal opens it again, with a fresh month.
    services.appeal_reconfirm(user, appeal, now=NOW + days(61))
    assert appeal.status == Status.OPEN and appeal.expires_at == NOW + days(91)
    assert not appeal.post.text.startswith("⌛")


def test_missing_people_never_expire_and_owners_are_asked_every_week(user, moderator):
    appeal = make_appeal(user, "missing_person")
    services.appeal_approve(moderator, appeal, now=NOW)
    Notice.objects.all().delete()
    assert services.appeals_run_clock(now=NOW + days(6))["asked"] == 0
    assert services.appeals_run_clock(now=NOW + days(7))["asked"] == 1
    assert services.appeals_run_clock(now=NOW + days(8))["asked"] == 0
    assert services.appeals_run_clock(now=NOW + days(14))["asked"] == 1
    counts = services.appeals_run_clock(now=NOW + days(400))
    appeal.refresh_from_db()
    assert appeal.status == Status.OPEN and counts["expired"] == 0
    assert kinds_of(user) == [Notice.Kind.RECONFIRM] * 3


def test_blood_appeals_are_not_reconfirmed(user):
    appeal = make_appeal(user, "blood")
    with pytest.raises(Exception) as caught:
        services.appeal_reconfirm(user, appeal, now=NOW)
    assert caught.value.code == "blood_has_date"

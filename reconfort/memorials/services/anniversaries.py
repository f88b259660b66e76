"""Anniversaries: on the day a person died (and their birthday, when known to the day), the followers of a memorial
that has anniversaries turned on get one gentle notice, on that date in their own time zone."""

from __future__ import annotations

import calendar
import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from reconfort.core import events

from ..models import AnniversaryOptOut, AnniversaryReminder, DatePrecision, Guest, Memorial, MemorialFollow, Steward
from ..selectors import memorialised_account_ids


def anniversaries_opt_out(user, *, never: bool) -> None:
    """The per-person switch: "never remind me of any anniversary"."""
    if never:
        AnniversaryOptOut.objects.get_or_create(user=user)
    else:
        AnniversaryOptOut.objects.filter(user=user).delete()


def falls_on(date: datetime.date, local_day: datetime.date) -> bool:
    """Whether `local_day` is an anniversary of `date`; someone born on 29 February is remembered on the 28th in
    other years. The day itself is not an anniversary."""
    if local_day.year <= date.year:
        return False
    if (date.month, date.day) == (local_day.month, local_day.day):
        return True
    leap_day = (date.month, date.day) == (2, 29)
    return leap_day and not calendar.isleap(local_day.year) and (local_day.month, local_day.day) == (2, 28)


def _local_day(now: datetime.datetime, time_zone: str) -> datetime.date:
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return now.astimezone(zone).date()


def _candidate_memorials(now: datetime.datetime):
    """Memorials that may have an anniversary somewhere on Earth today: time zones span a day either side of UTC."""
    today = now.astimezone(datetime.UTC).date()
    days = {today + datetime.timedelta(days=offset) for offset in (-1, 0, 1)}
    pairs = {(d.month, d.day) for d in days}
    if (2, 28) in pairs:
        pairs.add((2, 29))
    death = Q()
    birth = Q()
    for month, day in pairs:
        death |= Q(death_date__month=month, death_date__day=day)
        birth |= Q(birth_date__month=month, birth_date__day=day)
    return Memorial.objects.filter(
        (Q(death_precision=DatePrecision.DAY) & death) | (Q(birth_precision=DatePrecision.DAY) & birth),
        anniversaries_enabled=True,
        state=Memorial.State.PUBLISHED,
        hidden_at__isnull=True,
    ).only("id", "visibility", "subject_account_id", "death_date", "death_precision", "birth_date", "birth_precision")


def _followers_to_remind(memorial: Memorial):
    follows = (
        MemorialFollow.objects.filter(memorial=memorial, no_reminders=False, user__is_active=True)
        .exclude(user_id__in=AnniversaryOptOut.objects.values("user_id"))
        # A member who died is never "reminded" of anything, and nobody is reminded of their own memorial.
        .exclude(user_id__in=memorialised_account_ids())
        .select_related("user")
    )
    if memorial.subject_account_id:
        follows = follows.exclude(user_id=memorial.subject_account_id)
    if memorial.visibility == Memorial.Visibility.INVITE_ONLY:
        # Only those who may still see the memorial: its guests and stewards.
        follows = follows.filter(
            Q(user_id__in=Guest.objects.filter(memorial=memorial).values("user_id"))
            | Q(user_id__in=Steward.objects.filter(memorial=memorial, accepted=True).values("user_id"))
        )
    return follows


def _anniversary_kinds(memorial: Memorial) -> list[tuple[str, datetime.date]]:
    kinds = []
    if memorial.death_date and memorial.death_precision == DatePrecision.DAY:
        kinds.append((AnniversaryReminder.Kind.DEATH, memorial.death_date))
    if memorial.birth_date and memorial.birth_precision == DatePrecision.DAY:
        kinds.append((AnniversaryReminder.Kind.BIRTH, memorial.birth_date))
    return kinds


def anniversaries_send(*, now: datetime.datetime | None = None) -> int:
    """Send today's anniversary notices; returns how many were sent. Safe to run again the same day: a follower
    gets one notice per memorial, year and kind."""
    now = now or timezone.now()
    sent = 0
    for memorial in _candidate_memorials(now).iterator():
        kinds = _anniversary_kinds(memorial)
        for follow in _followers_to_remind(memorial).iterator():
            local_day = _local_day(now, follow.user.time_zone)
            for kind, date in kinds:
                if falls_on(date, local_day) and _record(memorial, follow.user_id, local_day.year, kind):
                    sent += 1
    return sent


def _record(memorial: Memorial, user_id: int, year: int, kind: str) -> bool:
    try:
        with transaction.atomic():
            AnniversaryReminder.objects.create(memorial=memorial, user_id=user_id, year=year, kind=kind)
            events.emit(events.MEMORIAL_ANNIVERSARY, memorial_id=memorial.pk, account_id=user_id, kind=kind)
    except IntegrityError:
        return False  # already sent (an earlier run today, or a run racing this one)
    return True

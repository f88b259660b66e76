"""Background work of crises, called by tasks.py: invitations to check in, and the end of check-ins.
Every function takes ids and is safe to run twice."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from reconfort.appeals import gazetteer
from reconfort.core import events

from .models import CheckIn, Crisis, Invitation, SafetyQuestion, SafetySettings, SharedLocation, State


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _in_area(crisis: Crisis, lat: float | None, lon: float | None) -> bool:
    if lat is None or lon is None or not crisis.has_place:
        return False
    return gazetteer.distance_km(crisis.latitude, crisis.longitude, lat, lon) <= crisis.radius_km


def _box(crisis: Crisis, lat_field: str, lon_field: str) -> Q:
    min_lat, max_lat, lon_ranges = gazetteer.bounding_box(crisis.latitude, crisis.longitude, crisis.radius_km)
    box = Q()
    for west, east in lon_ranges:
        box |= Q(**{f"{lon_field}__gte": west, f"{lon_field}__lte": east})
    return Q(**{f"{lat_field}__gte": min_lat, f"{lat_field}__lte": max_lat}) & box


def members_in_area(crisis: Crisis) -> set[int]:
    """Members whose home area, or the place they shared for this crisis, is inside the area."""
    if not crisis.has_place:
        return set()
    ids: set[int] = set()
    homes = SafetySettings.objects.filter(_box(crisis, "home_latitude", "home_longitude"), account__is_active=True)
    for account_id, lat, lon in homes.values_list("account_id", "home_latitude", "home_longitude"):
        if _in_area(crisis, lat, lon):
            ids.add(account_id)
    shared = SharedLocation.objects.filter(_box(crisis, "latitude", "longitude"), crisis=crisis)
    for account_id, lat, lon in shared.values_list("account_id", "latitude", "longitude"):
        if _in_area(crisis, lat, lon):
            ids.add(account_id)
    return ids


def invitations_send(crisis_id: int, *, now=None) -> list[int]:
    """Invite, once each, the members in the area of an active crisis. Returns the newly invited ids."""
    now = _now(now)
    crisis = Crisis.objects.filter(pk=crisis_id, state=State.ACTIVE, checkins_expired_at__isnull=True).first()
    if crisis is None:
        return []
    already = set(Invitation.objects.filter(crisis=crisis).values_list("account_id", flat=True))
    new = sorted(members_in_area(crisis) - already)
    with transaction.atomic():
        Invitation.objects.bulk_create(
            [Invitation(crisis=crisis, account_id=pk, created_at=now) for pk in new], ignore_conflicts=True
        )
        if new:
            events.emit(events.CRISIS_INVITED, crisis_id=crisis.pk, account_ids=new)
    return new


def checkins_expire(crisis_id: int, *, now=None) -> bool:
    """Delete the check-ins, invitations, questions and shared places of an ended crisis (and, by event, their
    notifications). Safe to run twice."""
    now = _now(now)
    crisis = Crisis.objects.filter(pk=crisis_id).first()
    if crisis is None or crisis.state in (State.PROPOSED, State.ACTIVE):
        return False
    with transaction.atomic():
        for model in (CheckIn, Invitation, SafetyQuestion, SharedLocation):
            model.objects.filter(crisis=crisis).delete()
        if crisis.checkins_expired_at is None:
            Crisis.objects.filter(pk=crisis.pk).update(checkins_expired_at=now)
        events.emit(events.CRISIS_CHECKINS_EXPIRED, crisis_id=crisis.pk)
    return True


def crises_run_clock(*, now=None) -> list[int]:
    """Crises winding down for longer than RECONFORT_CRISIS_CHECKIN_DAYS lose their check-ins."""
    now = _now(now)
    days = timedelta(days=getattr(settings, "RECONFORT_CRISIS_CHECKIN_DAYS", 7))
    due = list(
        Crisis.objects.filter(
            state=State.WINDING_DOWN, winding_down_at__lte=now - days, checkins_expired_at__isnull=True
        ).values_list("pk", flat=True)
    )
    for crisis_id in due:
        checkins_expire(crisis_id, now=now)
    return due

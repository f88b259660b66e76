"""Reads of the safety net: a member's country and helplines, and the panel they should see now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import helplines
from .models import RiskSignal, SafetyPreference

OTHER_COUNTRY = "ZZ"  # "another country": the international directory only


def preferred_country(user) -> str:
    """The country the member chose ("" when they did not choose)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    found = SafetyPreference.objects.filter(user=user).values_list("country", flat=True).first()
    return found or ""


def member_country(user) -> str | None:
    """The member's chosen country, else the country of their time zone; None when unknown."""
    chosen = preferred_country(user)
    if chosen == OTHER_COUNTRY:
        return None
    if chosen:
        return chosen
    return helplines.country_for_time_zone(getattr(user, "time_zone", None))


@dataclass(frozen=True)
class Panel:
    signal_id: int
    post_id: int
    country: helplines.Country | None  # None: only the international directory
    directory: helplines.Directory


def helplines_for(code: str | None) -> helplines.Country | None:
    return helplines.country_get(code)


def panel_for(user) -> Panel | None:
    """The helplines panel the member should see now: their latest post whose words expressed a risk, not closed
    and recent enough. One indexed query; nothing for visitors."""
    if not getattr(user, "is_authenticated", False):
        return None
    since = timezone.now() - timedelta(hours=settings.RECONFORT_SAFETY_PANEL_HOURS)
    signal = (
        RiskSignal.objects.filter(author=user, panel_dismissed_at__isnull=True, created_at__gte=since)
        .order_by("-created_at")
        .values("pk", "post_id")
        .first()
    )
    if signal is None:
        return None
    return Panel(
        signal_id=signal["pk"],
        post_id=signal["post_id"],
        country=helplines_for(member_country(user)),
        directory=helplines.directory(),
    )

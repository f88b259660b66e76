"""Who may do what with an appeal. Pure functions over already-loaded state, shared by pages and API."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from .kinds import NEEDS_REVIEW, TAKES_OFFERS, TAKES_SIGHTINGS
from .models import TRANSITIONS, Appeal, AppealKind, Audience, Status

# There is no e-mail confirmation yet: an account must be this old before it may publish an appeal.
DEFAULT_MIN_ACCOUNT_AGE_HOURS = 24


def min_account_age() -> timedelta:
    return timedelta(hours=getattr(settings, "RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS", DEFAULT_MIN_ACCOUNT_AGE_HOURS))


def _member(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.suspended_at is None)


def can_create_appeal(user, *, now: datetime) -> bool:
    return _member(user) and user.date_joined <= now - min_account_age()


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def can_view_appeal(viewer, appeal: Appeal, *, blocked_either_way: bool, follows_owner: bool) -> bool:
    if viewer.is_authenticated and (viewer.pk == appeal.owner_id or viewer.is_moderator):
        return True
    if blocked_either_way or not appeal.owner.is_active or appeal.hidden_at is not None:
        return False
    if appeal.status in (Status.PENDING_REVIEW, Status.REJECTED):
        return False
    return appeal.audience == Audience.PUBLIC or (viewer.is_authenticated and follows_owner)


def can_manage_appeal(actor, appeal: Appeal) -> bool:
    return _member(actor) and actor.pk == appeal.owner_id


def can_see_private(viewer, appeal: Appeal) -> bool:
    """Sightings and offers: the owner; moderators too for missing people."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == appeal.owner_id:
        return True
    return viewer.is_moderator and appeal.kind == AppealKind.MISSING_PERSON


def can_see_exact_location(viewer, appeal: Appeal) -> bool:
    return appeal.exact_location_public or (viewer.is_authenticated and viewer.pk == appeal.owner_id)


def _can_respond(actor, appeal: Appeal, blocked_either_way: bool) -> bool:
    return _member(actor) and actor.pk != appeal.owner_id and appeal.is_open and not blocked_either_way


def can_report_sighting(actor, appeal: Appeal, *, blocked_either_way: bool) -> bool:
    return appeal.kind in TAKES_SIGHTINGS and _can_respond(actor, appeal, blocked_either_way)


def can_offer_help(actor, appeal: Appeal, *, blocked_either_way: bool) -> bool:
    return appeal.kind in TAKES_OFFERS and _can_respond(actor, appeal, blocked_either_way)


def can_follow_appeal(actor, appeal: Appeal, *, blocked_either_way: bool) -> bool:
    return _member(actor) and actor.pk != appeal.owner_id and not appeal.is_closed and not blocked_either_way


def can_review_appeal(actor, appeal: Appeal) -> bool:
    return _member(actor) and actor.is_moderator and appeal.kind in NEEDS_REVIEW


def can_hide_appeal(actor) -> bool:
    return _member(actor) and actor.is_moderator


def noindex(appeal: Appeal) -> bool:
    """Appeals that name a child are never listed by search engines."""
    return appeal.is_child

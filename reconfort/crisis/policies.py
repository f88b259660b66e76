"""Who may do what with a crisis and its check-ins. Pure functions over already-loaded state, shared by pages,
API and services."""

from __future__ import annotations

from reconfort.accounts.two_factor import has_two_factor, staff_must_use_two_factor

from .models import TRANSITIONS, CheckIn, Crisis, State


def _member(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.suspended_at is None)


def can_moderate_crisis(user) -> bool:
    """Moderators and administrators (on pages, the staff second factor is asked for as well: see staff_ready)."""
    return _member(user) and user.is_moderator


def staff_ready(user) -> bool:
    """False while a moderator who must use a second factor has not set one up (pages send them to set it up)."""
    return not (staff_must_use_two_factor(user) and not has_two_factor(user))


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def can_view_crisis(viewer, crisis: Crisis) -> bool:
    return crisis.is_public or can_moderate_crisis(viewer)


def can_check_in(actor, crisis: Crisis) -> bool:
    """Any member may say how they are while the crisis is active (the invitation is only a nudge)."""
    return _member(actor) and crisis.state == State.ACTIVE


def can_mark_other(actor, target, crisis: Crisis, *, trusted: bool) -> bool:
    """Only someone the person put on their "who may mark me safe" list."""
    return can_check_in(actor, crisis) and actor.pk != target.pk and target.is_active and trusted


def can_see_checkin(viewer, checkin: CheckIn, *, follows: bool, blocked_either_way: bool) -> bool:
    """The person, and the people who follow them (accepted), never strangers, never a public list."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == checkin.account_id:
        return True
    return follows and not blocked_either_way


def can_ask_if_safe(asker, target, crisis: Crisis, *, follows: bool, blocked_either_way: bool) -> bool:
    return (
        _member(asker)
        and asker.pk != target.pk
        and crisis.state == State.ACTIVE
        and follows
        and not blocked_either_way
        and target.is_active
    )


def can_link_appeal(actor, appeal) -> bool:
    """The appeal's author, or a moderator."""
    return _member(actor) and (actor.pk == appeal.owner_id or actor.is_moderator)

"""Who may do what in a circle. Pure functions over already-loaded state, shared by pages, API and services.

`membership` is the viewer's row in the circle (None when they have none): see selectors.membership_of.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from .models import Circle, JoinPolicy, Membership, MembershipState

DEFAULT_NEWCOMER_DAYS = 3
DEFAULT_MIN_ACCOUNT_DAYS = 14


def newcomer_period() -> timedelta:
    return timedelta(days=getattr(settings, "RECONFORT_CIRCLE_NEWCOMER_DAYS", DEFAULT_NEWCOMER_DAYS))


def min_account_age() -> timedelta:
    return timedelta(days=getattr(settings, "RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS", DEFAULT_MIN_ACCOUNT_DAYS))


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.suspended_at is None)


def _site_moderator(user) -> bool:
    return _active(user) and user.is_moderator


def _is_member(membership: Membership | None) -> bool:
    return membership is not None and membership.state == MembershipState.MEMBER


def can_create_circle(user, *, now: datetime) -> bool:
    """Any established member: the account is old enough (a setting)."""
    return _active(user) and user.date_joined <= now - min_account_age()


def can_read_posts(viewer, circle: Circle, membership: Membership | None) -> bool:
    """Public circles are read by everyone; members-only circles by their members (and the site's moderators)."""
    if _site_moderator(viewer):
        return True
    if not circle.members_only:
        return True
    return _active(viewer) and _is_member(membership)


def can_see_members(viewer, membership: Membership | None) -> bool:
    """Who belongs to a circle is known to its members only (and the site's moderators)."""
    return _site_moderator(viewer) or (_active(viewer) and _is_member(membership))


def can_join(user, membership: Membership | None) -> bool:
    return _active(user) and membership is None


def joins_on_request(circle: Circle) -> bool:
    return circle.join_policy == JoinPolicy.REQUEST


def can_leave(user, membership: Membership | None) -> bool:
    """Members leave; a request can be withdrawn. A ban stays."""
    leavable = (MembershipState.MEMBER, MembershipState.REQUESTED)
    return _active(user) and membership is not None and membership.state in leavable


def can_post(user, membership: Membership | None) -> bool:
    return _active(user) and _is_member(membership)


def can_moderate(user, membership: Membership | None) -> bool:
    """The circle's moderators, and the site's moderators."""
    return _site_moderator(user) or (_active(user) and membership is not None and membership.is_moderator)


def can_ban(actor, actor_membership: Membership | None, target, target_membership: Membership | None) -> bool:
    """Moderators ban; a circle moderator cannot ban another circle moderator (the site's moderators can)."""
    if not can_moderate(actor, actor_membership) or actor.pk == target.pk:
        return False
    if target_membership is not None and target_membership.is_moderator:
        return _site_moderator(actor)
    return not target.is_moderator or _site_moderator(actor)


def is_newcomer(membership: Membership | None, *, now: datetime) -> bool:
    """Still in the first days of a circle: no links, no private messages to members met there."""
    if membership is None or membership.joined_at is None or membership.is_moderator:
        return False
    return membership.joined_at > now - newcomer_period()

"""Who may do what to an account. Pure functions over already-loaded state, shared by pages and API."""

from __future__ import annotations

from .models import User


def can_follow_account(actor: User, target: User, *, blocked_either_way: bool) -> bool:
    return actor.is_authenticated and actor.pk != target.pk and target.is_active and not blocked_either_way


def can_view_account(viewer, target: User) -> bool:
    return target.is_active or (viewer.is_authenticated and viewer.is_moderator)

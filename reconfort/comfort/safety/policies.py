"""Who may do what in the safety net. Pure functions: the one place these rules are decided."""

from __future__ import annotations

from datetime import datetime, timedelta


def account_old_enough_to_worry(user, *, now: datetime, min_days: int) -> bool:
    """« Je m'inquiète » is refused to new accounts: a fresh account is the cheapest way to harass someone with
    it (Reddit Cares was used that way)."""
    joined = getattr(user, "date_joined", None)
    return joined is not None and now - joined >= timedelta(days=min_days)


def can_express_worry(user, post, *, now: datetime, min_days: int) -> bool:
    """A signed-in member, old enough, about someone else's post (that they can see: checked by the service)."""
    return (
        bool(getattr(user, "is_authenticated", False))
        and user.is_active
        and post.author_id != user.pk
        and account_old_enough_to_worry(user, now=now, min_days=min_days)
    )


def can_dismiss_panel(user, signal) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and signal.author_id == user.pk


def can_acknowledge_alert(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(getattr(user, "is_moderator", False))

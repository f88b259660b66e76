"""Who may do what with hashtags and trends. The one place these rules are decided (pages and API)."""

from __future__ import annotations


def can_follow_tag(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_feature_tag(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_review_trend(user) -> bool:
    """Moderators decide whether a bursting tag may trend."""
    return bool(user.is_authenticated and user.is_active and user.is_moderator)

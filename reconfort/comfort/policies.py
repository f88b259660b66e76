"""Who may do what around support requests. Pure functions: pages, API and services all decide here."""

from __future__ import annotations

from datetime import timedelta

from .models import SupportRequest


def is_old_enough_to_comfort(user, *, now, min_days: int) -> bool:
    """New accounts cannot comfort for their first days (strangers writing to the vulnerable)."""
    return bool(user.is_authenticated and user.date_joined <= now - timedelta(days=min_days))


def can_comfort(user, *, now, min_days: int) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and not user.limited
        and is_old_enough_to_comfort(user, now=now, min_days=min_days)
    )


def can_claim(user, request: SupportRequest, *, is_comforter: bool, blocked_either_way: bool) -> bool:
    return bool(is_comforter and user.pk != request.asker_id and not blocked_either_way)


def is_asker(user, request: SupportRequest) -> bool:
    return bool(user.is_authenticated and user.pk == request.asker_id)


def can_mark_comforted(user, request: SupportRequest) -> bool:
    return is_asker(user, request)


def can_thank(user, request: SupportRequest, recipient_id: int, *, recipient_replied: bool) -> bool:
    """Only the asker thanks, and only someone who actually replied kindly to that request."""
    return is_asker(user, request) and recipient_id != user.pk and recipient_replied


def can_see_stats(user) -> bool:
    return bool(user.is_authenticated and user.is_moderator)


def can_see_identity(viewer, request: SupportRequest) -> bool:
    """Whether the viewer sees who asked: always unless the request is anonymous; then the asker and moderators."""
    if not request.anonymous:
        return True
    return bool(viewer.is_authenticated and (viewer.pk == request.asker_id or viewer.is_moderator))


def can_send_direct(*, comforted_them: bool, they_wrote_first: bool) -> bool:
    """A comforter does not open a private conversation with an asker: the asker has to start it."""
    return not comforted_them or they_wrote_first

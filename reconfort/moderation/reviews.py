"""Reviews of other capabilities' objects (memorialisation requests, disputes, missing-person appeals, crisis
alerts) through the one moderation queue.

A capability below moderation (memorials, appeals, comfort) emits an event asking for review; a subscriber in
moderation opens a queue item with `review_open`. When a moderator decides, `review_decide` calls the handler
registered for that kind, which applies the outcome through that capability's own services. Handlers live in
moderation (which may import the lower apps) and register themselves in ModerationConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import NotFound, ServiceError

from . import policies
from .models import QueueItem
from .services import _require_moderator, audit_record

# kind -> handler(moderator, subject_id, approved: bool, reason: str) -> None
Handler = Callable[..., None]
_handlers: dict[str, Handler] = {}


def register(kind: str, handler: Handler) -> None:
    _handlers[kind] = handler


def review_open(kind: str, *, subject_type: str, subject_id: int, risk: int = 3) -> QueueItem:
    """Open (or return the already open) review of one object. Safe to call twice."""
    existing = (
        QueueItem.objects.filter(kind=kind, subject_type=subject_type, subject_id=subject_id)
        .exclude(state=QueueItem.State.CLOSED)
        .first()
    )
    if existing:
        return existing
    return QueueItem.objects.create(kind=kind, risk=risk, subject_type=subject_type, subject_id=subject_id)


@transaction.atomic
def review_decide(moderator, item: QueueItem, *, approved: bool, reason: str) -> QueueItem:
    _require_moderator(moderator)
    if item.state == QueueItem.State.CLOSED:
        raise ServiceError(_("This item is already closed."), status=409, code="closed")
    handler = _handlers.get(item.kind)
    if handler is None or item.subject_id is None:
        raise NotFound(_("This item cannot be decided here."))
    if not (reason or "").strip() and not approved:
        raise ServiceError(_("Give the reason the member will read."), field="reason", code="empty_reason")
    handler(moderator, item.subject_id, approved, reason.strip())
    item.state, item.closed_at = QueueItem.State.CLOSED, timezone.now()
    item.save(update_fields=["state", "closed_at"])
    audit_record(
        moderator,
        f"review.{item.kind}.{'approve' if approved else 'reject'}",
        item,
        reason=reason,
        after={"subject_type": item.subject_type, "subject_id": item.subject_id, "approved": approved},
    )
    return item


def can_decide(user) -> bool:
    return policies.can_moderate(user)

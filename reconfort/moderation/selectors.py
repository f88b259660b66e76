from __future__ import annotations

from django.db.models import QuerySet

from reconfort.core.errors import Forbidden

from . import policies
from .models import AuditEntry, Decision, QueueItem


def queue_list(moderator, *, include_closed: bool = False) -> QuerySet:
    """Highest risk first (people in danger, children), then oldest first."""
    if not policies.can_moderate(moderator):
        raise Forbidden("moderators only")
    qs = QueueItem.objects.select_related("assigned_to", "report", "report__target_account", "report__reporter")
    if not include_closed:
        qs = qs.exclude(state=QueueItem.State.CLOSED)
    return qs.order_by("risk", "created_at", "id")


def decisions_for_member(member) -> QuerySet:
    return Decision.objects.filter(target_account=member).select_related("post").order_by("-created_at")


def audit_log(viewer, *, action: str | None = None, actor_id=None, target_type: str | None = None) -> QuerySet:
    if not policies.can_read_audit_log(viewer):
        raise Forbidden("administrators only")
    qs = AuditEntry.objects.order_by("-created_at", "-id")
    if action:
        qs = qs.filter(action__startswith=action)
    if actor_id:
        qs = qs.filter(actor_id=actor_id)
    if target_type:
        qs = qs.filter(target_type=target_type)
    return qs

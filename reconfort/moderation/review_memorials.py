"""Memorial reviews through the moderation queue: disputes by a living person, and (as the memorials app asks)
requests to memorialise a member's account. The memorials app asks by event; decisions go back through its
services."""

from __future__ import annotations

from reconfort.core import events
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Memorial, MemorialisationRequest

from . import reviews
from .models import QueueItem
from .services import audit_record

SUBJECT_TYPES = {
    QueueItem.Kind.MEMORIAL_DISPUTE: "memorials.memorial",
    QueueItem.Kind.MEMORIALISATION: "memorials.memorialisationrequest",
}


def on_review_requested(kind, subject_id, risk=3, requested_by_id=None, reason="", **_):
    if kind not in SUBJECT_TYPES:
        return
    item = reviews.review_open(kind, subject_type=SUBJECT_TYPES[kind], subject_id=subject_id, risk=risk)
    if reason:
        # What the person asking wrote, for the moderator who reviews it (the item itself holds no text).
        audit_record(None, f"review.{kind}.requested", item, reason=reason, after={"requested_by": requested_by_id})


def decide_dispute(moderator, subject_id, approved: bool, reason: str) -> None:
    """Approving a dispute means the person is alive: the memorial stays hidden (and is archived)."""
    if not Memorial.objects.filter(pk=subject_id).exists():
        return  # deleted by its owner while waiting: nothing left to decide
    memorial_services.memorial_dispute_decide(moderator, subject_id, upheld=approved, reason=reason)


def decide_memorialisation(moderator, subject_id, approved: bool, reason: str) -> None:
    if not MemorialisationRequest.objects.filter(pk=subject_id).exists():
        return
    memorial_services.memorialisation_decide(moderator, subject_id, approved=approved, reason=reason)


def connect() -> None:
    reviews.register(QueueItem.Kind.MEMORIAL_DISPUTE, decide_dispute)
    reviews.register(QueueItem.Kind.MEMORIALISATION, decide_memorialisation)
    events.subscribe(events.MEMORIAL_REVIEW_REQUESTED, on_review_requested)

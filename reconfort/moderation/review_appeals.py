"""Missing-person appeals wait in the moderation queue until a moderator approves them (fake appeals are used to
find people who fled abusers). The appeals app asks by event; the decision goes back through its services."""

from __future__ import annotations

from reconfort.appeals import services as appeal_services
from reconfort.appeals.models import Appeal, Status
from reconfort.core import events

from . import reviews
from .models import QueueItem

SUBJECT_TYPE = "appeals.appeal"


def on_review_requested(appeal_id, is_child=False, **_):
    # Children first: the highest risk class of the queue.
    risk = 0 if is_child else 1
    reviews.review_open(QueueItem.Kind.MISSING_PERSON, subject_type=SUBJECT_TYPE, subject_id=appeal_id, risk=risk)


def decide(moderator, subject_id, approved: bool, reason: str) -> None:
    appeal = Appeal.objects.select_related("owner").filter(pk=subject_id).first()
    if appeal is None or appeal.status != Status.PENDING_REVIEW:
        return  # withdrawn or deleted while waiting: nothing left to decide, the item just closes
    if approved:
        appeal_services.appeal_approve(moderator, appeal)
    else:
        appeal_services.appeal_reject(moderator, appeal, reason=reason)


def connect() -> None:
    reviews.register(QueueItem.Kind.MISSING_PERSON, decide)
    events.subscribe(events.APPEAL_REVIEW_REQUESTED, on_review_requested)

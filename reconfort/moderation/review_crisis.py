"""Crises proposed by the burst detector wait in the moderation queue (kind crisis_proposed): approving makes the
crisis active, rejecting archives it. The crisis app asks by event; the decision goes back through its services.
When a moderator decides on the crisis page itself, the queue item closes."""

from __future__ import annotations

from django.utils import timezone

from reconfort.core import events
from reconfort.crisis import services as crisis_services
from reconfort.crisis.models import Crisis, State

from . import reviews
from .models import QueueItem

SUBJECT_TYPE = "crisis.crisis"


def on_proposed(crisis_id, **_):
    # A crisis may be unfolding: high risk class, just after children.
    reviews.review_open(QueueItem.Kind.CRISIS_PROPOSED, subject_type=SUBJECT_TYPE, subject_id=crisis_id, risk=1)


def on_state_changed(crisis_id, state, **_):
    if state == State.PROPOSED:
        return
    QueueItem.objects.filter(
        kind=QueueItem.Kind.CRISIS_PROPOSED, subject_type=SUBJECT_TYPE, subject_id=crisis_id
    ).exclude(state=QueueItem.State.CLOSED).update(state=QueueItem.State.CLOSED, closed_at=timezone.now())


def decide(moderator, subject_id, approved: bool, reason: str) -> None:
    crisis = Crisis.objects.filter(pk=subject_id).first()
    if crisis is None or crisis.state != State.PROPOSED:
        return  # decided on the crisis page meanwhile: the item just closes
    crisis_services.crisis_transition(moderator, crisis, State.ACTIVE if approved else State.ARCHIVED)


def connect() -> None:
    reviews.register(QueueItem.Kind.CRISIS_PROPOSED, decide)
    events.subscribe(events.CRISIS_PROPOSED, on_proposed)
    events.subscribe(events.CRISIS_STATE_CHANGED, on_state_changed)

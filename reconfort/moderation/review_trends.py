"""Trending hashtags wait in the moderation queue: a tag that bursts for the first time is shown only once a
moderator approves it (Mastodon's `requires_review` / `trendable`). The trends app asks by event; the decision
goes back through its services."""

from __future__ import annotations

from reconfort.core import events
from reconfort.hashtags.models import Tag
from reconfort.trends import services as trend_services

from . import reviews
from .models import QueueItem

SUBJECT_TYPE = "hashtags.tag"


def on_review_requested(tag_id, **_):
    reviews.review_open(QueueItem.Kind.TREND, subject_type=SUBJECT_TYPE, subject_id=tag_id, risk=3)


def decide(moderator, subject_id, approved: bool, reason: str) -> None:
    if not Tag.objects.filter(pk=subject_id).exists():
        return
    trend_services.trend_review_decide(moderator, subject_id, approved=approved, reason=reason)


def connect() -> None:
    reviews.register(QueueItem.Kind.TREND, decide)
    events.subscribe(events.TREND_REVIEW_REQUESTED, on_review_requested)

"""In-process publish/subscribe, delivered after the surrounding transaction commits.

Lower apps (accounts, posts) emit events; higher apps (timelines, notifications) subscribe in
their AppConfig.ready(). Handlers should only enqueue work or write their own rows: they run
after commit, so a failing handler never undoes the action that emitted the event.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)

Handler = Callable[..., None]
_subscribers: dict[str, list[Handler]] = defaultdict(list)


def subscribe(event: str, handler: Handler) -> None:
    if handler not in _subscribers[event]:
        _subscribers[event].append(handler)


def emit(event: str, **payload: Any) -> None:
    """Call every subscriber of `event` once the current transaction commits."""

    def deliver() -> None:
        for handler in list(_subscribers[event]):
            handler(**payload)

    transaction.on_commit(deliver)


# Event names, so a typo is an ImportError and not a silent no-op.
POST_CREATED = "post.created"
POST_UPDATED = "post.updated"
POST_DELETED = "post.deleted"
REBLOG_CREATED = "post.reblogged"
GESTURE_ADDED = "post.gesture_added"
GESTURE_REMOVED = "post.gesture_removed"
FOLLOW_CREATED = "account.followed"
FOLLOW_REQUESTED = "account.follow_requested"
FOLLOW_REMOVED = "account.unfollowed"
BLOCK_CREATED = "account.blocked"
REPORT_CREATED = "moderation.report_created"
REPORT_RESOLVED = "moderation.report_resolved"
MODERATION_DECISION = "moderation.decision"
APPEAL_DECIDED = "moderation.appeal_decided"
APPEAL_REVIEW_REQUESTED = "appeal.review_requested"
APPEAL_CLOSED = "appeal.closed"
# Memorials ask moderation for a review (kind: "memorialisation" or "memorial_dispute"); moderation opens the
# queue item and applies the decision through the memorials services.
MEMORIAL_REVIEW_REQUESTED = "memorials.review_requested"
ACCOUNT_MEMORIALISED = "memorials.account_memorialised"
# A follower's gentle anniversary notice (kind: "death" or "birth"), once a year per memorial and kind.
MEMORIAL_ANNIVERSARY = "memorials.anniversary"
# Trends: a tag's use by distinct accounts rose sharply against its own baseline (tag_id, language, score);
# crises may propose a crisis page for review from it.
TAG_BURST = "trends.tag_burst"
TREND_REVIEW_REQUESTED = "trends.review_requested"  # a bursting tag waits for a moderator (tag_id)
# Comfort guard: a held reply was approved by the author (or a steward) and is now shown (post_id).
REPLY_RELEASED = "comfort.reply_released"
# Comfort guard: a reply that was shown was edited into words that may hurt; it waits again (post_id). Whoever was
# told about it (notifications) forgets it until it is approved again.
REPLY_HELD_AGAIN = "comfort.reply_held_again"
# Comfort: an asker thanked someone who replied to their request for comfort (thanks_id, recipient_id, sender_id).
GRATITUDE_SENT = "comfort.gratitude_sent"
# Comfort call-outs: an on-call comforter is called because someone waits (call_id, comforter_id, language).
COMFORT_CALLED = "comfort.called"
# Circles: someone asks to join a circle on request (circle_id, account_id); a moderator let them in
# (circle_id, account_id, moderator_id).
CIRCLE_JOIN_REQUESTED = "circles.join_requested"
CIRCLE_REQUEST_ACCEPTED = "circles.request_accepted"
# Kindred spirits: a member asked another (link_id, requester_id, recipient_id); the other said yes (same).
KINDRED_REQUESTED = "comfort.kindred_requested"
KINDRED_ACCEPTED = "comfort.kindred_accepted"
# Crises: a proposal waits for review (crisis_id); a crisis changed state (crisis_id, state); members were invited
# to check in (crisis_id, account_ids); a check-in for followers (crisis_id, account_id); "are you safe?"
# (crisis_id, asker_id, account_id); a crisis's check-ins were deleted (crisis_id).
CRISIS_PROPOSED, CRISIS_STATE_CHANGED = "crisis.proposed", "crisis.state_changed"
CRISIS_INVITED, SAFETY_CHECKED_IN, SAFETY_ASKED = "crisis.invited", "crisis.checked_in", "crisis.safety_asked"
CRISIS_CHECKINS_EXPIRED = "crisis.checkins_expired"
# Safety net: a member's words expressed a risk, or someone is worried about them (post_id, source, reason).
SAFETY_ALERT = "comfort.safety_alert"

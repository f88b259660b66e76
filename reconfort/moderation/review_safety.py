"""Crisis alerts from the safety net (comfort.safety) in the one moderation queue, at the highest risk (0).

Two sources, one item per post: the author's own words expressed a risk (detected), or a member used « je
m'inquiète pour cette personne » (worried). Each source is written in the audit log as a `.requested` entry,
which the item page shows. Deciding (approve = acknowledged, reject = closed with a reason) only marks the alert
as seen: nothing is ever sent to the person, and the post stays as it is.
"""

from __future__ import annotations

from reconfort.accounts.models import User
from reconfort.comfort.safety import services as safety_services
from reconfort.core import events

from . import reviews
from .models import QueueItem
from .services import audit_record

SUBJECT_TYPE = "posts.post"
RISK = 0


def _handle(user_id) -> str:
    username = User.objects.filter(pk=user_id).values_list("username", flat=True).first() if user_id else None
    return f"@{username}" if username else "?"


def on_safety_alert(post_id, source, account_id=None, reporter_id=None, note="", score=None, matched=(), **_):
    item = reviews.review_open(QueueItem.Kind.CRISIS_ALERT, subject_type=SUBJECT_TYPE, subject_id=post_id, risk=RISK)
    where = f"/posts/{post_id}"
    if source == "worried":
        reason = f"{_handle(reporter_id)} is worried about {_handle(account_id)} ({where}). {note}".strip()
    else:
        reason = f"Words expressing a risk in a post by {_handle(account_id)} ({where}); score {score}."
    audit_record(
        None,
        f"review.{QueueItem.Kind.CRISIS_ALERT}.requested",
        item,
        reason=reason,
        after={"source": source, "post_id": post_id, "reporter_id": reporter_id, "matched": list(matched or ())},
    )


def decide(moderator, subject_id, approved: bool, reason: str) -> None:
    safety_services.alert_acknowledge(moderator, subject_id)


def connect() -> None:
    reviews.register(QueueItem.Kind.CRISIS_ALERT, decide)
    events.subscribe(events.SAFETY_ALERT, on_safety_alert)

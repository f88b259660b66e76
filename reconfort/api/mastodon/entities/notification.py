"""Notification (docs.joinmastodon.org/entities/Notification).

Our types map onto Mastodon's: a reply is a "mention", the ❤️ gesture is a "favourite", other gestures are
Pleroma's "pleroma:emoji_reaction" (with the emoji), follow / follow_request / reblog keep their names.
The end of an appeal one followed or reshared is an "update" (Mastodon's "a status you interacted with was edited"):
its status is the appeal's post, whose text was rewritten with the outcome, so every client shows it.
A memorial anniversary has no Mastodon type (no status, no other account): it is left out of the API.
"""

from __future__ import annotations

from ninja import Schema

from reconfort.notifications.models import Notification as NotificationModel
from reconfort.notifications.models import NotificationType
from reconfort.posts.authors import shown_actor
from reconfort.posts.models import GESTURE_EMOJI, GestureKind

from .account import Account, render_shown_account
from .common import iso
from .status import Status, StatusRenderer

EMOJI_REACTION = "pleroma:emoji_reaction"
# Mastodon type → our types and, for gestures, which kinds.
MASTODON_TYPES = ("mention", "favourite", "reblog", "follow", "follow_request", EMOJI_REACTION, "update")
# Our types no Mastodon client could show: never listed through the API.
UNMAPPED_TYPES = (
    NotificationType.MEMORIAL_ANNIVERSARY,
    # Comfort: the thanks of an asker who may be anonymous to the comforter (no account to show).
    NotificationType.GRATITUDE,
    # Comfort call-outs: nobody behind them and nothing to show; the comforter reads the latest one through
    # /api/v1/comfort/comforter (last_call). An unknown type could break a Mastodon client.
    NotificationType.COMFORT_CALL,
    # Crises: read through /api/v1/crises (the invitation, a check-in, "are you safe?").
    NotificationType.CRISIS_INVITE,
    NotificationType.SAFETY_CHECKIN,
    NotificationType.SAFETY_QUESTION,
    # Circles: a request to join, a welcome (read through /api/v1/comfort/circles).
    NotificationType.CIRCLE_REQUEST,
    NotificationType.CIRCLE_ACCEPTED,
    # Kindred spirits: a request, a yes (read and answered through /api/v1/comfort/kindred).
    NotificationType.KINDRED,
)


class Notification(Schema):
    id: str
    type: str
    group_key: str
    created_at: str
    account: Account
    status: Status | None = None
    emoji: str | None = None


def mastodon_type(notification: NotificationModel) -> str:
    if notification.type in (NotificationType.MENTION, NotificationType.REPLY):
        return "mention"
    if notification.type == NotificationType.GESTURE:
        return "favourite" if notification.gesture_kind == GestureKind.HEART else EMOJI_REACTION
    if notification.type == NotificationType.APPEAL_CLOSED:
        return "update"
    return notification.type


def render_notifications(viewer, notifications: list[NotificationModel]) -> list[dict]:
    posts = [n.post for n in notifications if n.post_id]
    renderer = StatusRenderer(viewer, posts)
    result = []
    for n in notifications:
        kind = mastodon_type(n)
        data = {
            "id": str(n.pk),
            "type": kind,
            "group_key": f"ungrouped-{n.pk}",
            "created_at": iso(n.created_at),
            # The asker of an anonymous request acts in its thread under its pseudonym (posts.authors).
            "account": render_shown_account(shown_actor(viewer, n.actor, n.post)),
        }
        if n.post_id:
            data["status"] = renderer.render(n.post)
        if kind == EMOJI_REACTION:
            data["emoji"] = GESTURE_EMOJI.get(n.gesture_kind, "")
        result.append(data)
    return result

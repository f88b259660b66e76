"""The kind-reply guard (comfort, issue 6) and notifications: a reply edited into words that may hurt waits again for
the author's approval, so the notices it gave (a reply, a mention) are withdrawn; approving it again notifies anew
(REPLY_RELEASED, in subscribers.connect). Notices about the reply sent to its own writer (gestures) stay."""

from __future__ import annotations

from reconfort.core import events
from reconfort.posts.models import Post

from .models import Notification, NotificationType


def on_reply_held_again(post_id, **_):
    author_id = Post.objects.filter(pk=post_id, held=True).values_list("author_id", flat=True).first()
    if author_id is None:  # deleted, or approved again meanwhile
        return
    Notification.objects.filter(
        post_id=post_id, actor_id=author_id, type__in=[NotificationType.REPLY, NotificationType.MENTION]
    ).delete()


def connect() -> None:
    events.subscribe(events.REPLY_HELD_AGAIN, on_reply_held_again)

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Q

from reconfort.accounts.models import Block, Mute
from reconfort.core.errors import NotFound

from .models import Marker, Notification


def _silenced(recipient_id: int, actor_id: int, *, actor_hidden: bool = False) -> bool:
    if recipient_id == actor_id:
        return True
    if actor_hidden:
        # Acting under a pseudonym (decision 0038): only the actor's own block counts. The recipient's blocks and
        # mutes of the account behind it must not silence it, or the missing notice would tell who it is.
        return Block.objects.filter(account_id=actor_id, target_id=recipient_id).exists()
    blocked = Block.objects.filter(
        Q(account_id=recipient_id, target_id=actor_id) | Q(account_id=actor_id, target_id=recipient_id)
    ).exists()
    return blocked or Mute.objects.filter(account_id=recipient_id, target_id=actor_id, hide_notifications=True).exists()


def notification_create(
    *,
    recipient_id: int,
    actor_id: int,
    type: str,
    post_id=None,
    gesture_kind="",
    subject_id=None,
    actor_hidden: bool = False,
) -> None:
    """Notify unless the recipient blocked/muted the actor (or is the actor). Safe to call twice.
    `actor_hidden`: the actor acts under the pseudonym of an anonymous request (posts.authors)."""
    if _silenced(recipient_id, actor_id, actor_hidden=actor_hidden):
        return
    Notification.objects.get_or_create(
        recipient_id=recipient_id,
        actor_id=actor_id,
        type=type,
        post_id=post_id,
        gesture_kind=gesture_kind,
        subject_id=subject_id,
    )


def notification_notice(*, recipient_id: int, type: str, subject_id: int) -> None:
    """A notice from the moderators (no other member behind it). Safe to call twice."""
    Notification.objects.get_or_create(
        recipient_id=recipient_id, actor_id=recipient_id, type=type, subject_id=subject_id
    )


def notification_withdraw(*, recipient_id: int, actor_id: int, type: str, post_id=None, gesture_kind="") -> None:
    Notification.objects.filter(
        recipient_id=recipient_id, actor_id=actor_id, type=type, post_id=post_id, gesture_kind=gesture_kind
    ).delete()


def notification_dismiss(user, notification_id) -> None:
    try:
        deleted, _rows = Notification.objects.filter(recipient=user, pk=int(notification_id)).delete()
    except (ValueError, TypeError):
        deleted = 0
    if not deleted:
        raise NotFound("Not found")


def notifications_clear(user) -> None:
    Notification.objects.filter(recipient=user).delete()


@transaction.atomic
def marker_set(user, timeline: str, last_read_id: int) -> Marker:
    marker, created = Marker.objects.select_for_update().get_or_create(
        user=user, timeline=timeline, defaults={"last_read_id": last_read_id}
    )
    if not created:
        Marker.objects.filter(pk=marker.pk).update(last_read_id=last_read_id, version=F("version") + 1)
        marker.refresh_from_db()
    return marker

from __future__ import annotations

from django.db.models import F, Q, QuerySet

from reconfort.accounts.models import Block
from reconfort.accounts.selectors import hidden_account_ids

from .models import Marker, Notification


def _as_pseudonym() -> Q:
    """Notifications whose actor acted under the pseudonym of an anonymous request (posts.authors)."""
    return Q(post__author_alias__gt="", post__author_id=F("actor_id")) | Q(
        post__thread_root__author_alias__gt="", post__thread_root__author_id=F("actor_id")
    )


def notifications_for(user, *, types: list[str] | None = None, exclude_types: list[str] | None = None) -> QuerySet:
    """The member's notifications, without those of accounts they block, mute or are blocked by. Someone acting
    under a pseudonym is not left out for the member's own blocks and mutes of the account behind it (that would
    tell who it is; decision 0038), only when they blocked the member."""
    qs = (
        Notification.objects.filter(recipient=user, actor__is_active=True)
        .exclude(Q(actor_id__in=hidden_account_ids(user)) & ~_as_pseudonym())
        .exclude(actor_id__in=Block.objects.filter(target=user).values("account_id"))
        .select_related(
            "actor", "post", "post__author", "post__reblog_of", "post__reblog_of__author", "post__thread_root"
        )
    )
    if types:
        qs = qs.filter(type__in=types)
    if exclude_types:
        qs = qs.exclude(type__in=exclude_types)
    return qs


def unread_count(user) -> int:
    marker = Marker.objects.filter(user=user, timeline=Marker.Timeline.NOTIFICATIONS).first()
    last = marker.last_read_id if marker else 0
    if not Notification.objects.filter(recipient=user, id__gt=last).exists():
        return 0  # nothing new at all (most pages): no need for the rules' query
    return notifications_for(user).filter(id__gt=last).count()


def markers_get(user, timelines: list[str]) -> list[Marker]:
    return list(Marker.objects.filter(user=user, timeline__in=timelines))

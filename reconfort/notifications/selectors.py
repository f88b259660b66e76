from __future__ import annotations

from django.db.models import QuerySet

from reconfort.accounts.selectors import hidden_account_ids

from .models import Marker, Notification


def notifications_for(user, *, types: list[str] | None = None, exclude_types: list[str] | None = None) -> QuerySet:
    qs = (
        Notification.objects.filter(recipient=user, actor__is_active=True)
        .exclude(actor_id__in=hidden_account_ids(user))
        .select_related("actor", "post", "post__author", "post__reblog_of", "post__reblog_of__author")
    )
    if types:
        qs = qs.filter(type__in=types)
    if exclude_types:
        qs = qs.exclude(type__in=exclude_types)
    return qs


def unread_count(user) -> int:
    marker = Marker.objects.filter(user=user, timeline=Marker.Timeline.NOTIFICATIONS).first()
    last = marker.last_read_id if marker else 0
    return notifications_for(user).filter(id__gt=last).count()


def markers_get(user, timelines: list[str]) -> list[Marker]:
    return list(Marker.objects.filter(user=user, timeline__in=timelines))

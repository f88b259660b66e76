"""Reads about hashtags that need posts (history, people, related tags) and the approved trends."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.db.models.functions import TruncDate
from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.accounts.selectors import hidden_account_ids
from reconfort.hashtags.models import FeaturedTag, Tag
from reconfort.posts.models import Post, PostTag, Visibility

from .models import ALL_LANGUAGES, TagReview, TrendScore

HISTORY_DAYS = 7
RECENT_DAYS = 7
RELATED_SAMPLE = 500


def _public_posts():
    return Post.objects.filter(
        visibility=Visibility.PUBLIC,
        reblog_of__isnull=True,
        hidden_at__isnull=True,
        author__is_active=True,
        author__limited=False,
    )


def _today() -> date:
    return timezone.now().astimezone(UTC).date()


def tag_history(tag_ids: list[int], days: int = HISTORY_DAYS) -> dict[int, list[dict]]:
    """Per tag, its public uses and distinct accounts per day (UTC) for the last `days` days, newest first
    (Mastodon's Tag history). One query for all the tags."""
    today = _today()
    first = today - timedelta(days=days - 1)
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    found: dict[tuple[int, date], tuple[int, int]] = {}
    if tag_ids:
        rows = (
            PostTag.objects.filter(tag_id__in=tag_ids, post__in=_public_posts().filter(created_at__gte=start))
            .annotate(day=TruncDate("post__created_at", tzinfo=UTC))
            .values("tag_id", "day")
            .annotate(uses=Count("post_id"), accounts=Count("post__author_id", distinct=True))
            .order_by()
        )
        found = {(r["tag_id"], r["day"]): (r["uses"], r["accounts"]) for r in rows}
    out = {}
    for tag_id in tag_ids:
        history = []
        for offset in range(days):
            day = today - timedelta(days=offset)
            uses, accounts = found.get((tag_id, day), (0, 0))
            history.append(
                {"day": str(calendar.timegm(day.timetuple())), "date": day, "uses": uses, "accounts": accounts}
            )
        out[tag_id] = history
    return out


def tag_people(viewer, tag: Tag, limit: int = 12) -> list[User]:
    """Members who used the tag publicly in the last days, most recent first; never those the viewer blocks,
    mutes or is blocked by, nor suspended or restricted members."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    # Not for an anonymous request: listing its asker among the tag's people would name them (decision 0038).
    posts = _public_posts().filter(tags=tag, created_at__gte=since, author_alias="")
    if viewer.is_authenticated:
        posts = posts.exclude(author_id__in=hidden_account_ids(viewer))
    ids = [r["author_id"] for r in posts.values("author_id").annotate(last=Max("id")).order_by("-last")[:limit]]
    by_id = User.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def tag_related(tag: Tag, limit: int = 8) -> list[Tag]:
    """Tags written together with this one in its latest public posts, most frequent first."""
    sample = list(_public_posts().filter(tags=tag).order_by("-id").values_list("id", flat=True)[:RELATED_SAMPLE])
    if not sample:
        return []
    rows = (
        PostTag.objects.filter(post_id__in=sample)
        .exclude(tag=tag)
        .values("tag_id")
        .annotate(n=Count("post_id"))
        .order_by("-n", "tag_id")[:limit]
    )
    ids = [r["tag_id"] for r in rows]
    by_id = Tag.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def featured_tag_stats(featured: list[FeaturedTag]) -> dict[int, tuple[int, datetime | None]]:
    """Per featured tag: how many public posts its member wrote with it, and when the last one was."""
    out = {}
    for f in featured:
        mine = _public_posts().filter(author_id=f.user_id, tags=f.tag_id, author_alias="")  # not anonymous ones
        agg = mine.aggregate(n=Count("id"), last=Max("created_at"))
        out[f.pk] = (agg["n"], agg["last"])
    return out


def featured_tag_suggestions(user, limit: int = 10) -> list[Tag]:
    """The tags the member used most in their recent posts, not featured yet (Mastodon's suggestions)."""
    recent = Post.objects.filter(author=user, reblog_of__isnull=True).order_by("-id").values_list("id", flat=True)[:200]
    featured = FeaturedTag.objects.filter(user=user).values("tag_id")
    rows = (
        PostTag.objects.filter(post_id__in=list(recent))
        .exclude(tag_id__in=featured)
        .values("tag_id")
        .annotate(n=Count("post_id"))
        .order_by("-n", "tag_id")[:limit]
    )
    ids = [r["tag_id"] for r in rows]
    by_id = Tag.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def trends_list(language: str | None = None, limit: int | None = None, offset: int = 0) -> list[TrendScore]:
    """Approved tags bursting now in `language` ("" or None: every language), highest score first."""
    limit = limit or settings.RECONFORT_TRENDS_LIMIT
    return list(
        TrendScore.objects.filter(
            language=(language or ALL_LANGUAGES).lower()[:8], tag__trend_review__state=TagReview.State.APPROVED
        )
        .select_related("tag")
        .order_by("-score", "tag_id")[offset : offset + limit]
    )


def tag_review_of(tag: Tag) -> TagReview | None:
    return TagReview.objects.filter(tag=tag).first()

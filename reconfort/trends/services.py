"""Burst detection and the review of trending tags (decision 0035).

A tag trends when the number of DISTINCT accounts using it in the recent window rises sharply against its own
baseline: the hourly average of distinct accounts over the previous days, counted once per finished hour into
TagHourStat. The score is a Poisson z-score, (observed - expected) / sqrt(expected), with `expected` floored at
one account; a burst also needs a minimum of accounts and a minimum ratio. Accounts younger than
RECONFORT_TRENDS_NEW_ACCOUNT_HOURS count for RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT of an account, so twenty
brand-new accounts shouting together weigh as two. Only public, original posts of active, unrestricted members,
not hidden by moderators, count. A bursting tag is shown only once a moderator approved it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import events
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.posts.models import PostTag, Visibility

from . import policies
from .models import ALL_LANGUAGES, HourDone, TagHourStat, TagReview, TrendScore

HOUR = timedelta(hours=1)
MIN_EXPECTED = 1.0
BATCH = 2000


@dataclass
class Count3:
    uses: int = 0
    accounts: int = 0
    weighted: float = 0.0


def hour_floor(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def _language(code) -> str:
    return (code or "").strip().lower()[:8]


def _tag_uses(start: datetime, end: datetime):
    """Tag uses that count: public original posts of active, unrestricted members, not hidden, in [start, end)."""
    return PostTag.objects.filter(
        post__created_at__gte=start,
        post__created_at__lt=end,
        post__visibility=Visibility.PUBLIC,
        post__reblog_of__isnull=True,
        post__hidden_at__isnull=True,
        post__author__is_active=True,
        post__author__limited=False,
    )


def count_uses(start: datetime, end: datetime, *, tag_ids=None) -> dict[tuple[int, str], Count3]:
    """Per (tag, language) and per (tag, every language): uses, distinct accounts and weighted distinct accounts
    in [start, end). Two grouped queries over the range (the posts' created_at index)."""
    young_since = end - timedelta(hours=settings.RECONFORT_TRENDS_NEW_ACCOUNT_HOURS)
    weight = settings.RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT
    qs = _tag_uses(start, end)
    if tag_ids is not None:
        qs = qs.filter(tag_id__in=tag_ids)
    aggregates = {
        "uses": Count("post_id"),
        "accounts": Count("post__author_id", distinct=True),
        "young": Count("post__author_id", distinct=True, filter=Q(post__author__date_joined__gt=young_since)),
    }
    out: dict[tuple[int, str], Count3] = {}
    for row in qs.values("tag_id", "post__language").annotate(**aggregates).order_by():
        language = _language(row["post__language"])
        if not language:
            continue  # posts without a language count only among every language
        key = (row["tag_id"], language)
        c = out.setdefault(key, Count3())
        c.uses += row["uses"]
        c.accounts += row["accounts"]  # two spellings of one language ("fr", "FR") may add up twice: rare
        c.weighted += row["accounts"] - row["young"] + weight * row["young"]
    for row in qs.values("tag_id").annotate(**aggregates).order_by():
        out[(row["tag_id"], ALL_LANGUAGES)] = Count3(
            row["uses"], row["accounts"], row["accounts"] - row["young"] + weight * row["young"]
        )
    return out


def stats_refresh(now: datetime | None = None) -> int:
    """Count every finished hour of the baseline period not counted yet; forget hours older than it.
    Safe to run twice (an hour is replaced whole). Returns how many hours were counted."""
    now = now or timezone.now()
    last = hour_floor(now)
    first = (
        last
        - timedelta(days=settings.RECONFORT_TRENDS_BASELINE_DAYS)
        - timedelta(hours=settings.RECONFORT_TRENDS_WINDOW_HOURS)
    )
    TagHourStat.objects.filter(hour__lt=first).delete()
    HourDone.objects.filter(hour__lt=first).delete()
    done = set(HourDone.objects.filter(hour__gte=first, hour__lt=last).values_list("hour", flat=True))
    counted = 0
    hour = first
    while hour < last:
        if hour not in done:
            _count_hour(hour)
            counted += 1
        hour += HOUR
    return counted


@transaction.atomic
def _count_hour(hour: datetime) -> None:
    counts = count_uses(hour, hour + HOUR)
    TagHourStat.objects.filter(hour=hour).delete()
    rows = [
        TagHourStat(
            tag_id=tag_id, language=language, hour=hour, uses=c.uses, accounts=c.accounts, weighted_accounts=c.weighted
        )
        for (tag_id, language), c in counts.items()
    ]
    TagHourStat.objects.bulk_create(rows, batch_size=BATCH)
    HourDone.objects.get_or_create(hour=hour)


@dataclass
class Burst:
    tag_id: int
    language: str
    score: float
    accounts: float
    expected: float
    uses: int


def score(observed: float, expected: float) -> float:
    expected = max(expected, MIN_EXPECTED)
    return (observed - expected) / math.sqrt(expected)


def bursts_detect(now: datetime | None = None, *, keep: set[tuple[int, str]] = frozenset()) -> list[Burst]:
    """The (tag, language) pairs bursting at `now`. Pairs in `keep` (bursting at the previous run) stay while
    their score is at least half the threshold, so a trend does not flicker on and off."""
    now = now or timezone.now()
    window = timedelta(hours=settings.RECONFORT_TRENDS_WINDOW_HOURS)
    window_start = now - window
    recent = count_uses(window_start, now)
    min_accounts = settings.RECONFORT_TRENDS_MIN_ACCOUNTS
    candidates = {key: c for key, c in recent.items() if c.weighted >= min_accounts}
    if not candidates:
        return []
    base_end = hour_floor(window_start)
    base_start = base_end - timedelta(days=settings.RECONFORT_TRENDS_BASELINE_DAYS)
    # Hours with no row for a tag count as zero; the denominator is the hours actually counted (a young site).
    hours = max(1, HourDone.objects.filter(hour__gte=base_start, hour__lt=base_end).count())
    baseline = {
        (row["tag_id"], row["language"]): row["total"] or 0.0
        for row in TagHourStat.objects.filter(
            hour__gte=base_start, hour__lt=base_end, tag_id__in={tag_id for tag_id, _l in candidates}
        )
        .values("tag_id", "language")
        .annotate(total=Sum("weighted_accounts"))
        .order_by()
    }
    threshold = settings.RECONFORT_TRENDS_MIN_SCORE
    found = []
    for key, c in candidates.items():
        expected = max(baseline.get(key, 0.0) / hours * settings.RECONFORT_TRENDS_WINDOW_HOURS, MIN_EXPECTED)
        z = score(c.weighted, expected)
        ratio = c.weighted / expected
        needed = threshold / 2 if key in keep else threshold
        if z >= needed and ratio >= settings.RECONFORT_TRENDS_MIN_RATIO:
            found.append(Burst(key[0], key[1], round(z, 3), round(c.weighted, 2), round(expected, 3), c.uses))
    return found


def trends_compute(now: datetime | None = None) -> list[Burst]:
    """The periodic job: count finished hours, detect bursts, store them per language, ask for the review of
    tags never reviewed (or refused long enough ago), and tell the other apps about new bursts."""
    now = now or timezone.now()
    stats_refresh(now)
    previous = set(TrendScore.objects.values_list("tag_id", "language"))
    bursts = bursts_detect(now, keep=previous)
    with transaction.atomic():
        current = {(b.tag_id, b.language) for b in bursts}
        stale = previous - current
        for tag_id, language in stale:
            TrendScore.objects.filter(tag_id=tag_id, language=language).delete()
        new_by_tag: dict[int, Burst] = {}
        for b in bursts:
            fields = {"score": b.score, "accounts": b.accounts, "expected": b.expected, "uses": b.uses}
            updated = TrendScore.objects.filter(tag_id=b.tag_id, language=b.language).update(computed_at=now, **fields)
            if not updated:
                TrendScore.objects.create(
                    tag_id=b.tag_id, language=b.language, detected_at=now, computed_at=now, **fields
                )
                best = new_by_tag.get(b.tag_id)
                # One event per tag: its most specific language (not "every language") with the highest score.
                if (
                    best is None
                    or (best.language == ALL_LANGUAGES and b.language)
                    or (bool(best.language) == bool(b.language) and b.score > best.score)
                ):
                    new_by_tag[b.tag_id] = b
        for tag_id in {b.tag_id for b in bursts}:
            _review_request(tag_id, now)
        for b in new_by_tag.values():
            events.emit(events.TAG_BURST, tag_id=b.tag_id, language=b.language, score=b.score)
    return bursts


def _review_request(tag_id: int, now: datetime) -> None:
    review = TagReview.objects.select_for_update().filter(tag_id=tag_id).first()
    if review is None:
        TagReview.objects.create(tag_id=tag_id, requested_at=now)
    elif review.state == TagReview.State.REJECTED and review.rejected_until and review.rejected_until <= now:
        review.state, review.requested_at, review.rejected_until = TagReview.State.PENDING, now, None
        review.save(update_fields=["state", "requested_at", "rejected_until"])
    else:
        return
    events.emit(events.TREND_REVIEW_REQUESTED, tag_id=tag_id)


@transaction.atomic
def trend_review_decide(moderator, tag_id: int, *, approved: bool, reason: str = "") -> TagReview:
    """A moderator lets a tag trend, or not (then it is not proposed again for RECONFORT_TRENDS_REJECTED_DAYS)."""
    if not policies.can_review_trend(moderator):
        raise Forbidden(_("Only moderators can review trending hashtags."))
    review = TagReview.objects.select_for_update().filter(tag_id=tag_id).first()
    now = timezone.now()
    if review is None:
        review = TagReview(tag_id=tag_id, requested_at=now)
    elif review.state != TagReview.State.PENDING and review.reviewed_by_id is not None and review.reviewed_at:
        if (review.state == TagReview.State.APPROVED) == approved:
            return review  # the same decision twice
    if not approved and not (reason or "").strip():
        raise ServiceError(_("Give a reason for the other moderators."), field="reason", code="empty_reason")
    review.state = TagReview.State.APPROVED if approved else TagReview.State.REJECTED
    review.reviewed_at, review.reviewed_by, review.reason = now, moderator, (reason or "").strip()
    review.rejected_until = None if approved else now + timedelta(days=settings.RECONFORT_TRENDS_REJECTED_DAYS)
    review.save()
    return review

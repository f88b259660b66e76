"""Reads of the comfort queue, support requests, thanks and the moderators' figures, filtered for the viewer."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Mute
from reconfort.accounts.selectors import blocked_ids_either_way, is_blocked_either_way
from reconfort.core.errors import NotFound
from reconfort.posts.models import Visibility
from reconfort.posts.selectors import can_view, posts_visible_to

from . import oncall, policies
from .models import Call, Claim, Comforter, KindReply, SupportRequest, Thanks
from .ordering import QUEUE_ORDER


def request_not_found() -> NotFound:
    return NotFound(_("This request for comfort does not exist or is not visible to you."))


def enough_replies() -> int:
    return settings.RECONFORT_COMFORT_KIND_REPLIES


def comforter_get(user) -> Comforter | None:
    if not user.is_authenticated:
        return None
    return Comforter.objects.filter(user=user).first()


def active_comforter(user) -> Comforter | None:
    comforter = comforter_get(user)
    return comforter if comforter is not None and comforter.active else None


def last_call(user) -> Call | None:
    """The member's latest call-out (the API shows it to them: Mastodon clients do not list those notifications)."""
    if not user.is_authenticated:
        return None
    return Call.objects.filter(comforter=user).order_by("-created_at", "-id").first()


def call_get(comforter_id: int, call_id) -> Call | None:
    """One of this comforter's own call-outs (for their notification), or None."""
    if not call_id:
        return None
    return Call.objects.filter(comforter_id=comforter_id, pk=call_id).first()


def _open_claims_by_others(viewer, now) -> QuerySet:
    qs = Claim.objects.filter(request=OuterRef("pk"), state=Claim.State.ACTIVE, expires_at__gt=now)
    if viewer.is_authenticated:
        qs = qs.exclude(comforter=viewer)
    return qs


def _waiting(viewer, now) -> QuerySet:
    """Requests still waiting for kind replies, visible to the viewer by audience, without blocks either way."""
    qs = SupportRequest.objects.filter(
        comforted_at__isnull=True,
        kind_replies__lt=enough_replies(),
        post__hidden_at__isnull=True,
        post__author__is_active=True,
    ).filter(post__in=posts_visible_to(viewer).values("pk"))
    if viewer.is_authenticated:
        qs = qs.exclude(asker=viewer).exclude(asker_id__in=blocked_ids_either_way(viewer))
        # Nor those who muted the viewer: they would never see the reply.
        qs = qs.exclude(asker_id__in=Mute.objects.filter(target=viewer).values("account_id"))
        qs = qs.exclude(Exists(KindReply.objects.filter(request=OuterRef("pk"), author=viewer)))
    return qs.exclude(Exists(_open_claims_by_others(viewer, now)))


def _visible(viewer, requests: list[SupportRequest]) -> list[SupportRequest]:
    return [r for r in requests if can_view(viewer, r.post)]


def queue_for(viewer, *, limit: int = 20, comforter: Comforter | None = None) -> list[SupportRequest]:
    """The comforter's queue: their languages (and topics if chosen), highest risk first then oldest."""
    comforter = comforter or active_comforter(viewer)
    if comforter is None:
        return []
    now = timezone.now()
    qs = _waiting(viewer, now).filter(language__in=comforter.languages or [viewer.language])
    if comforter.topics:
        qs = qs.filter(topic__in=comforter.topics)
    qs = qs.select_related("post", "post__author", "asker").order_by(*QUEUE_ORDER)
    return _visible(viewer, list(qs[: max(1, min(limit, 100))]))


def requests_waiting(viewer, limit: int = 5) -> list:
    """Requests waiting for a kind reply that this viewer could answer (the « Humain » front page).

    A comforter gets their queue; another member the requests in their language; a visitor the public ones.
    """
    if viewer.is_authenticated and active_comforter(viewer) is not None:
        return queue_for(viewer, limit=limit)
    now = timezone.now()
    qs = _waiting(viewer, now)
    if viewer.is_authenticated:
        qs = qs.filter(language=viewer.language)
    else:
        qs = qs.filter(audience=Visibility.PUBLIC)
    qs = qs.select_related("post", "post__author", "asker").order_by(*QUEUE_ORDER)
    return _visible(viewer, list(qs[: max(1, min(limit, 50))]))


def request_get_visible(viewer, request_id) -> SupportRequest:
    try:
        request = SupportRequest.objects.select_related("post", "post__author", "asker").get(pk=int(request_id))
    except (SupportRequest.DoesNotExist, ValueError, TypeError) as exc:
        raise request_not_found() from exc
    if not can_view(viewer, request.post):
        raise request_not_found()
    if request.post.hidden_at is not None and not (
        viewer.is_authenticated and (viewer.pk == request.asker_id or viewer.is_moderator)
    ):
        raise request_not_found()
    return request


def open_claim(viewer, request: SupportRequest) -> Claim | None:
    if not viewer.is_authenticated:
        return None
    return Claim.objects.filter(
        request=request, comforter=viewer, state=Claim.State.ACTIVE, expires_at__gt=timezone.now()
    ).first()


def my_requests(viewer, *, limit: int = 50) -> list[SupportRequest]:
    if not viewer.is_authenticated:
        return []
    return list(SupportRequest.objects.filter(asker=viewer).select_related("post").order_by("-created_at")[:limit])


def repliers(request: SupportRequest) -> list:
    """Those who replied kindly to the request (whom the asker may thank), first reply first, once each."""
    seen: dict[int, object] = {}
    for kind_reply in KindReply.objects.filter(request=request).select_related("author").order_by("created_at"):
        if kind_reply.author.is_active:
            seen.setdefault(kind_reply.author_id, kind_reply.author)
    return list(seen.values())


def has_replied(request: SupportRequest, user_id: int) -> bool:
    return KindReply.objects.filter(request=request, author_id=user_id).exists()


def thanked_ids(request: SupportRequest) -> set[int]:
    return set(Thanks.objects.filter(request=request).values_list("recipient_id", flat=True))


def thanks_received(viewer, *, limit: int = 50, max_id: int | None = None) -> list[Thanks]:
    """Thanks the viewer received. Only ever their own: no public score."""
    if not viewer.is_authenticated:
        return []
    qs = Thanks.objects.filter(recipient=viewer, sender__is_active=True)
    qs = qs.exclude(sender_id__in=blocked_ids_either_way(viewer))
    if max_id:
        qs = qs.filter(pk__lt=max_id)
    return list(qs.select_related("request", "request__post", "sender").order_by("-id")[:limit])


@dataclass(frozen=True)
class AuthorShown:
    name: str
    username: str | None  # None when shown under a pseudonym
    anonymous: bool
    account_id: int | None


def author_shown(viewer, request: SupportRequest) -> AuthorShown:
    if policies.can_see_identity(viewer, request):
        asker = request.post.author
        return AuthorShown(asker.name, asker.username, request.anonymous, asker.pk)
    return AuthorShown(request.pseudonym or str(_("Someone")), None, True, None)


def is_blocked(viewer, other) -> bool:
    return is_blocked_either_way(viewer, other)


def is_kept_apart(comforter, asker) -> bool:
    """Blocked either way, or muted by the asker (who would never see the comforter's words)."""
    return is_blocked_either_way(comforter, asker) or Mute.objects.filter(account=asker, target=comforter).exists()


# --- Figures for moderators -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayFigures:
    day: date
    language: str
    requests: int
    median_minutes: float | None
    p90_minutes: float | None
    within_1h: float | None  # share of the day's requests, 0..1
    within_24h: float | None
    waiting: int
    calls: int = 0  # call-outs sent to on-call comforters that day in that language
    calls_claimed: int = 0  # of which the comforter claimed a request within oncall.LED_TO_CLAIM_MINUTES


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100) of the values, None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def calls_by_day(since) -> dict[tuple[date, str], tuple[int, int]]:
    """{(UTC day, language): (call-outs sent, those after which the comforter claimed a request within
    oncall.LED_TO_CLAIM_MINUTES)}."""
    claimed_soon = Claim.objects.filter(
        comforter=OuterRef("comforter"),
        created_at__gte=OuterRef("created_at"),
        created_at__lte=OuterRef("created_at") + timedelta(minutes=oncall.LED_TO_CLAIM_MINUTES),
    )
    figures: dict[tuple[date, str], tuple[int, int]] = {}
    rows = Call.objects.filter(created_at__gte=since).annotate(claimed=Exists(claimed_soon))
    for created_at, language, claimed in rows.values_list("created_at", "language", "claimed"):
        key = (created_at.astimezone(UTC).date(), language)
        sent, led = figures.get(key, (0, 0))
        figures[key] = (sent + 1, led + int(bool(claimed)))
    return figures


def stats(*, days: int = 30, now=None) -> list[DayFigures]:
    """Per day (UTC) and language: requests, median and p90 minutes to the first kind reply, share answered
    within 1 h and 24 h, how many still wait for a first kind reply, and the call-outs sent (and how many led to a
    claim). Newest day first."""
    now = now or timezone.now()
    days = max(1, min(int(days), 366))
    since = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    groups: dict[tuple[date, str], list] = {}
    rows = SupportRequest.objects.filter(created_at__gte=since).values_list(
        "created_at", "language", "first_kind_reply_at", "kind_replies", "comforted_at"
    )
    for created_at, language, first_at, kind_replies, comforted_at in rows:
        key = (created_at.astimezone(UTC).date(), language or "")
        groups.setdefault(key, []).append((created_at, first_at, kind_replies, comforted_at))
    calls = calls_by_day(since)
    for key in calls:
        groups.setdefault(key, [])
    result = []
    for (day, language), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]), reverse=True):
        delays = [(first - created).total_seconds() / 60 for created, first, _k, _c in items if first is not None]
        total = len(items)
        within_1h = sum(1 for d in delays if d <= 60)
        within_24h = sum(1 for d in delays if d <= 24 * 60)
        waiting = sum(1 for _c, first, _k, comforted in items if first is None and comforted is None)
        result.append(
            DayFigures(
                day=day,
                language=language,
                requests=total,
                median_minutes=round(statistics.median(delays), 1) if delays else None,
                p90_minutes=round(percentile(delays, 90), 1) if delays else None,
                within_1h=round(within_1h / total, 3) if total else None,
                within_24h=round(within_24h / total, 3) if total else None,
                waiting=waiting,
                calls=calls.get((day, language), (0, 0))[0],
                calls_claimed=calls.get((day, language), (0, 0))[1],
            )
        )
    return result

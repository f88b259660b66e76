"""Call-outs: when someone has waited for comfort, gently call one comforter who chose to be on call.

As Crisis Text Line pages volunteers in a surge: every few minutes (tasks.py), per language, the most urgent then
oldest request with no kind reply, not held by anyone, that has waited RECONFORT_COMFORT_CALL_AFTER_MINUTES, gets
ONE call to ONE comforter: on call, in their hours (local, their account's time zone), speaking the language, not
comforting right now, under RECONFORT_COMFORT_CALLS_PER_DAY calls a day and three hours since their last call, and
allowed to comfort that person (the same rules as claiming it). Least recently called first. The notification says
only « someone is waiting for comfort in French » and links to the queue: never who, never what they wrote. The
rules are plain functions in oncall.py, shared with bench/comfort_simulation.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Language
from reconfort.core import events
from reconfort.core.errors import ServiceError
from reconfort.posts.selectors import can_view

from . import oncall, policies, selectors
from .limits import comfort_used_today
from .models import Call, Claim, Comforter, SupportRequest

REQUESTS_TRIED = 10  # per language and run: if nobody may be called for the first, try the next waiting ones


def _minutes(delta: timedelta) -> float:
    return delta.total_seconds() / 60


def local_hour(user, now: datetime) -> int:
    try:
        zone = ZoneInfo(user.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return now.astimezone(zone).hour


# --- the comforter's choice ---------------------------------------------------------------------------------


def _check_hour(value, field: str) -> int:
    try:
        hour = int(value)
    except (TypeError, ValueError):
        hour = -1
    if not 0 <= hour <= 23:
        raise ServiceError(_("Choose an hour between 0 and 23."), field=field, code="invalid_hour")
    return hour


def call_settings_save(user, *, on_call: bool, from_hour=9, until_hour=21) -> Comforter:
    """Choose whether to be called, and between which local hours. Only for comforters (after comforter_save)."""
    comforter = selectors.comforter_get(user)
    if comforter is None:
        raise ServiceError(_("You are not a comforter."), status=404, code="not_comforter")
    from_hour = _check_hour(from_hour, "call_from_hour")
    until_hour = _check_hour(until_hour, "call_until_hour")
    Comforter.objects.filter(pk=comforter.pk).update(
        on_call=bool(on_call), call_from_hour=from_hour, call_until_hour=until_hour
    )
    comforter.refresh_from_db()
    return comforter


# --- the periodic job ---------------------------------------------------------------------------------------


def _waiting_for_a_call(language: str, now: datetime) -> list[SupportRequest]:
    """Requests in `language` that need a call now (oncall.needs_a_call, in SQL), most urgent then oldest."""
    open_claims = Claim.objects.filter(request=OuterRef("pk"), state=Claim.State.ACTIVE, expires_at__gt=now)
    recent_calls = Call.objects.filter(
        request=OuterRef("pk"), created_at__gt=now - timedelta(minutes=oncall.CALL_AGAIN_MINUTES)
    )
    qs = (
        SupportRequest.objects.filter(
            language=language,
            comforted_at__isnull=True,
            kind_replies=0,
            created_at__lte=now - timedelta(minutes=settings.RECONFORT_COMFORT_CALL_AFTER_MINUTES),
            post__hidden_at__isnull=True,
            post__author__is_active=True,
        )
        .exclude(Exists(open_claims))
        .exclude(Exists(recent_calls))
        .select_related("post", "post__author", "asker")
        .order_by("risk", "created_at", "id")  # oncall.call_order_key
    )
    return list(qs[:REQUESTS_TRIED])


def _on_call(language: str, now: datetime) -> list[tuple[oncall.OnCall, Comforter]]:
    """The on-call comforters of a language, with what the rules need to know, in three queries."""
    comforters = [
        c
        for c in Comforter.objects.filter(active=True, on_call=True, user__is_active=True).select_related("user")
        if language in (c.languages or [])
    ]
    ids = [c.user_id for c in comforters]
    last_call = dict(
        Call.objects.filter(comforter_id__in=ids)
        .values("comforter_id")
        .annotate(last=Max("created_at"))
        .values_list("comforter_id", "last")
    )
    calls_last_day = dict(
        Call.objects.filter(comforter_id__in=ids, created_at__gt=now - timedelta(days=1))
        .values("comforter_id")
        .annotate(n=Count("id"))
        .values_list("comforter_id", "n")
    )
    last_claim = dict(
        Claim.objects.filter(
            comforter_id__in=ids, created_at__gt=now - timedelta(minutes=oncall.ACTIVE_MINUTES), created_at__lte=now
        )
        .values("comforter_id")
        .annotate(last=Max("created_at"))
        .values_list("comforter_id", "last")
    )
    result = []
    for c in comforters:
        facts = oncall.OnCall(
            ident=c.user_id,
            on_call=c.on_call,
            languages=tuple(c.languages or ()),
            topics=tuple(c.topics or ()),
            local_hour=local_hour(c.user, now),
            from_hour=c.call_from_hour,
            until_hour=c.call_until_hour,
            calls_last_day=calls_last_day.get(c.user_id, 0),
            minutes_since_last_call=_minutes(now - last_call[c.user_id]) if c.user_id in last_call else None,
            minutes_since_last_claim=_minutes(now - last_claim[c.user_id]) if c.user_id in last_claim else None,
        )
        result.append((facts, c))
    return result


def _allowed(comforter: Comforter, request: SupportRequest, now: datetime, used_today: dict) -> bool:
    """The rules that depend on the asker, as for a claim (oncall.not_allowed). Queries, so asked last."""
    user = comforter.user
    if user.pk not in used_today:
        used_today[user.pk] = comfort_used_today(user, now=now)
    reason = oncall.not_allowed(
        can_comfort=policies.can_comfort(user, now=now, min_days=settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS),
        comforted_today=used_today[user.pk],
        daily_limit=settings.RECONFORT_COMFORT_DAILY_CLAIMS,
        is_asker=user.pk == request.asker_id,
        kept_apart=user.pk != request.asker_id and selectors.is_kept_apart(user, request.asker),
        can_see=can_view(user, request.post),
    )
    return reason is None


def call_for_language(language: str, *, now: datetime | None = None) -> Call | None:
    """At most one call for this language: the first waiting request for which someone may be called."""
    now = now or timezone.now()
    requests = _waiting_for_a_call(language, now)
    if not requests:
        return None
    candidates = _on_call(language, now)
    used_today: dict[int, int] = {}
    per_day = settings.RECONFORT_COMFORT_CALLS_PER_DAY
    by_id = {c.user_id: c for _f, c in candidates}
    facts = [f for f, _c in candidates]
    for request in requests:
        for one in oncall.in_rotation(facts, language=language, topic=request.topic, per_day=per_day):
            comforter = by_id[one.ident]
            if _allowed(comforter, request, now, used_today):
                with transaction.atomic():
                    call = Call.objects.create(
                        request=request, comforter_id=comforter.user_id, language=language, created_at=now
                    )
                    events.emit(
                        events.COMFORT_CALLED, call_id=call.pk, comforter_id=comforter.user_id, language=language
                    )
                return call
    return None


def calls_send(*, now: datetime | None = None) -> list[Call]:
    """The periodic job: one call per language at most."""
    now = now or timezone.now()
    sent = [call_for_language(language, now=now) for language in Language.values]
    return [call for call in sent if call is not None]

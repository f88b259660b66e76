"""Call-outs' rules, as plain functions (no Django), shared by comfort.callouts and bench/comfort_simulation.py.

When someone has waited for a first kind reply, one comforter who chose to be on call is told « someone is waiting
for comfort in French ». These functions decide which request is called for, which comforters may be called, and
in which order (least recently called first). Times are minutes (the simulation counts minutes; the service
converts datetimes), hours are the comforter's local hours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60
EVERY_MINUTES = 5  # how often the job runs (tasks.py's crontab)
GAP_MINUTES = 3 * 60  # at least this long between two calls to the same comforter
ACTIVE_MINUTES = 30  # a comforter who claimed a request this recently is already comforting: not called
CALL_AGAIN_MINUTES = 30  # a request someone was called for is not called for again this soon
LED_TO_CLAIM_MINUTES = 30  # the moderators' figure: a call « led to a claim » if the comforter claimed this soon


def within_hours(local_hour: int, from_hour: int, until_hour: int) -> bool:
    """Whether a local hour is inside the comforter's window [from, until); it may span midnight (22 → 7); equal
    bounds mean any hour."""
    if from_hour == until_hour:
        return True
    if from_hour < until_hour:
        return from_hour <= local_hour < until_hour
    return local_hour >= from_hour or local_hour < until_hour


def needs_a_call(
    *,
    minutes_waiting: float,
    kind_replies: int,
    claimed: bool,
    minutes_since_called_for: float | None,
    after_minutes: int,
) -> bool:
    """A request is called for when nobody has answered it, nobody holds it, it has waited `after_minutes`, and no
    call for it went out in the last CALL_AGAIN_MINUTES (the person called may be on their way)."""
    if kind_replies > 0 or claimed or minutes_waiting < after_minutes:
        return False
    return minutes_since_called_for is None or minutes_since_called_for >= CALL_AGAIN_MINUTES


def call_order_key(risk: int, created_at, ident: int = 0) -> tuple:
    """Which waiting request is called for first: the most urgent, then the one who has waited longest (the queue's
    order among those without a kind reply)."""
    return (risk, created_at, ident)


def rotation_key(minutes_since_last_call: float | None, ident: int = 0) -> tuple:
    """Fairness: never called first, then the one called longest ago."""
    return (-math.inf if minutes_since_last_call is None else -minutes_since_last_call, ident)


@dataclass(frozen=True)
class OnCall:
    """What the rules need to know about one comforter at one moment."""

    ident: int
    on_call: bool
    languages: tuple[str, ...]
    topics: tuple[str, ...]  # empty: every topic
    local_hour: int
    from_hour: int
    until_hour: int
    calls_last_day: int  # calls in the last 24 hours
    minutes_since_last_call: float | None  # None: never called
    minutes_since_last_claim: float | None  # None: no claim recently


def unavailable(c: OnCall, *, language: str, topic: str, per_day: int) -> str | None:
    """Why this comforter may not be called now for a request in `language` about `topic` (None: they may).
    These rules do not depend on who asked; `not_allowed` adds those that do."""
    if not c.on_call:
        return "not_on_call"
    if language not in c.languages:
        return "language"
    if c.topics and topic not in c.topics:
        return "topic"
    if not within_hours(c.local_hour, c.from_hour, c.until_hour):
        return "hours"
    if c.calls_last_day >= per_day:
        return "calls_per_day"
    if c.minutes_since_last_call is not None and c.minutes_since_last_call < GAP_MINUTES:
        return "gap"
    if c.minutes_since_last_claim is not None and c.minutes_since_last_claim < ACTIVE_MINUTES:
        return "active"
    return None


def not_allowed(
    *,
    can_comfort: bool,
    comforted_today: int,
    daily_limit: int,
    is_asker: bool,
    kept_apart: bool,
    can_see: bool,
) -> str | None:
    """Why this comforter may not comfort this asker (None: they may): the same rules as claiming in the queue."""
    if not can_comfort:
        return "cannot_comfort"
    if comforted_today >= daily_limit:
        return "daily_limit"
    if is_asker:
        return "asker"
    if kept_apart:
        return "kept_apart"
    if not can_see:
        return "cannot_see"
    return None


def in_rotation(candidates: Iterable[OnCall], *, language: str, topic: str, per_day: int) -> list[OnCall]:
    """Those who may be called now, least recently called first."""
    available = [c for c in candidates if unavailable(c, language=language, topic=topic, per_day=per_day) is None]
    return sorted(available, key=lambda c: rotation_key(c.minutes_since_last_call, c.ident))

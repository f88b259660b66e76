"""Fixed-window rate limits kept in the cache (Redis in production, the database cache embedded).

Limits protect members from strangers: how many posts, mentions, follows, gestures, reports and sign-ups one
account or one address may make in a window. New accounts get tighter limits during their first days.
Settings may override any limit: RECONFORT_RATE_LIMITS = {"post": (60, 3600), ...}.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .errors import RateLimited


@dataclass(frozen=True)
class Limit:
    count: int
    period: int  # seconds


# (established accounts, accounts younger than NEW_ACCOUNT_DAYS)
DEFAULT_LIMITS: dict[str, tuple[Limit, Limit]] = {
    "post": (Limit(60, 3600), Limit(15, 3600)),
    "mention": (Limit(100, 3600), Limit(20, 3600)),
    "follow": (Limit(200, 86400), Limit(40, 86400)),
    "gesture": (Limit(300, 3600), Limit(100, 3600)),
    "report": (Limit(30, 86400), Limit(10, 86400)),
    "appeal": (Limit(5, 86400), Limit(5, 86400)),
    "password_change": (Limit(5, 3600), Limit(5, 3600)),
    "export": (Limit(2, 86400), Limit(2, 86400)),
    "email_confirmation": (Limit(5, 3600), Limit(5, 3600)),
    # Comfort (issue 6) and crises (issue 7): what strangers can do to each other there.
    "comfort_claim": (Limit(60, 3600), Limit(20, 3600)),
    "gratitude": (Limit(50, 86400), Limit(20, 86400)),
    "worried": (Limit(5, 86400), Limit(5, 86400)),  # and refused outright to new accounts (comfort.safety)
    "circle_post": (Limit(60, 3600), Limit(10, 3600)),
    "circle_join": (Limit(20, 86400), Limit(5, 86400)),
    "kindred_request": (Limit(20, 86400), Limit(5, 86400)),
    "safety_question": (Limit(10, 86400), Limit(3, 86400)),
    # Per address, whoever asks:
    "signup_per_address": (Limit(5, 1800), Limit(5, 1800)),
    # Per address and per e-mail address asked for:
    "password_reset": (Limit(5, 3600), Limit(5, 3600)),
}
NEW_ACCOUNT_DAYS = 7


def limit_for(action: str, account=None) -> Limit:
    overrides = getattr(settings, "RECONFORT_RATE_LIMITS", {}) or {}
    if action in overrides:
        count, period = overrides[action]
        return Limit(int(count), int(period))
    established, new = DEFAULT_LIMITS[action]
    joined = getattr(account, "date_joined", None)
    if joined is not None and timezone.now() - joined < timedelta(days=NEW_ACCOUNT_DAYS):
        return new
    return established


def hit(action: str, scope: str, limit: Limit, *, amount: int = 1) -> None:
    """Count `amount` uses of `action` by `scope`; raise RateLimited (nothing counted) past the limit."""
    if not getattr(settings, "RECONFORT_RATE_LIMITS_ENABLED", True) or amount <= 0:
        return
    now = int(time.time())
    window = now - now % limit.period
    key = f"rl:{action}:{scope}:{window}"
    cache.add(key, 0, timeout=limit.period + 5)
    used = cache.get(key, 0)
    if used + amount > limit.count:
        raise RateLimited(
            _("You have done this too often for now. Please take a moment and try again later."),
            retry_after=window + limit.period - now,
        )
    try:
        cache.incr(key, amount)
    except ValueError:  # the window expired between add and incr
        cache.set(key, amount, timeout=limit.period + 5)


def hit_account(action: str, account, *, amount: int = 1) -> None:
    hit(action, f"a{account.pk}", limit_for(action, account), amount=amount)


def hit_address(action: str, address: str | None) -> None:
    if address:
        hit(action, f"ip{address}", limit_for(action))

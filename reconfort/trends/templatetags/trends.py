"""Template helpers for hashtags: the featured tags on a profile, and the bars of a week of use."""

from __future__ import annotations

import math

from django import template

from reconfort.hashtags.selectors import featured_tags_of

register = template.Library()
STEPS = 10


@register.inclusion_tag("trends/_featured_on_profile.html")
def featured_tags(account):
    return {"featured": featured_tags_of(account)}


@register.filter
def history_peak(history) -> int:
    return max((day["uses"] for day in history), default=0)


@register.filter
def bar_step(value, peak) -> int:
    """0..10: the height class of one day's bar (no inline style under the strict CSP)."""
    if not peak or not value:
        return 0
    return max(1, min(STEPS, math.ceil(STEPS * int(value) / int(peak))))

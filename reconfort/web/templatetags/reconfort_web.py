"""Template helpers for pages: gesture buttons, gentle times, safe `next` links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from html import unescape

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from reconfort.core.text import plain_excerpt
from reconfort.posts.models import GESTURE_EMOJI, GestureKind

register = template.Library()

# What pressing each gesture button means, said as an action (the button's accessible name).
GESTURE_ACTIONS = {
    GestureKind.HUG: _("Send a hug"),
    GestureKind.CANDLE: _("Light a candle"),
    GestureKind.PRAYER: _("Send a prayer"),
    GestureKind.FLOWERS: _("Bring flowers"),
    GestureKind.HEART: _("Send love"),
}


@dataclass(frozen=True)
class GestureButton:
    kind: str
    emoji: str
    label: str  # the gesture's name: "Candle"
    action: str  # what the button does: "Light a candle"
    count: int
    given: bool


@register.simple_tag
def gesture_buttons(post, state) -> list[GestureButton]:
    """One button per gesture kind for `post`, with its count and whether the viewer gave it."""
    return [
        GestureButton(
            kind=kind.value,
            emoji=GESTURE_EMOJI[kind],
            label=kind.label,
            action=GESTURE_ACTIONS[kind],
            count=post.gesture_count(kind.value),
            given=bool(state and state.gave(post.pk, kind.value)),
        )
        for kind in GestureKind
    ]


@register.simple_tag
def reshared(post, state) -> bool:
    return bool(state and post.pk in state.reblogged)


@register.filter
def gesture_emoji(kind: str) -> str:
    return GESTURE_EMOJI.get(kind, "")


@register.filter
def friendly_time(value):
    """Recent times as "2 hours ago"; older ones as a date, in the active (member's) time zone."""
    if not value:
        return ""
    now = timezone.now()
    if now - value < timedelta(hours=22):
        return naturaltime(value)
    local = timezone.localtime(value)
    if local.year == timezone.localtime(now).year:
        return date_format(local, get_format("MONTH_DAY_FORMAT"))
    return date_format(local, get_format("DATE_FORMAT"))


@register.filter
def full_time(value):
    return date_format(timezone.localtime(value), get_format("DATETIME_FORMAT")) if value else ""


@register.simple_tag(takes_context=True)
def here(context, anchor="") -> str:
    """The page the member is on (kept through HTMX fragments), to come back to after a plain form POST.

    With `anchor` (a post id), coming back lands on that post rather than the top of the page.
    """
    base = context.get("next_url") or context["request"].get_full_path()
    if anchor:
        base = f"{base.split('#', 1)[0]}#post-{anchor}"
    return base


PARAGRAPH_RE = re.compile(r"<p>(.*?)</p>", re.DOTALL)


@register.filter
def excerpt(html: str, limit: int = 280) -> str:
    """The first lines of rendered HTML as plain text: paragraphs only, so headings do not run into the text."""
    paragraphs = PARAGRAPH_RE.findall(html or "") or [html or ""]
    return plain_excerpt(unescape(strip_tags(" ".join(paragraphs))), limit)


@register.filter
def tone(account_id) -> int:
    """One of six soft background tones for an avatar without a picture, stable per account."""
    return int(account_id or 0) % 6

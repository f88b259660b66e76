"""Template helpers for pages: gesture buttons, gentle times, safe `next` links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from django import template
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from reconfort.core.text import plain_excerpt
from reconfort.posts.models import GESTURE_EMOJI, GestureKind
from reconfort.web import fragments, times

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
    url: str  # where the button's form posts


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
            url=reverse("posts:gesture", args=[post.pk, kind.value]),
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
    """Recent times as "2 hours ago"; older ones as a date, in the active (member's) time zone. In a fragment
    rendered for the cache, a hole filled at each request (it changes as time passes)."""
    return (value and fragments.hole("time", value)) or times.friendly_time(value)


@register.filter
def full_time(value):
    return times.full_time(value)


@register.simple_tag(takes_context=True)
def here(context, anchor="") -> str:
    """The page the member is on (kept through HTMX fragments), to come back to after a plain form POST.

    With `anchor` (a post id), coming back lands on that post rather than the top of the page. In a fragment
    rendered for the cache, a hole filled at each request.
    """
    return fragments.hole("here", anchor) or fragments.here_path(
        context.get("next_url") or context["request"].get_full_path(), anchor
    )


@register.simple_tag(takes_context=True)
def post_cards(context, posts):
    """`{% for item in posts %}{% include "posts/_post.html" %}{% endfor %}`, the cards read from the cache in one
    go (web/fragments.py)."""
    return fragments.render_cards(context, posts)


@register.simple_tag(takes_context=True)
def post_card(context, item):
    """`{% include "posts/_post.html" with item=item %}`, from the cache."""
    return fragments.render_cards(context, [item])


@register.simple_tag(takes_context=True)
def blank_form(context, template_name, form, **values):
    """`{% include template_name with form=form … %}`, kept in the cache while nobody has typed in the form."""
    return fragments.render_blank_form(context, template_name, form, **values)


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

"""Post cards and blank forms rendered once and kept in the cache (issue 2, performance targets).

Rendering a post card through the templates costs ~2.5 ms (some forty tags, a dozen URL reversals, a hundred and
fifty variable lookups); a timeline page shows twenty. So a card is rendered once and its HTML kept in Django's cache
(the database cache on the embedded default, Redis at scale), a page reading all of its cards in one `get_many`.

**The key is everything the card shows.** It is a digest of the rows already loaded (the post and the post it
reshares, their authors' names, usernames and avatars, the text, title, content warning, counts, kind, visibility,
language, dates, images and their descriptions) and of what the viewer changes: whether they are signed in, whether
they wrote it, whether they are a moderator, who they may see behind a pseudonym (decision 0038: the asker and the
moderators see the account, everyone else the pseudonym), the gestures and the reshare they gave; plus the language,
the time zone, the URL prefix, the settings the pages read and a digest of the code, templates and translations
(`build_version`). An edit, a new count, a renamed author or a gesture is a new key: no service needs to forget
anything, and nothing one viewer sees can be served to a viewer who would see it differently. Entries that are no
longer asked for simply expire.

**Holes for what changes with each request.** Three things in a card are never cached: the CSRF token of its forms,
the page its forms come back to (`{% here %}`) and how long ago it was written ("2 hours ago"). While a fragment is
rendered for the cache, they render as holes, marked with a random token drawn for that rendering (a post's text
cannot forge one it never knew), and the fragment is stored as its pieces; serving joins them with this request's
values.

`render_cards` is what `{% post_cards posts %}` does; `render_blank_form` serves a form nobody has typed in yet
(`{% blank_form %}`).
"""

from __future__ import annotations

import contextvars
import hashlib
import re
import secrets
from functools import lru_cache
from pathlib import Path

import django
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from reconfort.posts import authors

from .times import friendly_time

CARD_TEMPLATE = "posts/_post.html"
CARD_TIMEOUT = 24 * 3600  # an entry nobody asks for again (an older version of a post) goes within a day
FORM_TIMEOUT = 24 * 3600
FORM_OPTIONS = ("form_id", "plain", "oob", "nudges")  # what posts/_compose_form.html reads besides the form
PACKAGE = Path(__file__).resolve().parent.parent  # reconfort/


@lru_cache(maxsize=1)
def build_version() -> str:
    """A digest of what renders a fragment besides its data: Django's version, this package's code, templates and
    translations, and the settings pages read. A deployment that changes any of them starts from fresh keys."""
    digest = hashlib.blake2b(django.get_version().encode(), digest_size=12)
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".mo") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    shown = {name: getattr(settings, name) for name in dir(settings) if name.startswith("RECONFORT_")}
    shown.update(
        media=settings.MEDIA_URL, static=settings.STATIC_URL, script=getattr(settings, "FORCE_SCRIPT_NAME", None)
    )
    digest.update(repr(sorted(shown.items(), key=lambda pair: pair[0])).encode())
    return digest.hexdigest()


# --- Holes -----------------------------------------------------------------------------------------------------


class _Filling:
    """The holes of one fragment being rendered for the cache: each is `<mark><n>_` in the HTML."""

    def __init__(self):
        self.mark = secrets.token_hex(8)
        self.holes: list[tuple] = []

    def hole(self, *what) -> str:
        self.holes.append(what)
        return f"{self.mark}{len(self.holes) - 1}_"

    def pieces(self, html: str) -> tuple:
        """The HTML as text and holes alternately: ("<article…", ("csrf",), "\">…", …)."""
        parts = re.split(f"{self.mark}(\\d+)_", html)
        return tuple(self.holes[int(part)] if i % 2 else part for i, part in enumerate(parts))


_filling: contextvars.ContextVar[_Filling | None] = contextvars.ContextVar("reconfort_fragment_filling", default=None)


def hole(*what) -> str | None:
    """For the template helpers: a hole standing for `what` while a fragment is rendered for the cache, else None.
    `what` is ("here", anchor) or ("time", datetime); `_fill_value` turns it into this request's text."""
    filling = _filling.get()
    return filling.hole(*what) if filling is not None else None


def _fill_value(what: tuple, request_values: dict) -> str:
    kind = what[0]
    if kind == "csrf":
        return request_values["csrf"]
    if kind == "here":
        return conditional_escape(here_path(request_values["here"], what[1]))
    if kind == "time":
        return conditional_escape(friendly_time(what[1]))
    raise ValueError(f"unknown hole {kind!r}")


def _join(pieces: tuple, request_values: dict) -> str:
    filled = request_values["filled"]  # a page fills the same hole many times (six forms a card)
    html = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            html.append(piece)
            continue
        value = filled.get(piece)
        if value is None:
            value = filled[piece] = _fill_value(piece, request_values)
        html.append(value)
    return "".join(html)


def here_path(base: str, anchor="") -> str:
    """The page to come back to after a plain form POST; with `anchor` (a post id), on that post."""
    if anchor:
        return f"{base.split('#', 1)[0]}#post-{anchor}"
    return base


def _request_values(context) -> dict | None:
    """This request's CSRF token (one masking for the whole page) and page, or None when a fragment cannot be
    served from the cache here (no token: `{% csrf_token %}` would render nothing)."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return None
    request = context.get("request")
    base = context.get("next_url") or (request.get_full_path() if request is not None else None)
    if base is None:
        return None
    return {"csrf": conditional_escape(str(token)), "here": base, "filled": {}}


def _render_filling(context, template, values: dict) -> tuple:
    """Render `template` with `values` pushed on the context, the per-request parts as holes; its pieces."""
    filling = _Filling()
    reset = _filling.set(filling)
    try:
        with context.push(csrf_token=filling.hole("csrf"), **values):
            html = template.render(context)
    finally:
        _filling.reset(reset)
    return filling.pieces(html)


# --- Post cards ------------------------------------------------------------------------------------------------


def _viewer(context):
    """The member the page is for, as `post_authors` finds them."""
    user = context.get("user")
    if user is None and context.get("request") is not None:
        user = context["request"].user
    return user if user is not None else AnonymousUser()


def _page_digest(context, viewer) -> tuple:
    """What every card of this page shares in its key."""
    return (
        build_version(),
        get_language(),
        timezone.get_current_timezone_name(),
        get_script_prefix(),
        bool(viewer.is_authenticated),
        bool(getattr(viewer, "is_moderator", False)),
        bool(context.get("focus")),
        bool(context.get("in_thread")),
        bool(context.get("large")),
    )


def _account(account) -> tuple:
    return (account.pk, account.username, account.name, str(account.avatar or ""))


def card_key(page: tuple, viewer, state, item) -> str:
    post = item.reblog_of if item.reblog_of_id else item
    shown = authors.shown_author(viewer, post)
    given = tuple(sorted(state.gestures.get(post.pk, ()))) if state else ()
    parts = (
        page,
        item.pk,
        item.reblog_of_id,
        _account(item.author) if item.reblog_of_id else None,
        post.pk,
        _account(post.author),
        viewer.is_authenticated and viewer.pk == post.author_id,
        (shown.name, shown.hidden, shown.alias, shown.pk),
        post.kind,
        post.visibility,
        post.language,
        post.is_story,
        post.title,
        post.spoiler_text,
        post.content_html,
        post.in_reply_to_id,
        post.thread_root_id,
        post.created_at,
        post.edited_at,
        post.held,
        post.author_alias,
        post.replies_count,
        post.reblogs_count,
        post.hug_count,
        post.candle_count,
        post.prayer_count,
        post.flowers_count,
        post.heart_count,
        tuple((m.pk, str(m.file), m.description, m.width, m.height) for m in post.media.all()),
        given,
        bool(state and post.pk in state.reblogged),
    )
    return "card:" + hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def render_cards(context, items) -> SafeString:
    """Post cards as `{% include "posts/_post.html" %}` renders them for each `item`, read from the cache in one
    `get_many`; the missing ones rendered, served and stored in one `set_many`."""
    items = list(items or ())
    if not items:
        return mark_safe("")
    template = context.template.engine.get_template(CARD_TEMPLATE)
    request_values = _request_values(context)
    if request_values is None:  # no page context to fill holes from: render as the include would
        return mark_safe("".join(_render_plain(context, template, item) for item in items))
    viewer = _viewer(context)
    state = context.get("state")
    page = _page_digest(context, viewer)
    keys = [card_key(page, viewer, state, item) for item in items]
    found = cache.get_many(keys)
    missing = {}
    html = []
    for key, item in zip(keys, items, strict=True):
        pieces = found.get(key)
        if pieces is None:
            pieces = missing.get(key) or _render_filling(context, template, {"item": item})
            missing[key] = pieces
        html.append(_join(pieces, request_values))
    if missing:
        cache.set_many(missing, CARD_TIMEOUT)
    return mark_safe("".join(html))


def _render_plain(context, template, item) -> str:
    with context.push(item=item):
        return template.render(context)


# --- Blank forms -----------------------------------------------------------------------------------------------


def render_blank_form(context, template_name: str, form, **values) -> SafeString:
    """`{% include template_name with form=form … %}` for a form nobody has typed in yet: it is the same for every
    member with the same initial values, language and options, so it is rendered once and kept. A bound form (with
    what was typed and its errors) is always rendered afresh."""
    template = context.template.engine.get_template(template_name)
    request_values = _request_values(context)
    values = {"form": form, **values}
    # What the form template reads from the page besides the form (given here or set by the page).
    options = {name: values[name] if name in values else context.get(name) for name in FORM_OPTIONS}
    if form.is_bound or request_values is None or options["nudges"]:
        with context.push(**values):
            return mark_safe(template.render(context))
    parts = (
        build_version(),
        get_language(),
        get_script_prefix(),
        template_name,
        type(form).__module__,
        type(form).__qualname__,
        form.prefix,
        form.auto_id,
        sorted((name, repr(value)) for name, value in form.initial.items()),
        sorted((name, repr(value)) for name, value in options.items()),
    )
    key = "form:" + hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    pieces = cache.get(key)
    if pieces is None:
        pieces = _render_filling(context, template, values)
        cache.set(key, pieces, FORM_TIMEOUT)
    return mark_safe(_join(pieces, request_values))

"""Mastodon account exports: `outbox.json`, an ActivityStreams `OrderedCollection` of `Create` (the person's own
posts) and `Announce` (boosts) activities, and `actor.json`. `to`/`cc` decide visibility: only what was addressed
to the public is kept, never direct messages nor followers-only posts."""

from __future__ import annotations

import html
import re
from datetime import datetime

import nh3

from reconfort.core.text import sanitize_html

from .found import ArchiveOwner, Found, clean_text

POSTS = re.compile(r"^(?:[^/]+/)?outbox\.json$")
ACCOUNT = re.compile(r"^(?:[^/]+/)?actor\.json$")
START = re.compile(r'"orderedItems"\s*:\s*\[')
PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}
NOTE_TYPES = {"Note", "Article", "Page", "Question"}


def owner_from(actor) -> ArchiveOwner | None:
    if not isinstance(actor, dict):
        return None
    return ArchiveOwner(
        account_id=clean_text(actor.get("id")),
        username=clean_text(actor.get("preferredUsername")),
        display_name=clean_text(actor.get("name")),
    )


def _addresses(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def parse_published(value) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def _plain(content: str) -> str:
    with_breaks = re.sub(r"(?i)<br\s*/?>|</p>\s*<p[^>]*>", "\n", content)
    return html.unescape(nh3.clean(with_breaks, tags=set())).strip()


def parse(item, owner: ArchiveOwner | None) -> Found | None:
    """One activity, or None for what is not kept: boosts, direct and followers-only posts, broken items."""
    if not isinstance(item, dict) or item.get("type") != "Create":
        return None
    note = item.get("object")
    if not isinstance(note, dict) or note.get("type") not in NOTE_TYPES:
        return None
    audience = _addresses(note.get("to", item.get("to"))) | _addresses(note.get("cc", item.get("cc")))
    if not audience & PUBLIC:
        return None
    posted_at = parse_published(note.get("published") or item.get("published"))
    content = clean_text(note.get("content"))
    if not content and isinstance(note.get("contentMap"), dict):
        content = clean_text(next(iter(note["contentMap"].values()), ""))
    note_id = clean_text(note.get("id"))[:200]
    text = _plain(content)
    if posted_at is None or not note_id or not text:
        return None
    in_reply_to = note.get("inReplyTo")
    own_thread = bool(
        owner and owner.account_id and isinstance(in_reply_to, str) and in_reply_to.startswith(owner.account_id + "/")
    )
    url = note.get("url") if isinstance(note.get("url"), str) else note_id
    return Found(
        original_id=note_id,
        posted_at=posted_at,
        text=text,
        html=sanitize_html(content),
        url=url if url.startswith(("https://", "http://")) else "",
        is_reply=bool(in_reply_to) and not own_thread,
        content_warning=clean_text(note.get("summary"))[:200],
    )

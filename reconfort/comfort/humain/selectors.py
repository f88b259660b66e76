"""What the « Humain » front page shows a viewer: only what they may see, blocks and mutes respected, their language
first (then the others).

- people waiting for comfort: only for members opted in as comforters (comfort.selectors.requests_waiting);
- open appeals: the viewer's nearby place is not kept by appeals, so the most recent open appeals they may see;
- recent memorial posts (posts of kind memorial) and the last words of the Hereafter (listed memorials only);
- recent gratitude (posts of kind gratitude).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from reconfort.accounts.selectors import hidden_account_ids
from reconfort.appeals.models import Status
from reconfort.appeals.selectors import appeals_visible_to
from reconfort.comfort.selectors import active_comforter, author_shown, requests_waiting
from reconfort.memorials.selectors import memorial_list_directory
from reconfort.posts.models import Kind, Post
from reconfort.posts.selectors import exclude_hidden, posts_visible_to

WAITING = 5
APPEALS = 4
POSTS = 5
LAST_WORDS = 3
# Rows read per section before putting the viewer's language first (the newest of them).
WINDOW = 40


def language_first(items: list, language: str, language_of) -> list:
    """The viewer's language first, each group in the order given (newest first); stable."""
    return sorted(items, key=lambda item: 0 if (language_of(item) or "") == language else 1)


def _posts_of_kind(viewer, kind: str, language: str, limit: int) -> list[Post]:
    qs = Post.objects.with_related().filter(kind=kind, in_reply_to__isnull=True, reblog_of__isnull=True)
    qs = exclude_hidden(viewer, posts_visible_to(viewer, qs))
    rows = list(qs.order_by("-id")[:WINDOW])
    return language_first(rows, language, lambda p: p.language)[:limit]


def _not_muted(viewer, qs: QuerySet, owner_field: str) -> QuerySet:
    if not viewer.is_authenticated:
        return qs
    return qs.exclude(**{f"{owner_field}__in": hidden_account_ids(viewer)})


@dataclass
class Waiting:
    request: object
    shown: object


@dataclass
class FrontPage:
    comforter: bool = False
    waiting: list = field(default_factory=list)
    appeals: list = field(default_factory=list)
    memorial_posts: list = field(default_factory=list)
    last_words: list = field(default_factory=list)
    gratitude: list = field(default_factory=list)


def waiting_for_comfort(viewer, *, limit: int = WAITING, comforter=None) -> list[Waiting]:
    """Requests a comforter could answer now (their queue order: highest risk, then oldest); never from people they
    block, mute or are blocked by; the asker shown as the comfort app allows (a pseudonym when anonymous)."""
    if (comforter or active_comforter(viewer)) is None:
        return []
    hidden = {row["target_id"] for row in hidden_account_ids(viewer)}  # a union: its rows are named after the first
    found = [r for r in requests_waiting(viewer, limit=limit * 2) if r.asker_id not in hidden][:limit]
    return [Waiting(r, author_shown(viewer, r)) for r in found]


def open_appeals(viewer, language: str, *, limit: int = APPEALS) -> list:
    qs = appeals_visible_to(viewer).filter(status=Status.OPEN)
    qs = _not_muted(viewer, qs, "owner_id").select_related("owner", "post").order_by("-created_at", "-id")
    rows = list(qs[:WINDOW])
    return language_first(rows, language, lambda a: a.post.language if a.post_id else "")[:limit]


def last_words(language: str, *, limit: int = LAST_WORDS) -> list:
    """Listed memorials (public, published, the family chose the Hereafter) that have last words."""
    rows = list(memorial_list_directory().filter(last_words__isnull=False)[:WINDOW])
    return language_first(rows, language, lambda m: language if language in (m.languages or []) else "")[:limit]


def front_page(viewer, language: str) -> FrontPage:
    comforter = active_comforter(viewer)
    return FrontPage(
        comforter=comforter is not None,
        waiting=waiting_for_comfort(viewer, comforter=comforter) if comforter is not None else [],
        appeals=open_appeals(viewer, language),
        memorial_posts=_posts_of_kind(viewer, Kind.MEMORIAL, language, POSTS),
        last_words=last_words(language),
        gratitude=_posts_of_kind(viewer, Kind.GRATITUDE, language, POSTS),
    )

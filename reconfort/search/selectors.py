"""Search reads, always through what the viewer may see.

Posts: public ones, the viewer's own, those of accounts they follow and those that mention them, as far as they
may see them (posts.selectors.posts_visible_to: followers-only to followers, direct to the people mentioned);
never posts hidden by moderators, held by the comfort guard, or by accounts they block, mute or are blocked by.
Ranked by relevance, then newest first. An anonymous request for comfort is found by its words, never by its
author (decision 0038).
Accounts, tags: name matches (accents ignored). Memorials: only those listed in the Hereafter. Appeals: those
the viewer may see (appeals.selectors). Memorials and appeals are matched on read (decision 0037).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from reconfort.accounts.models import Follow, User
from reconfort.accounts.selectors import blocked_ids_either_way
from reconfort.appeals.models import Appeal
from reconfort.appeals.selectors import appeals_visible_to
from reconfort.hashtags.selectors import tag_search as hashtags_tag_search
from reconfort.memorials.models import Memorial
from reconfort.posts import policies
from reconfort.posts.models import Mention, Post, Visibility
from reconfort.posts.selectors import exclude_hidden, posts_in_order, posts_visible_to

from . import backends, text

# Relevance orders the newest this many matching posts (then the viewer's permissions apply).
RANK_WINDOW = 1000
MATCHED_CHARACTERS = 4000  # of a memorial's life story or an appeal's description


class SearchType:
    POSTS = "statuses"
    ACCOUNTS = "accounts"
    TAGS = "hashtags"
    MEMORIALS = "memorials"
    APPEALS = "appeals"
    ALL = (POSTS, ACCOUNTS, TAGS, MEMORIALS, APPEALS)


@dataclass(frozen=True)
class PostFilters:
    account_id: int | None = None  # only this author's posts
    following: bool = False  # only posts of accounts the viewer follows
    max_id: int | None = None  # only posts older than this id
    min_id: int | None = None  # only posts newer than this id


def _followed_ids(viewer) -> QuerySet:
    return Follow.objects.filter(follower=viewer, state=Follow.State.ACCEPTED).values("target_id")


def post_search(viewer, query: str, *, limit: int = 20, offset: int = 0, filters: PostFilters = PostFilters()):
    """The posts matching every word of the query that the viewer may find, best first then newest first.

    Relevance ranks the newest RANK_WINDOW matching posts (decision 0037): on millions of posts a common word
    stays as cheap as a rare one, and `max_id` pages further back in time."""
    bounds = backends.Bounds(max_id=filters.max_id, min_id=filters.min_id, account_id=filters.account_id)
    scored = backends.candidates(query, window=RANK_WINDOW, bounds=bounds)
    if not scored or offset >= len(scored):
        return []
    qs = Post.objects.filter(pk__in=[post_id for post_id, _ in scored], reblog_of__isnull=True)
    if viewer.is_authenticated:
        followed = _followed_ids(viewer)
        if filters.following:
            qs = qs.filter(author_id__in=followed)
        else:
            mentioned = Mention.objects.filter(post=OuterRef("pk"), account=viewer)
            qs = qs.filter(
                Q(visibility=Visibility.PUBLIC) | Q(author=viewer) | Q(author_id__in=followed) | Q(Exists(mentioned))
            )
        qs = qs.filter(Q(held=False) | Q(author=viewer))
    else:
        if filters.following:
            return []
        qs = qs.filter(visibility=Visibility.PUBLIC, held=False)
    # "Posts by this member" or "by people I follow" never finds an anonymous request (decision 0038): only its
    # author and moderators know whose it is.
    if filters.following or (filters.account_id and not policies.can_see_anonymous_author(viewer, filters.account_id)):
        qs = qs.filter(author_alias="")
    allowed = set(exclude_hidden(viewer, posts_visible_to(viewer, qs)).values_list("pk", flat=True))
    ranked = sorted(((score, post_id) for post_id, score in scored if post_id in allowed), reverse=True)
    page = [post_id for _, post_id in ranked[offset : offset + limit]]
    return posts_in_order(page)


def _folded(field: str):
    """The field lower-cased without accents, in the database (unaccent on PostgreSQL, our function on SQLite)."""
    if connection.vendor == "postgresql":
        return Func(Lower(F(field)), function="unaccent")
    return Func(F(field), function="reconfort_fold")


def account_search(viewer, query: str, *, limit: int = 20, offset: int = 0, following: bool = False) -> list[User]:
    """Active members whose username starts with, or whose name contains, the query, accents ignored.
    Accounts in a block either way are left out; muted ones stay findable (to be unmuted)."""
    raw = query.strip().lstrip("@").split("@")[0].strip()
    needle = text.fold(raw)
    if not needle:
        return []
    qs = User.objects.filter(is_active=True).annotate(folded_name=_folded("display_name"))
    qs = qs.filter(Q(username__istartswith=raw) | Q(folded_name__contains=needle))
    if viewer.is_authenticated:
        qs = qs.exclude(id__in=blocked_ids_either_way(viewer))
        if following:
            qs = qs.filter(id__in=_followed_ids(viewer))
    elif following:
        return []
    return list(qs.order_by("-followers_count", "id")[offset : offset + limit])


def tag_search(query: str, *, limit: int = 20, offset: int = 0) -> list:
    if offset:
        return []
    return hashtags_tag_search(query.strip(), limit=limit)


# --- memorials and appeals: few, matched on read ---------------------------------------------------------


@lru_cache(maxsize=5000)
def _stems_of(version: str, words: str) -> frozenset[str]:
    """Every stem of a text in both languages (its language is not always known); cached per version."""
    found = set(text.words(words))
    for config in text.CONFIGS.values():
        found.update(text.stems(words, config))
    return frozenset(found)


def _rank(terms, items, texts) -> list:
    """Items that contain every word, the most hits first (a hit in the name counts three times); among equals,
    the order they came in (newest first)."""
    scored = []
    for item, (name, rest) in zip(items, texts, strict=True):
        version = f"{type(item).__name__}:{item.pk}:{item.updated_at.isoformat()}"
        score = text.matches(terms, _stems_of(version, f"{name}\n{rest[:MATCHED_CHARACTERS]}"))
        if score:
            scored.append((score + 2 * text.matches(terms, _stems_of(version + ":name", name)), item))
    scored.sort(key=lambda pair: -pair[0])
    return [item for _, item in scored]


def memorial_search(viewer, query: str, *, limit: int = 20, offset: int = 0) -> list[Memorial]:
    """Memorials listed in the Hereafter (published, public, listed, not hidden) matching the query."""
    terms = text.query_terms(query)
    if not terms:
        return []
    qs = Memorial.objects.listed().order_by("-published_at", "-id")
    if viewer.is_authenticated:
        qs = qs.exclude(created_by_id__in=blocked_ids_either_way(viewer))
    items = list(qs[: settings.RECONFORT_SEARCH_READ_WINDOW])
    texts = [(m.full_name, f"{m.place}\n{m.life_story}") for m in items]
    return _rank(terms, items, texts)[offset : offset + limit]


def appeal_search(viewer, query: str, *, limit: int = 20, offset: int = 0) -> list[Appeal]:
    """Appeals the viewer may see matching the query, open ones as well as closed ones."""
    terms = text.query_terms(query)
    if not terms:
        return []
    qs = appeals_visible_to(viewer).select_related("owner", "post").order_by("-created_at", "-id")
    items = list(qs[: settings.RECONFORT_SEARCH_READ_WINDOW])
    texts = [(a.title, f"{a.place_name}\n{a.description}") for a in items]
    return _rank(terms, items, texts)[offset : offset + limit]

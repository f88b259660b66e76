"""Home, public and tag timelines, read in two steps: the page's ids (timelines.page_ids, one plain SQL query
that applies the list rules), then those posts by primary key with their authors (one query)."""

from __future__ import annotations

from reconfort.core.pagination import PageParams
from reconfort.core.text import normalize_tag
from reconfort.posts.models import Post
from reconfort.posts.selectors import posts_in_order

from . import page_ids
from .models import HomeFeedEntry
from .services import home_rebuild


def home_timeline(viewer, page: PageParams) -> list[Post]:
    ids = page_ids.home_page_ids(viewer, page)
    if not ids and page.max_id is None and page.min_id is None and page.since_id is None:
        # A cold feed (never built, or lost): rebuild now, so nobody sees "your feed is being prepared".
        if not HomeFeedEntry.objects.filter(owner=viewer).exists() and viewer.following_count:
            home_rebuild(viewer.pk)
            ids = page_ids.home_page_ids(viewer, page)
    return posts_in_order(ids)


def public_timeline(viewer, page: PageParams, *, only_media: bool = False) -> list[Post]:
    return posts_in_order(page_ids.public_page_ids(viewer, page, only_media=only_media))


def tag_timeline(viewer, tag_name: str, page: PageParams) -> list[Post]:
    return posts_in_order(page_ids.tag_page_ids(viewer, normalize_tag(tag_name.lstrip("#")), page))

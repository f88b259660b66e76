"""Home, public and tag timelines. Each is one query for the posts, whatever the page size."""

from __future__ import annotations

from reconfort.core.pagination import PageParams, paginate_by_id
from reconfort.core.text import normalize_tag
from reconfort.posts.models import Post, Visibility
from reconfort.posts.selectors import exclude_hidden

from .models import HomeFeedEntry
from .services import home_rebuild


def home_timeline(viewer, page: PageParams) -> list[Post]:
    qs = exclude_hidden(viewer, Post.objects.with_related().filter(home_entries__owner=viewer))
    posts = paginate_by_id(qs, page)
    if not posts and page.max_id is None and page.min_id is None and page.since_id is None:
        # A cold feed (never built, or lost): rebuild now, so nobody sees "your feed is being prepared".
        if not HomeFeedEntry.objects.filter(owner=viewer).exists() and viewer.following_count:
            home_rebuild(viewer.pk)
            posts = paginate_by_id(qs, page)
    return posts


def public_timeline(viewer, page: PageParams, *, only_media: bool = False) -> list[Post]:
    qs = Post.objects.with_related().filter(
        visibility=Visibility.PUBLIC, reblog_of__isnull=True, author__is_active=True, author__limited=False
    )
    if only_media:
        qs = qs.filter(media__isnull=False).distinct()
    return paginate_by_id(exclude_hidden(viewer, qs), page)


def tag_timeline(viewer, tag_name: str, page: PageParams) -> list[Post]:
    qs = Post.objects.with_related().filter(
        visibility=Visibility.PUBLIC,
        reblog_of__isnull=True,
        author__is_active=True,
        author__limited=False,
        tags__key=normalize_tag(tag_name.lstrip("#")),
    )
    return paginate_by_id(exclude_hidden(viewer, qs), page)

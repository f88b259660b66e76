"""Writes to the search index: one post at a time (after each post event), or all of them (rebuild)."""

from __future__ import annotations

from django.conf import settings
from django.db import connection, transaction

from reconfort.posts.models import Post

from . import text
from .models import PostDocument

REBUILD_BATCH = 2000


def _indexable(post: Post) -> bool:
    # Reshares carry no words of their own; the reshared post is indexed once.
    return post.reblog_of_id is None and bool(post.text or post.title or post.spoiler_text)


def document_for(post: Post) -> PostDocument:
    config = text.config_for(post.language, settings.RECONFORT_SEARCH_DEFAULT_LANGUAGE)
    words = " ".join(part for part in (post.title, post.spoiler_text, post.text) if part)
    body = words if connection.vendor == "postgresql" else " ".join(text.stems(words, config))
    return PostDocument(post_id=post.pk, config=config, body=body)


def document_index_post(post_id: int) -> None:
    """Index the post as it is now, or drop it from the index when it is gone or has no words (idempotent)."""
    post = Post.objects.filter(pk=post_id).only("id", "reblog_of", "language", "title", "spoiler_text", "text")
    post = post.first()
    with transaction.atomic():
        if post is None or not _indexable(post):
            PostDocument.objects.filter(post_id=post_id).delete()
            return
        doc = document_for(post)
        PostDocument.objects.update_or_create(post_id=post_id, defaults={"config": doc.config, "body": doc.body})


def document_drop_post(post_id: int) -> None:
    PostDocument.objects.filter(post_id=post_id).delete()


def index_rebuild(*, batch: int = REBUILD_BATCH, progress=None) -> int:
    """Index every post again from scratch, in batches by id; returns how many posts are indexed."""
    with transaction.atomic():
        PostDocument.objects.all().delete()
    count, last = 0, 0
    fields = ("id", "reblog_of", "language", "title", "spoiler_text", "text")
    while True:
        posts = list(Post.objects.filter(pk__gt=last, reblog_of__isnull=True).only(*fields).order_by("pk")[:batch])
        if not posts:
            return count
        docs = [document_for(p) for p in posts if _indexable(p)]
        with transaction.atomic():
            PostDocument.objects.bulk_create(docs)
        count += len(docs)
        last = posts[-1].pk
        if progress:
            progress(count)

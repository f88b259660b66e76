"""Keeps the search index in step with posts: heard after each post's transaction commits."""

from __future__ import annotations

from reconfort.core import events

from . import services


def on_post_written(post_id: int, **_) -> None:
    services.document_index_post(post_id)


def on_post_deleted(post_id: int, **_) -> None:
    services.document_drop_post(post_id)


def connect() -> None:
    events.subscribe(events.POST_CREATED, on_post_written)
    events.subscribe(events.POST_UPDATED, on_post_written)
    events.subscribe(events.POST_DELETED, on_post_deleted)

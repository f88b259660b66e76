"""The full-text index of posts: one row per indexed post.

`body` is what the database's full-text engine reads, and differs by database:
- PostgreSQL: the post's words as written; a trigger (migration 0002) fills the `document` tsvector column with
  `to_tsvector(config, unaccent(body))`, searched through a GIN index. The column is not declared here because
  SQLite has no such type.
- SQLite: the stems of the words, accents removed (reconfort.search.text.stems); an FTS5 table
  `search_postdocument_fts` (external content, unicode61 remove_diacritics 2) mirrors it through triggers.
Decision: docs/decisions/0037-full-text-search.md.
"""

from __future__ import annotations

from django.db import models

from reconfort.posts.models import Post


class PostDocument(models.Model):
    post = models.OneToOneField(Post, primary_key=True, on_delete=models.CASCADE, related_name="+")
    # PostgreSQL text search configuration: "french" or "english" (from the post's language column).
    config = models.CharField(max_length=16)
    body = models.TextField()

    def __str__(self) -> str:
        return f"Search document of post {self.post_id}"

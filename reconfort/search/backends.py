"""The one place that speaks each database's full-text dialect: PostgreSQL (tsvector, french/english
configurations, unaccent) and SQLite (FTS5 over pre-stemmed words). Both add a `search_rank` column (higher is
more relevant) to a queryset of posts and keep only the posts that match every word of the query."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from . import text


def _pg_tsquery(config: str, groups: list[list[str]]) -> tuple[str, list[str]]:
    """Every word (&&), each word in any of its spellings (||), stemmed by PostgreSQL in `config`."""
    parts, params = [], []
    for variants in groups:
        parts.append("(" + " || ".join(f"plainto_tsquery('{config}', unaccent(%s))" for _ in variants) + ")")
        params.extend(variants)
    return " && ".join(parts), params


def _postgres(queryset: QuerySet, query: str) -> QuerySet | None:
    groups = text.query_words(query)
    if not groups:
        return None
    french, french_params = _pg_tsquery("french", groups)
    english, english_params = _pg_tsquery("english", groups)
    doc = "search_postdocument.document"
    match = (
        f"((search_postdocument.config = 'french' AND {doc} @@ ({french}))"
        f" OR (search_postdocument.config = 'english' AND {doc} @@ ({english})))"
    )
    rank = f"ts_rank({doc}, CASE WHEN search_postdocument.config = 'french' THEN ({french}) ELSE ({english}) END)"
    return queryset.extra(
        select={"search_rank": rank},
        select_params=french_params + english_params,
        tables=["search_postdocument"],
        where=["search_postdocument.post_id = posts_post.id", match],
        params=french_params + english_params,
    )


def fts5_expression(query: str) -> str:
    """FTS5 query: every word, each as any of its stems (French or English, singular or plural)."""
    groups = text.query_terms(query)
    return " AND ".join("(" + " OR ".join(f'"{stem}"' for stem in sorted(group)) + ")" for group in groups)


def _sqlite(queryset: QuerySet, query: str) -> QuerySet | None:
    expression = fts5_expression(query)
    if not expression:
        return None
    return queryset.extra(
        # bm25() is lower for better matches: negated, so that higher is better as on PostgreSQL.
        select={"search_rank": "-bm25(search_postdocument_fts)"},
        tables=["search_postdocument_fts"],
        where=["search_postdocument_fts.rowid = posts_post.id", "search_postdocument_fts MATCH %s"],
        params=[expression],
    )


def match_posts(queryset: QuerySet, query: str) -> QuerySet | None:
    """The matching posts with their `search_rank`, or None when the query has no word to look for."""
    if connection.vendor == "postgresql":
        return _postgres(queryset, query)
    return _sqlite(queryset, query)


def register_sqlite_functions(sender, connection, **_) -> None:
    """SQLite has no unaccent(): `reconfort_fold(text)` lower-cases and drops accents (text.fold)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "reconfort_fold", 1, lambda value: None if value is None else text.fold(value), deterministic=True
        )

"""The one place that speaks each database's full-text dialect: PostgreSQL (tsvector, french/english
configurations, unaccent) and SQLite (FTS5 over pre-stemmed words).

Both answer the same question: the newest `window` posts matching every word of the query, each with a relevance
score (higher is better). Permissions, ordering and paging are the selector's (reconfort.search.selectors), so
they are written once. Bounding the candidates by recency keeps a very common word cheap on millions of posts:
each engine can stop after `window` matches walking ids downwards, or collect a rare word's few matches from
its index, whichever its planner finds cheaper.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from . import text


@dataclass(frozen=True)
class Bounds:
    max_id: int | None = None
    min_id: int | None = None
    account_id: int | None = None


def _pg_tsquery(config: str, groups: list[list[str]]) -> tuple[str, list[str]]:
    """Every word (&&), each word in any of its spellings (||), stemmed by PostgreSQL in `config`. The words come
    without accents already (text.fold): plainto_tsquery of a constant is folded once at planning, whereas
    unaccent() (only STABLE) would be evaluated again for every row a backward id walk looks at."""
    parts, params = [], []
    for variants in groups:
        parts.append("(" + " || ".join(f"plainto_tsquery('{config}', %s)" for _ in variants) + ")")
        params.extend(variants)
    return " && ".join(parts), params


def _bounds_sql(bounds: Bounds, id_column: str) -> tuple[str, list]:
    sql, params = "", []
    if bounds.max_id is not None:
        sql += f" AND {id_column} < %s"
        params.append(bounds.max_id)
    if bounds.min_id is not None:
        sql += f" AND {id_column} > %s"
        params.append(bounds.min_id)
    if bounds.account_id is not None:
        sql += f" AND {id_column} IN (SELECT id FROM posts_post WHERE author_id = %s)"
        params.append(bounds.account_id)
    return sql, params


def _postgres(query: str, window: int, bounds: Bounds) -> list[tuple[int, float]]:
    groups = text.query_words(query)
    if not groups:
        return []
    french, french_params = _pg_tsquery("french", groups)
    english, english_params = _pg_tsquery("english", groups)
    extra, extra_params = _bounds_sql(bounds, "d.post_id")
    sql = (
        f"SELECT d.post_id, ts_rank(d.document, CASE WHEN d.config = 'french' THEN ({french}) ELSE ({english}) END)"
        " FROM search_postdocument d"
        f" WHERE ((d.config = 'french' AND d.document @@ ({french}))"
        f" OR (d.config = 'english' AND d.document @@ ({english})))"
        f"{extra} ORDER BY d.post_id DESC LIMIT %s"
    )
    params = french_params + english_params + french_params + english_params + extra_params + [window]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(post_id, float(score)) for post_id, score in cursor.fetchall()]


def fts5_expression(query: str) -> str:
    """FTS5 query: every word, each as any of its stems (French or English, singular or plural). Only words
    reach FTS5, quoted, so nothing in the query is FTS syntax."""
    groups = text.query_terms(query)
    return " AND ".join("(" + " OR ".join(f'"{stem}"' for stem in sorted(group)) + ")" for group in groups)


def _sqlite(query: str, window: int, bounds: Bounds) -> list[tuple[int, float]]:
    expression = fts5_expression(query)
    if not expression:
        return []
    extra, extra_params = _bounds_sql(bounds, "rowid")
    # bm25() is lower for better matches: negated, so that higher is better as on PostgreSQL.
    sql = (
        "SELECT rowid, -bm25(search_postdocument_fts) FROM search_postdocument_fts"
        f" WHERE search_postdocument_fts MATCH %s{extra} ORDER BY rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, *extra_params, window])
        return [(post_id, float(score)) for post_id, score in cursor.fetchall()]


def candidates(query: str, *, window: int, bounds: Bounds = Bounds()) -> list[tuple[int, float]]:
    """(post id, relevance) of the newest `window` posts matching every word of the query."""
    if connection.vendor == "postgresql":
        return _postgres(query, window, bounds)
    return _sqlite(query, window, bounds)


def register_sqlite_functions(sender, connection, **_) -> None:
    """SQLite has no unaccent(): `reconfort_fold(text)` lower-cases and drops accents (text.fold)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "reconfort_fold", 1, lambda value: None if value is None else text.fold(value), deterministic=True
        )

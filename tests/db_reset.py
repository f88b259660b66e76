"""Resetting the database between tests that commit for real (docs/decisions/0005), cheaply.

Django's TransactionTestCase empties every table after each test with `flush`, then replays the post_migrate
signal, which recreates every content type and permission: ~90 ms per test on SQLite and ~700 ms on PostgreSQL
(where TRUNCATE of ~100 tables is the other half). Here the two tables post_migrate fills are kept (nothing in the
project writes them), and on PostgreSQL only the tables a test actually wrote to are emptied, with DELETE.
"""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connections

# Filled once by `migrate` (post_migrate) and never written by the application or the tests.
KEPT_TABLES = frozenset({"django_content_type", "auth_permission"})


def reset_database(alias: str = "default") -> None:
    connection = connections[alias]
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in KEPT_TABLES
    ]
    if connection.vendor == "postgresql":
        # DELETE rather than TRUNCATE: a test leaves a few rows, and TRUNCATE's file work costs more than deleting
        # them. Django's foreign keys on PostgreSQL are DEFERRABLE INITIALLY DEFERRED, so the order does not matter
        # inside the transaction, and every table that still holds rows is emptied.
        quote = connection.ops.quote_name
        statements = [f"DELETE FROM {quote(table)}" for table in _written_tables(connection, tables)]
    else:
        statements = connection.ops.sql_flush(no_style(), tables)
    connection.ops.execute_sql_flush(statements)


def _written_tables(connection, tables: list[str]) -> list[str]:
    """The tables holding at least one row, in one round trip (an empty table costs a page read)."""
    if not tables:
        return []
    quote = connection.ops.quote_name
    union = " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(union, tables)
        return [row[0] for row in cursor.fetchall()]

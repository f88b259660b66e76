"""The database's own full-text machinery behind PostDocument: a tsvector column, its trigger and a GIN index on
PostgreSQL (with the unaccent extension); an FTS5 table kept in step by triggers on SQLite."""

from django.db import migrations

POSTGRES_FORWARD = [
    # Needs a superuser (or a database owner on PostgreSQL 13+ where unaccent is trusted).
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TABLE search_postdocument ADD COLUMN document tsvector",
    """
    CREATE OR REPLACE FUNCTION search_postdocument_vector() RETURNS trigger AS $$
    BEGIN
        NEW.document := to_tsvector(NEW.config::regconfig, unaccent(NEW.body));
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER search_postdocument_vector BEFORE INSERT OR UPDATE OF body, config ON search_postdocument
    FOR EACH ROW EXECUTE FUNCTION search_postdocument_vector()
    """,
    "CREATE INDEX search_postdocument_document ON search_postdocument USING gin (document)",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_postdocument_vector ON search_postdocument",
    "DROP FUNCTION IF EXISTS search_postdocument_vector()",
    "ALTER TABLE search_postdocument DROP COLUMN IF EXISTS document",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_postdocument_fts USING fts5(
        body, content='search_postdocument', content_rowid='post_id', tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_postdocument_ai AFTER INSERT ON search_postdocument BEGIN
        INSERT INTO search_postdocument_fts(rowid, body) VALUES (new.post_id, new.body);
    END
    """,
    """
    CREATE TRIGGER search_postdocument_ad AFTER DELETE ON search_postdocument BEGIN
        INSERT INTO search_postdocument_fts(search_postdocument_fts, rowid, body)
        VALUES ('delete', old.post_id, old.body);
    END
    """,
    """
    CREATE TRIGGER search_postdocument_au AFTER UPDATE ON search_postdocument BEGIN
        INSERT INTO search_postdocument_fts(search_postdocument_fts, rowid, body)
        VALUES ('delete', old.post_id, old.body);
        INSERT INTO search_postdocument_fts(rowid, body) VALUES (new.post_id, new.body);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_postdocument_ai",
    "DROP TRIGGER IF EXISTS search_postdocument_ad",
    "DROP TRIGGER IF EXISTS search_postdocument_au",
    "DROP TABLE IF EXISTS search_postdocument_fts",
]


def _run(schema_editor, statements: dict) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


def forward(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD})


def backward(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_post_document")]

    operations = [migrations.RunPython(forward, backward)]

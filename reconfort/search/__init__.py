"""Full-text search in French and English: PostgreSQL and SQLite FTS5 (issue 7)."""

"""Small pieces shared by entities: ids and timestamps as Mastodon writes them."""

from __future__ import annotations

from datetime import UTC, datetime


def iso(dt: datetime | None) -> str | None:
    """`2019-12-08T03:48:33.901Z`: UTC with milliseconds, as Mastodon writes timestamps."""
    if dt is None:
        return None
    dt = dt.astimezone(UTC)
    return f"{dt:%Y-%m-%dT%H:%M:%S}.{dt.microsecond // 1000:03d}Z"


def sid(value) -> str | None:
    """Ids are strings in Mastodon's JSON."""
    return None if value is None else str(value)

"""Id-based (keyset) pagination, as Mastodon does it: max_id / since_id / min_id / limit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageParams:
    max_id: int | None = None
    since_id: int | None = None
    min_id: int | None = None
    limit: int = 20

    @classmethod
    def parse(cls, max_id=None, since_id=None, min_id=None, limit=None, *, default=20, maximum=40) -> PageParams:
        """Raises ValueError on ids or limits that are not integers."""

        def as_id(value):
            if value in (None, ""):
                return None
            return int(value)

        size = default if limit in (None, "") else int(limit)
        return cls(as_id(max_id), as_id(since_id), as_id(min_id), max(1, min(size, maximum)))


def paginate_by_id(queryset, page: PageParams, field: str = "id") -> list:
    """Newest first; with min_id, the page just after min_id (oldest first, then reversed)."""
    if page.max_id is not None:
        queryset = queryset.filter(**{f"{field}__lt": page.max_id})
    if page.since_id is not None:
        queryset = queryset.filter(**{f"{field}__gt": page.since_id})
    if page.min_id is not None:
        rows = list(queryset.filter(**{f"{field}__gt": page.min_id}).order_by(field)[: page.limit])
        rows.reverse()
        return rows
    return list(queryset.order_by(f"-{field}")[: page.limit])

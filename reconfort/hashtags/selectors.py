from __future__ import annotations

from reconfort.core.text import normalize_tag

from .models import Tag


def tag_get(name: str) -> Tag | None:
    return Tag.objects.filter(key=normalize_tag(name.lstrip("#"))).first()


def tag_search(query: str, limit: int = 10) -> list[Tag]:
    key = normalize_tag(query.lstrip("#"))
    if not key:
        return []
    return list(Tag.objects.filter(key__startswith=key).order_by("key")[:limit])

from __future__ import annotations

from django.db import IntegrityError, transaction

from reconfort.core.text import normalize_tag

from .models import Tag


def tags_get_or_create(names: list[str]) -> list[Tag]:
    """Tags for the given spellings; a new tag keeps the spelling it was first written with."""
    by_key = {normalize_tag(n): n[:100] for n in names}
    if not by_key:
        return []
    found = {t.key: t for t in Tag.objects.filter(key__in=by_key)}
    for key, name in by_key.items():
        if key not in found:
            try:
                with transaction.atomic():
                    found[key] = Tag.objects.create(key=key[:100], name=name)
            except IntegrityError:  # created concurrently
                found[key] = Tag.objects.get(key=key[:100])
    return [found[k] for k in by_key]

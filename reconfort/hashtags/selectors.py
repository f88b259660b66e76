from __future__ import annotations

from reconfort.core.text import normalize_tag

from .models import FeaturedTag, Tag, TagFollow


def tag_get(name: str) -> Tag | None:
    return Tag.objects.filter(key=normalize_tag(name.lstrip("#"))).first()


def tag_search(query: str, limit: int = 10) -> list[Tag]:
    key = normalize_tag(query.lstrip("#"))
    if not key:
        return []
    return list(Tag.objects.filter(key__startswith=key).order_by("key")[:limit])


def tag_is_followed(user, tag: Tag | None) -> bool:
    if tag is None or not user.is_authenticated:
        return False
    return TagFollow.objects.filter(user=user, tag=tag).exists()


def tag_followed_ids(user, tags: list[Tag]) -> set[int]:
    if not user.is_authenticated or not tags:
        return set()
    return set(TagFollow.objects.filter(user=user, tag__in=tags).values_list("tag_id", flat=True))


def tag_follows_of(user):
    """The member's followed tags, newest follow first (ids are the follows', for pagination)."""
    return TagFollow.objects.filter(user=user).select_related("tag")


def featured_tags_of(account) -> list[FeaturedTag]:
    return list(FeaturedTag.objects.filter(user=account).select_related("tag").order_by("tag__key"))


def tag_follower_ids(tag_ids) -> set[int]:
    return set(TagFollow.objects.filter(tag_id__in=tag_ids).values_list("user_id", flat=True))

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import NotFound, ServiceError
from reconfort.core.ratelimit import hit_account
from reconfort.core.text import normalize_tag

from .models import FeaturedTag, Tag, TagFollow

# What a hashtag may be (as in posts): letters, digits and underscores, at least one letter.
TAG_NAME_RE = re.compile(r"\w*[^\W\d]\w*", re.UNICODE)


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


def tag_name_clean(name: str) -> str:
    """The hashtag written by a member (with or without '#'), or a 422 error saying why it is not one."""
    name = unicodedata.normalize("NFC", (name or "").strip().lstrip("#"))
    if not name or len(name) > 100 or not TAG_NAME_RE.fullmatch(name):
        raise ServiceError(
            _("This is not a hashtag: use letters, digits and underscores, with at least one letter."),
            status=422,
            field="name",
            code="invalid_tag",
        )
    return name


def tag_for_name(name: str) -> Tag:
    """The tag with this name, created (with this spelling) when nobody used it yet."""
    return tags_get_or_create([tag_name_clean(name)])[0]


@transaction.atomic
def tag_follow(user, name: str) -> Tag:
    """Follow a hashtag (safe to repeat): its public posts come into the member's home timeline."""
    tag = tag_for_name(name)
    if not TagFollow.objects.filter(user=user, tag=tag).exists():
        hit_account("follow", user)
        TagFollow.objects.get_or_create(user=user, tag=tag)
    return tag


@transaction.atomic
def tag_unfollow(user, name: str) -> Tag:
    tag = tag_for_name(name)
    TagFollow.objects.filter(user=user, tag=tag).delete()
    return tag


@transaction.atomic
def featured_tag_add(user, name: str) -> FeaturedTag:
    """Feature a hashtag on one's profile (safe to repeat); at most RECONFORT_FEATURED_TAGS_MAX."""
    tag = tag_for_name(name)
    existing = FeaturedTag.objects.filter(user=user, tag=tag).first()
    if existing:
        return existing
    limit = settings.RECONFORT_FEATURED_TAGS_MAX
    if FeaturedTag.objects.select_for_update().filter(user=user).count() >= limit:
        raise ServiceError(
            _("You can feature at most %(limit)d hashtags. Remove one first.") % {"limit": limit},
            status=422,
            field="name",
            code="too_many",
        )
    return FeaturedTag.objects.create(user=user, tag=tag)


@transaction.atomic
def featured_tag_remove(user, featured_id: int) -> None:
    deleted, _rows = FeaturedTag.objects.filter(user=user, pk=featured_id).delete()
    if not deleted:
        raise NotFound(_("This featured hashtag does not exist."))

"""Tag (docs.joinmastodon.org/entities/Tag)."""

from __future__ import annotations

from ninja import Schema

from reconfort.hashtags.models import Tag as TagModel

from .. import links


class TagHistory(Schema):
    day: str
    uses: str
    accounts: str


class Tag(Schema):
    id: str | None = None
    name: str
    url: str
    history: list[TagHistory]
    following: bool | None = None


def render_tag(tag: TagModel) -> dict:
    return {"id": str(tag.pk), "name": tag.name, "url": links.tag_url(tag.name), "history": [], "following": False}

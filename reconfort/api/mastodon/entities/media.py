"""MediaAttachment (docs.joinmastodon.org/entities/MediaAttachment). Images only."""

from __future__ import annotations

from ninja import Schema

from reconfort.posts.models import MediaAttachment

from .. import links


class MediaSize(Schema):
    width: int
    height: int
    size: str
    aspect: float


class MediaMeta(Schema):
    original: MediaSize | None = None
    small: MediaSize | None = None


class Attachment(Schema):
    id: str
    type: str
    url: str
    preview_url: str | None
    remote_url: str | None
    meta: MediaMeta
    description: str | None
    blurhash: str | None


def _size(width: int, height: int) -> dict:
    return {"width": width, "height": height, "size": f"{width}x{height}", "aspect": (width / height) if height else 1}


def render_media(media: MediaAttachment) -> dict:
    url = links.media_url(media.file.name)
    return {
        "id": str(media.pk),
        "type": "image",
        "url": url,
        "preview_url": url,
        "remote_url": None,
        "meta": {"original": _size(media.width, media.height), "small": _size(media.width, media.height)},
        "description": media.description or None,
        "blurhash": None,
    }

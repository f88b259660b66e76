"""Instance, v1 and v2 (docs.joinmastodon.org/entities/V1_Instance, /Instance).

The version string says "compatible" with the Mastodon API level we follow, so clients enable its features.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.utils.translation import get_language
from ninja import Schema

from reconfort.accounts.services import RegistrationMode, registration_mode
from reconfort.posts.services import MAX_MEDIA

from .. import links

try:
    reconfort_version = version("reconfort")
except PackageNotFoundError:  # running from a source tree that was not installed
    reconfort_version = "0.1.0"
MASTODON_API_LEVEL = "4.3.0"
VERSION = f"{MASTODON_API_LEVEL} (compatible; Réconfort {reconfort_version})"
SUPPORTED_MIME_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"]
IMAGE_SIZE_LIMIT = 8 * 1024 * 1024


class InstanceV1(Schema):
    uri: str
    title: str
    short_description: str
    description: str
    email: str
    version: str
    urls: dict
    stats: dict
    thumbnail: str | None
    languages: list[str]
    registrations: bool
    approval_required: bool
    invites_enabled: bool
    configuration: dict
    contact_account: dict | None
    rules: list[dict]


class InstanceV2(Schema):
    domain: str
    title: str
    version: str
    source_url: str
    description: str
    usage: dict
    thumbnail: dict
    languages: list[str]
    configuration: dict
    registrations: dict
    api_versions: dict
    contact: dict
    rules: list[dict]


def _configuration() -> dict:
    return {
        "urls": {"streaming": None},
        "vapid": {"public_key": ""},
        "accounts": {"max_featured_tags": 0, "max_pinned_statuses": 0},
        "statuses": {
            "max_characters": settings.RECONFORT_POST_MAX_CHARS,
            "max_media_attachments": MAX_MEDIA,
            "characters_reserved_per_url": 23,
        },
        "media_attachments": {
            "supported_mime_types": SUPPORTED_MIME_TYPES,
            "image_size_limit": IMAGE_SIZE_LIMIT,
            "image_matrix_limit": 40_000_000,
            "video_size_limit": 0,
            "video_frame_rate_limit": 0,
            "video_matrix_limit": 0,
        },
        "polls": {"max_options": 0, "max_characters_per_option": 0, "min_expiration": 0, "max_expiration": 0},
        "translation": {"enabled": False},
        "reactions": {"max_reactions": 5},
    }


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _description() -> str:
    return "Réconfort — comfort between strangers, memorials, grief. / Du réconfort entre inconnus, des mémoriaux."


def render_rules(rules) -> list[dict]:
    """Mastodon Rule entities, in the reader's language."""
    french = (get_language() or "").startswith("fr")
    return [{"id": str(rule.pk), "text": rule.text_fr if french else rule.text_en, "hint": ""} for rule in rules]


def render_instance_v1(*, user_count: int, status_count: int, rules) -> dict:
    mode = registration_mode()
    return {
        "uri": settings.RECONFORT_DOMAIN,
        "title": settings.RECONFORT_INSTANCE_NAME,
        "short_description": _description(),
        "description": _description(),
        "email": settings.RECONFORT_CONTACT_EMAIL,
        "version": VERSION,
        "urls": {"streaming_api": None},
        "stats": {"user_count": user_count, "status_count": status_count, "domain_count": 0},
        "thumbnail": None,
        "languages": _languages(),
        "registrations": mode != RegistrationMode.CLOSED,
        "approval_required": mode == RegistrationMode.APPROVAL,
        "invites_enabled": False,
        "configuration": _configuration(),
        "contact_account": None,
        "rules": render_rules(rules),
    }


def render_instance_v2(*, active_month: int, rules) -> dict:
    mode = registration_mode()
    return {
        "domain": settings.RECONFORT_DOMAIN,
        "title": settings.RECONFORT_INSTANCE_NAME,
        "version": VERSION,
        "source_url": links.base_url() + "/",
        "description": _description(),
        "usage": {"users": {"active_month": active_month}},
        "thumbnail": {"url": links.missing_avatar_url()},
        "languages": _languages(),
        "configuration": _configuration(),
        "registrations": {
            "enabled": mode != RegistrationMode.CLOSED,
            "approval_required": mode == RegistrationMode.APPROVAL,
            "message": None,
        },
        "api_versions": {"mastodon": 2},
        "contact": {"email": settings.RECONFORT_CONTACT_EMAIL, "account": None},
        "rules": render_rules(rules),
    }

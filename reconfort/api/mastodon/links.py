"""Absolute URLs in entities, built from the configured public domain (as Mastodon's LOCAL_DOMAIN)."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

from django.conf import settings
from django.templatetags.static import static

from reconfort.accounts.urls_helpers import profile_path
from reconfort.core.text import tag_path


def base_url() -> str:
    scheme = "https" if settings.RECONFORT_HTTPS else "http"
    return f"{scheme}://{settings.RECONFORT_DOMAIN}"


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


def profile_url(username: str) -> str:
    return base_url() + profile_path(username)


def status_url(username: str, post_id: int) -> str:
    return f"{base_url()}{profile_path(username)}/{post_id}"


def tag_url(name: str) -> str:
    return base_url() + tag_path(name)


def media_url(name: str) -> str:
    return base_url() + settings.MEDIA_URL + quote(name)


@cache
def _missing_avatar_path() -> str:
    return static("api/missing.png")


def missing_avatar_url() -> str:
    return absolute(_missing_avatar_path())

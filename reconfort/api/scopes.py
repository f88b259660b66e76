"""OAuth scopes as Mastodon defines them: read/write/follow/push, the granular read:x / write:x, and profile.

A granted scope covers a required one when it is the same, its top level ("read" covers "read:statuses"), or
the legacy "follow" scope, which Mastodon lets stand for reading and writing follows, blocks and mutes.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from oauth2_provider.scopes import BaseScopes

GRANULAR = {
    "read": ["accounts", "blocks", "bookmarks", "favourites", "filters", "follows", "lists", "mutes",
             "notifications", "search", "statuses"],
    "write": ["accounts", "blocks", "bookmarks", "conversations", "favourites", "filters", "follows", "lists",
              "media", "mutes", "notifications", "reports", "statuses"],
}  # fmt: skip
FOLLOW_IMPLIES = {"read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"}

DESCRIPTIONS = {
    "read": _("read everything in your account"),
    "write": _("post and change things in your account"),
    "follow": _("follow, block and mute accounts for you"),
    "push": _("receive push notifications"),
    "profile": _("read only your profile"),
}

ALL_SCOPES: dict[str, str] = dict(DESCRIPTIONS)
for _level, _names in GRANULAR.items():
    for _name in _names:
        ALL_SCOPES[f"{_level}:{_name}"] = f"{DESCRIPTIONS[_level]} ({_name})"


def parse_scopes(value: str | list | None) -> list[str]:
    if isinstance(value, list | tuple):
        value = " ".join(str(v) for v in value)
    return [s for s in (value or "").replace("+", " ").split() if s]


def covers(granted: list[str] | set[str], required: str) -> bool:
    """Whether the granted scopes allow an action that needs `required`."""
    granted = set(granted)
    if required in granted:
        return True
    if ":" in required and required.split(":", 1)[0] in granted:
        return True
    if required == "profile" and ({"read", "read:accounts"} & granted):
        return True
    return "follow" in granted and required in FOLLOW_IMPLIES


def all_known(scopes: list[str]) -> bool:
    return all(s in ALL_SCOPES for s in scopes)


class MastodonScopes(BaseScopes):
    """django-oauth-toolkit scopes backend: every Mastodon scope, limited to what the app registered."""

    def get_all_scopes(self):
        return ALL_SCOPES

    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        if application is None:
            return list(ALL_SCOPES)
        registered = parse_scopes(application.scopes) or ["read"]
        return [s for s in ALL_SCOPES if covers(registered, s)]

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        if application is None:
            return ["read"]
        return parse_scopes(application.scopes) or ["read"]

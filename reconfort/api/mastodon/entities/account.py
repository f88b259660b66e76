"""Account (docs.joinmastodon.org/entities/Account), with `source` and `role` for the member's own account."""

from __future__ import annotations

from ninja import Schema

from reconfort.accounts.models import User
from reconfort.memorials.selectors import memorialised_ids_cached
from reconfort.posts.authors import ShownAuthor, alias_handle

from .. import links
from .common import iso


class Field(Schema):
    name: str
    value: str
    verified_at: str | None = None


class AccountSource(Schema):
    privacy: str
    sensitive: bool
    language: str
    note: str
    fields: list[Field]
    follow_requests_count: int


class Role(Schema):
    id: str
    name: str
    color: str
    permissions: str
    highlighted: bool


class Account(Schema):
    id: str
    username: str
    acct: str
    display_name: str
    locked: bool
    bot: bool
    discoverable: bool | None
    indexable: bool
    group: bool
    noindex: bool | None
    hide_collections: bool | None
    created_at: str
    note: str
    url: str
    uri: str
    avatar: str
    avatar_static: str
    header: str
    header_static: str
    followers_count: int
    following_count: int
    statuses_count: int
    last_status_at: str | None
    emojis: list[dict]
    fields: list[Field]
    memorial: bool | None = None  # present (true) only for a memorialised account, as Mastodon does


class CredentialAccount(Account):
    source: AccountSource
    role: Role | None = None


def _avatar(user: User) -> str:
    return links.media_url(user.avatar.name) if user.avatar else links.missing_avatar_url()


def render_account(user: User) -> dict:
    avatar = _avatar(user)
    url = links.profile_url(user.username)
    data = {
        "id": str(user.pk),
        "username": user.username,
        "acct": user.username,
        "display_name": user.display_name,
        "locked": user.locked,
        "bot": False,
        "discoverable": user.discoverable,
        "indexable": user.discoverable,
        "group": False,
        "noindex": not user.discoverable,
        "hide_collections": False,
        "created_at": iso(user.date_joined),
        "note": user.bio_html,
        "url": url,
        "uri": url,
        "avatar": avatar,
        "avatar_static": avatar,
        "header": links.missing_avatar_url(),
        "header_static": links.missing_avatar_url(),
        "followers_count": user.followers_count,
        "following_count": user.following_count,
        "statuses_count": user.statuses_count,
        "last_status_at": user.last_status_at.date().isoformat() if user.last_status_at else None,
        "emojis": [],
        "fields": [],
    }
    if user.pk in memorialised_ids_cached():
        data["memorial"] = True
    return data


def render_alias_account(alias: str, alias_id: str, *, created_at, page_url: str) -> dict:
    """The pseudonym of an anonymous request for comfort as an Account (decision 0038): an opaque id that is not a
    number (GET /api/v1/accounts/anon-… is 404), no picture, no profile, no counts that could be compared."""
    handle = alias_handle(alias)
    avatar = links.missing_avatar_url()
    return {
        "id": alias_id,
        "username": handle,
        "acct": handle,
        "display_name": alias,
        "locked": True,
        "bot": False,
        "discoverable": False,
        "indexable": False,
        "group": False,
        "noindex": True,
        "hide_collections": True,
        "created_at": iso(created_at),
        "note": "",
        "url": page_url,
        "uri": page_url,
        "avatar": avatar,
        "avatar_static": avatar,
        "header": avatar,
        "header_static": avatar,
        "followers_count": 0,
        "following_count": 0,
        "statuses_count": 0,
        "last_status_at": None,
        "emojis": [],
        "fields": [],
    }


def render_shown_account(shown: ShownAuthor) -> dict:
    """The account as the viewer may see it: the member, or the pseudonym (posts.authors decides)."""
    if shown.hidden:
        thread = shown.thread
        page_url = links.absolute(f"/posts/{thread.root_id}")
        return render_alias_account(thread.alias, thread.alias_id, created_at=thread.created_at, page_url=page_url)
    return render_account(shown.account)


def render_credential_account(user: User, *, follow_requests_count: int) -> dict:
    data = render_account(user)
    data["source"] = {
        "privacy": "public",
        "sensitive": False,
        "language": user.language,
        "note": user.bio,
        "fields": [],
        "follow_requests_count": follow_requests_count,
    }
    data["role"] = {
        "id": {"member": "-99", "moderator": "2", "admin": "3"}.get(user.role, "-99"),
        "name": user.role if user.role != "member" else "",
        "color": "",
        "permissions": "0",
        "highlighted": user.role != "member",
    }
    return data

"""Application and Token (docs.joinmastodon.org/entities/Application, /Token)."""

from __future__ import annotations

from ninja import Schema


class Application(Schema):
    id: str
    name: str
    website: str | None
    scopes: list[str]
    redirect_uri: str
    redirect_uris: list[str]
    vapid_key: str


class CredentialApplication(Application):
    client_id: str
    client_secret: str
    client_secret_expires_at: int


class Token(Schema):
    access_token: str
    token_type: str
    scope: str
    created_at: int


def render_application(app, *, client_secret: str | None = None) -> dict:
    uris = app.redirect_uris.split()
    data = {
        "id": str(app.pk),
        "name": app.name,
        "website": app.website or None,
        "scopes": app.scopes.split(),
        "redirect_uri": "\n".join(uris),
        "redirect_uris": uris,
        "vapid_key": "",
    }
    if client_secret is not None:
        data.update(client_id=app.client_id, client_secret=client_secret, client_secret_expires_at=0)
    return data


def render_token(token, raw: str) -> dict:
    """`raw` is the token's value (it may not be stored in clear: django-oauth-toolkit can keep only a hash)."""
    return {
        "access_token": raw,
        "token_type": "Bearer",
        "scope": token.scope,
        "created_at": int(token.created.timestamp()),
    }

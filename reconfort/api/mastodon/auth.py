"""Bearer-token authentication for the API: one query, scopes checked per endpoint."""

from __future__ import annotations

import hashlib
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from ninja.security import HttpBearer
from oauth2_provider.models import get_access_token_model

from reconfort.api.scopes import covers, parse_scopes
from reconfort.core.errors import Forbidden, ServiceError

AccessToken = get_access_token_model()
User = get_user_model()


class Unauthorized(ServiceError):
    status = 401


def token_lookup(raw: str):
    """The valid token with its user, or None. Exactly one query, and a plain one: every API request asks it, and
    compiling the ORM's select_related form of it cost more than a millisecond (decision 0039). The token comes back
    with its id, user, application id and scope loaded; its application is read only when asked for."""
    checksum = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = list(User.objects.raw(_token_sql(), [checksum, now]))
    if not rows:
        return None
    row = rows[0]
    token = AccessToken.from_db(
        connection.alias,
        ["id", "user_id", "application_id", "scope"],
        [row.token_id, row.token_user_id, row.token_application_id, row.token_scope],
    )
    if token.user_id is not None:
        token.user = row  # the member, from the same row
    return token


@cache
def _token_sql() -> str:
    # The user's columns first (User.objects.raw builds the member from them), then the token's own.
    return (
        "SELECT u.*, t.id AS token_id, t.user_id AS token_user_id, t.application_id AS token_application_id, "
        f"t.scope AS token_scope FROM {AccessToken._meta.db_table} t "
        f"LEFT JOIN {User._meta.db_table} u ON u.id = t.user_id "
        "WHERE t.token_checksum = %s AND t.expires > %s"
    )


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` from django-oauth-toolkit.

    scope: what the endpoint needs (e.g. "read:statuses"); user: whether an app-only token is refused;
    optional: whether anonymous requests are let through (an invalid token is refused all the same).
    Sets request.auth to the member (AnonymousUser for anonymous or app tokens) and request.oauth_token.
    """

    def __init__(self, scope: str | None = None, *, user: bool = True, optional: bool = False):
        super().__init__()
        self.scope = scope
        self.require_user = user
        self.optional = optional

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if not header:
            if self.optional:
                request.oauth_token = None
                return AnonymousUser()
            raise Unauthorized(_("The access token is missing."))
        scheme, _sep, raw = header.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise Unauthorized(_("The access token is invalid."))
        return self.authenticate(request, raw.strip())

    def authenticate(self, request, token):
        found = token_lookup(token)
        if found is None or (found.user_id is not None and not found.user.is_active):
            raise Unauthorized(_("The access token is invalid."))
        if self.scope and not covers(parse_scopes(found.scope), self.scope):
            raise Forbidden(_("This action is outside the scopes granted to the application."), code="scope")
        request.oauth_token = found
        if found.user_id is None:
            if self.require_user and not self.optional:
                raise ServiceError(_("This method requires an authenticated user."), code="user_required")
            return AnonymousUser()
        user = found.user
        if user.language:
            # Error messages in the member's language, as on the pages.
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return user


def member(scope: str | None = None) -> TokenAuth:
    """A member's token with `scope`."""
    return TokenAuth(scope)


def anyone(scope: str | None = None) -> TokenAuth:
    """Anonymous allowed; a token, when given, must be valid and carry `scope`."""
    return TokenAuth(scope, optional=True)


def app_or_member(scope: str | None = None) -> TokenAuth:
    """An app token (client credentials) or a member's token."""
    return TokenAuth(scope, user=False)

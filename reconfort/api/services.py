"""Writes of the API app itself: OAuth applications registered by clients, tokens issued at sign-up."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import get_access_token_model, set_token_value
from oauth2_provider.settings import oauth2_settings
from oauthlib.common import generate_token

from reconfort.core.errors import ServiceError

from . import scopes as scope_rules
from .models import Application

OOB = "urn:ietf:wg:oauth:2.0:oob"
ALLOWED_SCHEMES_BLOCKED = {"javascript", "data", "file", "vbscript"}


def _clean_redirect_uris(value: str) -> list[str]:
    uris = [u.strip() for u in (value or "").replace("\r", "\n").split() if u.strip()]
    if not uris:
        raise ServiceError(_("A redirect URI is required."), field="redirect_uris")
    for uri in uris:
        if uri == OOB:
            continue
        parsed = urlparse(uri)
        if not parsed.scheme or parsed.scheme.lower() in ALLOWED_SCHEMES_BLOCKED or "#" in uri or len(uri) > 2000:
            raise ServiceError(_("Invalid redirect URI: %(uri)s") % {"uri": uri[:100]}, field="redirect_uris")
        if parsed.scheme in ("http", "https") and not parsed.netloc:
            raise ServiceError(_("Invalid redirect URI: %(uri)s") % {"uri": uri[:100]}, field="redirect_uris")
    return uris


def application_create(*, name: str, redirect_uris: str, scopes: str = "read", website: str = "") -> tuple:
    """Register a client as POST /api/v1/apps does. Returns (application, client secret in clear)."""
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("The application needs a name."), field="client_name")
    if len(name) > 255:
        raise ServiceError(_("The application name has 255 characters at most."), field="client_name")
    uris = _clean_redirect_uris(redirect_uris)
    wanted = scope_rules.parse_scopes(scopes) or ["read"]
    if not scope_rules.all_known(wanted):
        raise ServiceError(_("Unknown scope requested."), field="scopes", code="invalid_scope")
    website = (website or "").strip()
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError as exc:
            raise ServiceError(_("The website must be a web address."), field="website") from exc
    secret = generate_client_secret()
    app = Application(
        name=name,
        redirect_uris=" ".join(uris),
        scopes=" ".join(dict.fromkeys(wanted)),
        website=website[:200],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        client_secret=secret,
    )
    app.save()
    return app, secret


def token_issue(application, user, scope: str) -> tuple:
    """An access token for `user`, as Mastodon gives after a sign-up from a client. Returns (token, raw)."""
    AccessToken = get_access_token_model()
    raw = generate_token()
    token = AccessToken(
        user=user,
        application=application,
        scope=scope,
        expires=timezone.now() + timedelta(seconds=oauth2_settings.ACCESS_TOKEN_EXPIRE_SECONDS),
    )
    set_token_value(token, raw)
    token.save()
    return token, raw

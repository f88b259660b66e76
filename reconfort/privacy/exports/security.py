"""security.json: the member's sessions, the apps they authorised or registered, and their two-factor setting.

Names and dates only, never a secret: no session key, token, client secret, authenticator key or recovery code.
"""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from oauth2_provider.models import get_access_token_model, get_application_model, get_refresh_token_model

from reconfort.accounts.models import SignedInSession

from .common import at


def _sessions(user) -> list[dict]:
    rows = SignedInSession.objects.filter(user=user).order_by("id")
    open_keys = set(
        Session.objects.filter(session_key__in=rows.values("session_key")).values_list("session_key", flat=True)
    )
    return [
        {
            "signed_in_at": at(s.created_at),
            "browser": s.user_agent,
            "address": s.ip_address,
            "still_signed_in": s.session_key in open_keys,
        }
        for s in rows
    ]


def _app_name(token) -> str | None:
    return token.application.name if token.application_id else None


def _authorised_apps(user) -> dict:
    access = get_access_token_model().objects.filter(user=user).select_related("application").order_by("id")
    refresh = get_refresh_token_model().objects.filter(user=user).select_related("application").order_by("id")
    return {
        "access_tokens": [
            {"app": _app_name(t), "scopes": t.scope, "created_at": at(t.created), "expires_at": at(t.expires)}
            for t in access
        ],
        "refresh_tokens": [
            {"app": _app_name(t), "created_at": at(t.created), "revoked_at": at(t.revoked)} for t in refresh
        ],
    }


def _apps_registered(user) -> list[dict]:
    apps = get_application_model().objects.filter(user=user).order_by("id")
    return [
        {
            "name": app.name,
            "website": getattr(app, "website", ""),
            "redirect_uris": app.redirect_uris.split(),
            "scopes": getattr(app, "scopes", ""),
            "created_at": at(app.created),
        }
        for app in apps
    ]


def _two_factor(user) -> dict:
    totp = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()
    recovery = StaticDevice.objects.filter(user=user, confirmed=True)
    return {
        "enabled": user.two_factor_enabled,
        "authenticator_added_at": at(totp.created_at) if totp else None,
        "authenticator_last_used_at": at(totp.last_used_at) if totp else None,
        "recovery_codes_left": StaticToken.objects.filter(device__in=recovery).count(),
    }


def security_data(user) -> dict:
    return {
        "sessions": _sessions(user),
        "authorised_apps": _authorised_apps(user),
        "apps_registered": _apps_registered(user),
        "two_factor": _two_factor(user),
    }

"""/oauth/authorize (login + consent page, out-of-band codes), /oauth/token and /oauth/revoke (form or JSON
bodies, as Mastodon accepts), and the RFC 8414 metadata document."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider import views as dot

from reconfort.api.scopes import ALL_SCOPES
from reconfort.api.services import OOB


class AuthorizeView(dot.AuthorizationView):
    """The consent page. Members who are not signed in are sent to the site's login page first."""

    template_name = "api/authorize.html"

    def redirect(self, redirect_to, application):
        # Out-of-band clients (urn:ietf:wg:oauth:2.0:oob) show the code to the member to copy.
        if redirect_to.startswith(OOB):
            query = parse_qs(urlparse(redirect_to).query)
            context = {
                "application": application,
                "code": (query.get("code") or [""])[0],
                "error": (query.get("error") or [""])[0],
                "error_description": (query.get("error_description") or [""])[0],
            }
            return render(self.request, "api/authorize_oob.html", context)
        return super().redirect(redirect_to, application)


def _json_body_as_form(request) -> None:
    """Doorkeeper (Mastodon) accepts JSON on /oauth/token and /oauth/revoke; django-oauth-toolkit reads forms."""
    if (request.content_type or "").lower() != "application/json":
        return
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        data = None
    form = QueryDict(mutable=True)
    if isinstance(data, dict):
        for key, value in data.items():
            form[key] = " ".join(map(str, value)) if isinstance(value, list) else str(value)
    request._post = form


@method_decorator(csrf_exempt, name="dispatch")
class TokenView(dot.TokenView):
    def post(self, request, *args, **kwargs):
        _json_body_as_form(request)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("application/json"):
            # Mastodon's Token entity also carries created_at.
            data = json.loads(response.content)
            data.setdefault("created_at", int(timezone.now().timestamp()))
            response.content = json.dumps(data)
        return response


@method_decorator(csrf_exempt, name="dispatch")
class RevokeView(dot.RevokeTokenView):
    def post(self, request, *args, **kwargs):
        _json_body_as_form(request)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:
            return JsonResponse({})
        return response


@never_cache
def server_metadata(request):
    """RFC 8414, with Mastodon's extra `app_registration_endpoint`."""

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(name))

    grants = ["authorization_code", "client_credentials", "refresh_token"]
    if settings.RECONFORT_OAUTH_PASSWORD_GRANT:
        grants.append("password")
    return JsonResponse(
        {
            "issuer": request.build_absolute_uri("/"),
            "service_documentation": request.build_absolute_uri(reverse("api:openapi-view")),
            "authorization_endpoint": url("oauth:authorize"),
            "token_endpoint": url("oauth:token"),
            "revocation_endpoint": url("oauth:revoke"),
            "app_registration_endpoint": request.build_absolute_uri("/api/v1/apps"),
            "scopes_supported": list(ALL_SCOPES),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": grants,
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        }
    )

"""Mastodon-compatible API (/api/), OAuth (/oauth/) and the OAuth server metadata document."""

from functools import wraps

from django.urls import Resolver404, include, path, re_path, resolve
from django.utils.translation import gettext as _

from .mastodon.api import api
from .mastodon.errors import error_response
from .mastodon.parsing import has_nul
from .oauth import views as oauth

oauth_patterns = (
    [
        path("authorize", oauth.AuthorizeView.as_view(), name="authorize"),
        path("authorize/", oauth.AuthorizeView.as_view()),
        path("token", oauth.TokenView.as_view(), name="token"),
        path("revoke", oauth.RevokeView.as_view(), name="revoke"),
    ],
    "oauth",
)


def api_not_found(request, *args, **kwargs):
    return error_response(_("Record not found."), 404)


def api_trailing_slash(request, rest):
    """Mastodon answers /api/v1/instance/ like /api/v1/instance (Mastodon.py asks for both); so do we."""
    try:
        match = resolve(f"/api/{rest}")
    except Resolver404:
        return api_not_found(request)
    if match.func is api_trailing_slash or match.func is api_not_found:
        return api_not_found(request)
    return match.func(request, *match.args, **match.kwargs)


def _api_view(view):
    """Around every API view: NUL characters in the path or query are refused (no database stores them), and
    ninja's bare 405 for a wrong method becomes a JSON error like every other."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if "\x00" in request.path or has_nul(dict(request.GET.lists())):
            return error_response(_("The request contains characters that are not allowed."), 400)
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            allowed = response.get("Allow", "")
            response = error_response(_("This method is not allowed here."), 405)
            response["Allow"] = allowed
        return response

    return wrapped


def _api_patterns():
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if hasattr(pattern, "callback") and pattern.callback is not None:
            pattern.callback = _api_view(pattern.callback)
    return (patterns, app_name), namespace


api_patterns, api_namespace = _api_patterns()

urlpatterns = [
    path("api/", include(api_patterns, namespace=api_namespace)),
    re_path(r"^api/(?P<rest>.+)/$", api_trailing_slash),
    re_path(r"^api/", api_not_found),
    path("oauth/", include(oauth_patterns)),
    path(".well-known/oauth-authorization-server", oauth.server_metadata, name="oauth-metadata"),
]

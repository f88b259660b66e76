"""Login throttling with django-axes: after repeated failures for one username from one address, sign-in is
refused for a while, with a kind message (and JSON on the OAuth and API paths)."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


class LockoutBackend(AxesStandaloneBackend):
    """Axes needs the request to know the address. Every sign-in door of ours passes it; a call without one
    (Django's test client `login()`) is left to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def username_of(request, credentials):
    """Usernames are case-insensitive: count MARIE and marie as one."""
    username = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD) or request.POST.get("username", "")
    return (username or "").strip().lower()


def locked_out(request, credentials, *args, **kwargs):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many attempts to sign in to this account. For your safety, please wait %(minutes)s minutes before "
        "trying again, or reset your password."
    ) % {"minutes": minutes}
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if request.path.startswith(("/oauth/", "/api/")):
        response = JsonResponse({"error": message}, status=429)
    else:
        # Rendered here: a response made by middleware does not go through the template-response phase.
        response = TemplateResponse(request, "accounts/locked_out.html", {"message": message}, status=429).render()
    response["Retry-After"] = retry_after
    return response

"""Ask for the second factor before anything else, once a member has turned it on."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect

from .two_factor import has_two_factor, is_verified, staff_must_use_two_factor

# Paths that must work before the second factor: the code pages themselves, signing out, files, the API (tokens
# are only issued through the consent page, which is behind the second factor).
EXEMPT = (
    "/accounts/two-factor/",
    "/accounts/logout/",
    "/static/",
    "/media/",
    "/i18n/",
    "/api/",
    "/oauth/token",
    "/oauth/revoke",
    "/.well-known/",
)
STAFF_ONLY = ("/moderation/", "/admin/")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not request.path.startswith(EXEMPT):
            if has_two_factor(user) and not is_verified(user):
                return redirect("/accounts/two-factor/verify/?" + urlencode({"next": request.get_full_path()}))
            if request.path.startswith(STAFF_ONLY) and staff_must_use_two_factor(user) and not has_two_factor(user):
                return redirect("/accounts/two-factor/setup/?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)

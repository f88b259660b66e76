"""Request-wide concerns: body size limit, the member's language and time zone."""

from __future__ import annotations

import re
import zoneinfo

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

# Paths that receive big uploads and carry their own, larger limit: a memorial's archive import (another
# platform's export of someone's posts easily weighs hundreds of megabytes). The import checks the size again.
LARGE_UPLOAD_PATHS = re.compile(r"^/(?:api/v1/)?memorials/[^/]+/imports/?$")


def body_limit_for(path: str) -> int:
    if LARGE_UPLOAD_PATHS.match(path):
        return max(settings.RECONFORT_IMPORT_MAX_BYTES, settings.RECONFORT_MAX_BODY_BYTES)
    return settings.RECONFORT_MAX_BODY_BYTES


class BodySizeLimitMiddleware:
    """Refuse oversized bodies with 413 before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > body_limit_for(request.path):
            # This runs before the language is chosen for the request: ask the request, not the thread.
            with translation.override(translation.get_language_from_request(request)):
                message = _("The request is too large.")
            if request.path.startswith(("/api/", "/oauth/")):
                return JsonResponse({"error": message}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class NulCharacterMiddleware:
    """Refuse NUL characters in the path, query or form body with 400: PostgreSQL cannot store them and would
    otherwise answer with a server error deep inside a service."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return self._refuse(request)
        content_type = request.META.get("CONTENT_TYPE", "")
        if (
            request.method in ("POST", "PUT", "PATCH")
            and content_type.startswith("application/x-www-form-urlencoded")
            and (b"%00" in request.body or b"\x00" in request.body)
        ):
            return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _refuse(request):
        message = _("The request contains a character that is not allowed.")
        if request.path.startswith(("/api/", "/oauth/")):
            return JsonResponse({"error": message}, status=400)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


class PreferredLanguageMiddleware:
    """Language: the member's profile, else the language cookie, else Accept-Language, else the default.

    Placed after AuthenticationMiddleware (unlike Django's LocaleMiddleware) so the profile can win.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        supported = {code for code, _name in settings.LANGUAGES}
        language = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "language", "") in supported:
            language = user.language
        if language is None:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class UserTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        tz_name = getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""
        if tz_name:
            try:
                timezone.activate(zoneinfo.ZoneInfo(tz_name))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)

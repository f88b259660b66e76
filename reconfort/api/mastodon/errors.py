"""Every API error is `{"error": "<translated message>"}` with the right status (as Mastodon does)."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from reconfort.core.errors import ServiceError

from .parsing import MalformedBody

logger = logging.getLogger(__name__)


def error_response(message, status: int, **extra) -> JsonResponse:
    return JsonResponse({"error": str(message), **extra}, status=status, json_dumps_params={"ensure_ascii": False})


def _service_error(request, exc: ServiceError):
    extra = {"field": exc.field} if exc.field else {}
    response = error_response(exc.message, exc.status, **extra)
    retry_after = getattr(exc, "retry_after", None)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _validation_error(request, exc: ValidationError):
    """ninja's pydantic errors: name the first bad field, as a sentence."""
    first = exc.errors[0] if exc.errors else {}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "form", "file", "payload")]
    field = ".".join(loc)
    if field:
        message = _("Invalid value for “%(field)s”.") % {"field": field}
    else:
        message = _("The request is not valid.")
    return error_response(message, 422, **({"field": field} if field else {}))


def _http_error(request, exc: HttpError):
    if isinstance(exc, Throttled):
        response = error_response(_("Too many requests. Please wait a moment."), 429)
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait))
        return response
    if isinstance(exc, AuthenticationError):
        return error_response(_("The access token is missing."), 401)
    if exc.status_code == 400 or isinstance(exc.__cause__, MalformedBody):
        return error_response(_("The request body could not be read: send JSON or form data."), 400)
    return error_response(exc.message, exc.status_code)


def _malformed(request, exc: MalformedBody):
    return error_response(_("The request body could not be read: send JSON or form data."), 400)


def _not_found(request, exc):
    return error_response(_("Record not found."), 404)


def _forbidden(request, exc):
    return error_response(_("This action is not allowed."), 403)


def _unexpected(request, exc: Exception):
    logger.exception("API error on %s %s", request.method, request.path)
    return error_response(_("Something went wrong on our side."), 500)


def register(api) -> None:
    api.add_exception_handler(ServiceError, _service_error)
    api.add_exception_handler(ValidationError, _validation_error)
    api.add_exception_handler(HttpError, _http_error)
    api.add_exception_handler(MalformedBody, _malformed)
    api.add_exception_handler(MultiPartParserError, _malformed)  # e.g. multipart/form-data without a boundary
    api.add_exception_handler(Http404, _not_found)
    api.add_exception_handler(PermissionDenied, _forbidden)
    api.add_exception_handler(Exception, _unexpected)

"""JSON responses built from plain dicts (the entity modules), with Mastodon's pagination Link header."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Schema
from pydantic import Field

from reconfort.core.errors import ServiceError
from reconfort.core.pagination import PageParams

from .parsing import MAX_ID

PAGING_KEYS = ("max_id", "since_id", "min_id")


def json_response(data, status: int = 200, headers: dict | None = None) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, status=status, content_type="application/json; charset=utf-8")
    for key, value in (headers or {}).items():
        response[key] = value
    return response


def page_params(max_id=None, since_id=None, min_id=None, limit=None, *, default=20, maximum=40) -> PageParams:
    try:
        page = PageParams.parse(max_id, since_id, min_id, limit, default=default, maximum=maximum)
    except (TypeError, ValueError) as exc:
        raise ServiceError(_("Invalid pagination parameters."), code="invalid_page") from exc
    if any(v is not None and not 0 <= v <= MAX_ID for v in (page.max_id, page.since_id, page.min_id)):
        raise ServiceError(_("Invalid pagination parameters."), code="invalid_page")
    return page


# Ids are decimal (Mastodon's are strings); a limit out of range is brought back into it. Empty means absent.
ID_TEXT = r"^([0-9]{1,18})?$"
LIMIT_TEXT = r"^(-?[0-9]{1,9})?$"


class PageQuery(Schema):
    """Mastodon's pagination parameters (ids as strings, as clients send them)."""

    max_id: str | None = Field(None, pattern=ID_TEXT)
    since_id: str | None = Field(None, pattern=ID_TEXT)
    min_id: str | None = Field(None, pattern=ID_TEXT)
    limit: str | None = Field(None, pattern=LIMIT_TEXT)

    def page(self, *, default=20, maximum=40) -> PageParams:
        return page_params(self.max_id, self.since_id, self.min_id, self.limit, default=default, maximum=maximum)


def link_header(request, first_id, last_id) -> str:
    """`<…?max_id=last>; rel="next", <…?min_id=first>; rel="prev"`, keeping the other query parameters."""
    kept = [(k, v) for k in request.GET for v in request.GET.getlist(k) if k not in PAGING_KEYS]
    base = request.build_absolute_uri(request.path)
    next_url = f"{base}?{urlencode(kept + [('max_id', last_id)])}"
    prev_url = f"{base}?{urlencode(kept + [('min_id', first_id)])}"
    return f'<{next_url}>; rel="next", <{prev_url}>; rel="prev"'


def paginated(request, items: list, data: list, *, key=lambda item: item.pk) -> HttpResponse:
    """A page of `data` (rendered from `items`, newest first) with its Link header when not empty."""
    headers = {"Link": link_header(request, key(items[0]), key(items[-1]))} if items else {}
    return json_response(data, headers=headers)

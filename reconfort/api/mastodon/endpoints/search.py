"""Search: accounts and hashtags (searching statuses by text comes with the search work)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema

from reconfort.accounts.selectors import account_search
from reconfort.core.errors import ServiceError
from reconfort.hashtags.selectors import tag_search

from ..auth import anyone
from ..entities.account import Account, render_account
from ..entities.status import Status
from ..entities.tag import Tag, render_tag
from ..responses import json_response

router = Router(tags=["search"])


class SearchResults(Schema):
    accounts: list[Account]
    statuses: list[Status]
    hashtags: list[Tag]


def _bounds(limit: str | None, offset: str | None) -> tuple[int, int]:
    try:
        size = 20 if limit in (None, "") else int(limit)
        start = 0 if offset in (None, "") else int(offset)
    except ValueError as exc:
        raise ServiceError(_("Invalid pagination parameters."), code="invalid_page") from exc
    return max(1, min(size, 40)), max(0, min(start, 10_000))


@router.get("/v2/search", response={200: SearchResults}, auth=anyone("read:search"))
def search(
    request,
    q: str = "",
    type: str | None = None,  # noqa: A002 - Mastodon's parameter name
    limit: str | None = None,
    offset: str | None = None,
    following: bool = False,
):
    size, start = _bounds(limit, offset)
    accounts, hashtags = [], []
    if type in (None, "", "accounts"):
        accounts = [render_account(u) for u in account_search(request.auth, q, limit=size, offset=start)]
    if type in (None, "", "hashtags") and start == 0:
        hashtags = [render_tag(t) for t in tag_search(q, limit=size)]
    return json_response({"accounts": accounts, "statuses": [], "hashtags": hashtags})


@router.get("/v1/accounts/search", response={200: list[Account]}, auth=anyone("read:accounts"))
def account_search_v1(request, q: str = "", limit: str | None = None, offset: str | None = None):
    size, start = _bounds(limit, offset)
    return json_response([render_account(u) for u in account_search(request.auth, q, limit=size, offset=start)])

"""Search: Mastodon's /api/v2/search (accounts, hashtags, statuses) and /api/v1/accounts/search, plus our own
types `memorials` and `appeals` (the `memorials` and `appeals` keys of the answer, filled only when asked for).

`resolve` is accepted and ignored: there is no remote server to ask, and local handles (@name) are found by the
ordinary account search. `following` narrows accounts and statuses to people the member follows; `account_id`,
`max_id` and `min_id` narrow statuses as on Mastodon. See docs/decisions/0037-full-text-search.md.
"""

from __future__ import annotations

from typing import Annotated

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import WithJsonSchema

from reconfort.core.errors import ServiceError
from reconfort.search import selectors
from reconfort.search.selectors import PostFilters, SearchType

from ..auth import anyone
from ..entities.account import Account, render_account
from ..entities.status import Status, render_statuses
from ..entities.tag import Tag, render_tag
from ..responses import ID_TEXT, LIMIT_TEXT, json_response
from .appeals import Appeal, render_appeal
from .memorials import MemorialOut, render_memorial

router = Router(tags=["search"])

MAX_LIMIT = 40
MAX_OFFSET = 10_000
# Any other type is refused by `search` with a message that says so.
SearchTypeText = Annotated[str, WithJsonSchema({"type": "string", "enum": ["", *SearchType.ALL]})]


class SearchResults(Schema):
    accounts: list[Account]
    statuses: list[Status]
    hashtags: list[Tag]
    memorials: list[MemorialOut] = []
    appeals: list[Appeal] = []


def _integer(value: str | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError as exc:
        message = _("This parameter must be a number: %(name)s.") % {"name": name}
        raise ServiceError(message, code="invalid_param") from exc


def _bounds(limit: str | None, offset: str | None) -> tuple[int, int]:
    try:
        size = 20 if limit in (None, "") else int(limit)
        start = 0 if offset in (None, "") else int(offset)
    except ValueError as exc:
        raise ServiceError(_("Invalid pagination parameters."), code="invalid_page") from exc
    return max(1, min(size, MAX_LIMIT)), max(0, min(start, MAX_OFFSET))


@router.get("/v2/search", response={200: SearchResults}, auth=anyone("read:search"))
def search(
    request,
    q: str = "",
    type: SearchTypeText | None = None,  # noqa: A002 - Mastodon's parameter name
    limit: str | None = Query(None, pattern=LIMIT_TEXT),
    offset: str | None = Query(None, pattern=LIMIT_TEXT),
    following: bool = False,
    resolve_remote: bool = Query(False, alias="resolve", description="Accepted and ignored: no remote servers."),
    account_id: str | None = Query(None, pattern=ID_TEXT),
    max_id: str | None = Query(None, pattern=ID_TEXT),
    min_id: str | None = Query(None, pattern=ID_TEXT),
    exclude_unreviewed: bool = False,
):
    """Accounts, hashtags and statuses matching `q` (French and English, accents and inflections ignored),
    statuses best match first then newest. `type` picks one kind, including our `memorials` and `appeals`."""
    if type not in (None, "") and type not in SearchType.ALL:
        raise ServiceError(_("Unknown search type."), field="type", code="invalid_type")
    size, start = _bounds(limit, offset)
    filters = PostFilters(
        account_id=_integer(account_id, "account_id"),
        following=following,
        max_id=_integer(max_id, "max_id"),
        min_id=_integer(min_id, "min_id"),
    )
    viewer = request.auth
    wanted = {type} if type else {SearchType.ACCOUNTS, SearchType.TAGS, SearchType.POSTS}
    result: dict = {"accounts": [], "statuses": [], "hashtags": [], "memorials": [], "appeals": []}
    if SearchType.ACCOUNTS in wanted:
        found = selectors.account_search(viewer, q, limit=size, offset=start, following=following)
        result["accounts"] = [render_account(u) for u in found]
    if SearchType.TAGS in wanted:
        result["hashtags"] = [render_tag(t) for t in selectors.tag_search(q, limit=size, offset=start)]
    if SearchType.POSTS in wanted:
        posts = selectors.post_search(viewer, q, limit=size, offset=start, filters=filters)
        result["statuses"] = render_statuses(viewer, posts)
    if SearchType.MEMORIALS in wanted:
        memorials = selectors.memorial_search(viewer, q, limit=size, offset=start)
        result["memorials"] = [render_memorial(m) for m in memorials]
    if SearchType.APPEALS in wanted:
        appeals = selectors.appeal_search(viewer, q, limit=size, offset=start)
        prefetch_related_objects(appeals, "photos")
        result["appeals"] = [render_appeal(viewer, a) for a in appeals]
    return json_response(result)


@router.get("/v1/accounts/search", response={200: list[Account]}, auth=anyone("read:accounts"))
def account_search_v1(
    request,
    q: str = "",
    limit: str | None = Query(None, pattern=LIMIT_TEXT),
    offset: str | None = Query(None, pattern=LIMIT_TEXT),
    following: bool = False,
):
    size, start = _bounds(limit, offset)
    found = selectors.account_search(request.auth, q, limit=size, offset=start, following=following)
    return json_response([render_account(u) for u in found])

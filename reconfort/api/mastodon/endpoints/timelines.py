"""Home, public and hashtag timelines. A page costs at most 6 queries whatever its size (authentication
included): the posts with their authors (1), their media (1), the viewer's gestures and reshares (2)."""

from __future__ import annotations

from ninja import Query, Router

from reconfort.timelines.selectors import home_timeline, public_timeline, tag_timeline

from ..auth import anyone, member
from ..entities.status import Status, render_statuses
from ..responses import PageQuery, paginated

router = Router(tags=["timelines"])


@router.get("/v1/timelines/home", response={200: list[Status]}, auth=member("read:statuses"))
def home(
    request,
    paging: Query[PageQuery],
):
    posts = home_timeline(request.auth, paging.page())
    return paginated(request, posts, render_statuses(request.auth, posts))


@router.get("/v1/timelines/public", response={200: list[Status]}, auth=anyone("read:statuses"))
def public(
    request,
    paging: Query[PageQuery],
    local: bool = False,
    remote: bool = False,
    only_media: bool = False,
):
    if remote:  # no federated posts yet
        return paginated(request, [], [])
    posts = public_timeline(request.auth, paging.page(), only_media=only_media)
    return paginated(request, posts, render_statuses(request.auth, posts))


@router.get("/v1/timelines/tag/{hashtag}", response={200: list[Status]}, auth=anyone("read:statuses"))
def tag(
    request,
    hashtag: str,
    paging: Query[PageQuery],
):
    posts = tag_timeline(request.auth, hashtag, paging.page())
    return paginated(request, posts, render_statuses(request.auth, posts))

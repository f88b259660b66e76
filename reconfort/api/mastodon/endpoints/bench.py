"""Reference endpoints for bench/ (F0, F1), present only with RECONFORT_BENCH_ENDPOINTS=true.

F0 is the cost of the framework alone; F1 is the 20 newest public posts of one member through the production
Status serializer, the yardstick the timelines are measured against.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from ninja import Router

from reconfort.posts.models import Post, Visibility

from ..entities.status import Status, render_statuses
from ..openapi import error_response
from ..parsing import object_id
from ..responses import json_response

router = Router(tags=["bench"])
OFF = {"responses": {404: error_response(404, "Not found: the bench endpoints are switched off.")}}


def _enabled() -> None:
    if not settings.RECONFORT_BENCH_ENDPOINTS:
        raise Http404


@router.get("/bench/f0", response={200: dict}, auth=None, openapi_extra=OFF)
def f0(request):
    _enabled()
    return json_response({"hello": "world"})


@router.get("/bench/f1", response={200: list[Status]}, auth=None, openapi_extra=OFF)
def f1(request, account: str = ""):
    _enabled()
    posts = list(
        Post.objects.with_related()
        .filter(author_id=object_id(account) or 0, visibility=Visibility.PUBLIC, author__is_active=True)
        .order_by("-id")[:20]
    )
    return json_response(render_statuses(AnonymousUser(), posts))

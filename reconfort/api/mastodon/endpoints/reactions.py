"""Gestures of comfort as Pleroma emoji reactions: 🫂 🕯️ 🙏 💐 (and ❤️, which is also the favourite)."""

from __future__ import annotations

from typing import Annotated

from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from pydantic import WithJsonSchema

from reconfort.core.errors import ServiceError
from reconfort.posts import policies, selectors, services
from reconfort.posts.authors import shown_actor
from reconfort.posts.models import EMOJI_GESTURE, GESTURE_EMOJI, GestureKind

from ..auth import anyone, member
from ..entities.account import Account, render_shown_account
from ..entities.status import Status, render_status
from ..responses import json_response
from .statuses import visible_post

router = Router(tags=["reactions"])
# The gestures' emoji, with or without the variation selector (U+FE0F), as clients send them; any other is
# refused by _gesture with a message that names them.
Emoji = Annotated[str, WithJsonSchema({"type": "string", "enum": sorted(EMOJI_GESTURE)})]


class Reaction(Schema):
    name: str
    count: int
    me: bool
    accounts: list[Account]


def _gesture(emoji: str) -> str:
    kind = EMOJI_GESTURE.get(emoji.strip()) or EMOJI_GESTURE.get(emoji.strip().replace("\ufe0f", ""))
    if kind is None:
        raise ServiceError(
            _("This reaction is not one of the gestures of comfort (🫂 🕯️ 🙏 💐 ❤️)."), field="emoji", code="emoji"
        )
    return kind


@router.put(
    "/v1/pleroma/statuses/{status_id}/reactions/{emoji}", response={200: Status}, auth=member("write:favourites")
)
def react(request, status_id: str, emoji: Emoji):
    kind = _gesture(emoji)
    target = services.gesture_add(request.auth, visible_post(request.auth, status_id), kind)
    return json_response(render_status(request.auth, selectors.post_get(target.pk)))


@router.delete(
    "/v1/pleroma/statuses/{status_id}/reactions/{emoji}", response={200: Status}, auth=member("write:favourites")
)
def unreact(request, status_id: str, emoji: Emoji):
    kind = _gesture(emoji)
    target = services.gesture_remove(request.auth, visible_post(request.auth, status_id), kind)
    return json_response(render_status(request.auth, selectors.post_get(target.pk)))


def _reactions(request, status_id: str, only: str | None = None) -> list[dict]:
    post = visible_post(request.auth, status_id)
    target = post.reblog_of or post
    givers = selectors.gestures_by_kind(target) if policies.can_see_gesture_givers(request.auth, target) else {}
    state = selectors.viewer_state(request.auth, [target])
    result = []
    for kind in GestureKind.values:
        if only and kind != only:
            continue
        count = target.gesture_count(kind)
        if not count:
            continue
        result.append(
            {
                "name": GESTURE_EMOJI[kind],
                "count": count,
                "me": state.gave(target.pk, kind),
                "accounts": [render_shown_account(shown_actor(request.auth, u, target)) for u in givers.get(kind, [])],
            }
        )
    return result


@router.get("/v1/pleroma/statuses/{status_id}/reactions", response={200: list[Reaction]}, auth=anyone("read:statuses"))
def reactions(request, status_id: str):
    return json_response(_reactions(request, status_id))


@router.get(
    "/v1/pleroma/statuses/{status_id}/reactions/{emoji}", response={200: list[Reaction]}, auth=anyone("read:statuses")
)
def reactions_for(request, status_id: str, emoji: Emoji):
    return json_response(_reactions(request, status_id, _gesture(emoji)))

"""The kind-reply guard (our extension, issue 6): held replies and who may reply to a post.

    GET  /api/v1/comfort/held_replies                  the replies waiting for me (paginated, Link header)
    POST /api/v1/comfort/held_replies/{id}/approve     show it (the reply is then notified as any reply)
    POST /api/v1/comfort/held_replies/{id}/remove      keep it out for good
    GET  /api/v1/comfort/reply_policy/{status_id}      who may reply to my support request / memorial post
    PUT  /api/v1/comfort/reply_policy/{status_id}      {"audience": "guarded|anyone|following|comforters|nobody"}

A reply written through POST /api/v1/statuses gets no kindness nudge (clients cannot show one): a suspect reply
is held at once. Held replies never appear in statuses, context, timelines or notifications of anyone but their
writer. Same services and selectors as the pages.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from reconfort.comfort.guard import policies, selectors, services
from reconfort.comfort.guard.models import Audience, HeldReply, ReplyPolicy
from reconfort.core.errors import ServiceError
from reconfort.core.pagination import paginate_by_id
from reconfort.posts.selectors import post_get_visible

from ..auth import member
from ..entities.common import iso
from ..entities.status import Status, render_status
from ..parsing import JsonObject, object_id
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["comfort"])
READ, WRITE = "read:statuses", "write:statuses"


class HeldReplyOut(Schema):
    id: str
    state: str = Field(description="held, approved or removed")
    reasons: list[str] = Field(
        description="not_followed, hostility, mockery, slur, spam, proselytising (why it waits)."
    )
    in_reply_to_id: str | None
    guarded_status_id: str = Field(description="The support request or memorial post it answers (thread).")
    status: Status
    created_at: str


class ReplyPolicyOut(Schema):
    status_id: str
    audience: str = Field(description="guarded (default), anyone, following, comforters or nobody")
    default: bool = Field(description="True when the author has not chosen: the default of the post's kind.")
    choices: list[str]


class ReplyPolicyIn(JsonObject):
    audience: str


def _render_held(viewer, held: HeldReply) -> dict:
    return {
        "id": str(held.pk),
        "state": held.state,
        "reasons": list(held.reasons),
        "in_reply_to_id": str(held.reply.in_reply_to_id) if held.reply.in_reply_to_id else None,
        "guarded_status_id": str(held.guarded_post_id),
        # Rendered as the writer's post: the decider may read it (the status is otherwise invisible to them).
        "status": render_status(held.reply.author, held.reply),
        "created_at": iso(held.created_at),
    }


def _held(viewer, held_id: str) -> HeldReply:
    if object_id(held_id) is None:
        raise selectors.held_not_found()
    return selectors.held_get_for_decision(viewer, object_id(held_id))


def _policy_post(viewer, status_id: str):
    if object_id(status_id) is None:
        raise ServiceError(_("This post does not exist or is not visible to you."), status=404)
    post = post_get_visible(viewer, object_id(status_id))
    if not policies.can_edit_reply_policy(viewer, post):
        raise ServiceError(
            _("Only the author of a support request or a memorial post chooses who may reply."), status=403
        )
    return post


def _render_policy(post) -> dict:
    chosen = ReplyPolicy.objects.filter(post=post).exists()
    return {
        "status_id": str(post.pk),
        "audience": selectors.audience_for(post),
        "default": not chosen,
        "choices": list(Audience.values),
    }


@router.get("/v1/comfort/held_replies", response={200: list[HeldReplyOut]}, auth=member(READ))
def held_list(request, query: Query[PageQuery]):
    """Replies waiting for my approval (on my support requests and memorial posts, or memorials I steward)."""
    items = paginate_by_id(selectors.held_for(request.auth), query.page())
    return paginated(request, items, [_render_held(request.auth, h) for h in items])


@router.post("/v1/comfort/held_replies/{held_id}/approve", response={200: HeldReplyOut}, auth=member(WRITE))
def held_approve(request, held_id: str):
    held = services.held_reply_approve(request.auth, _held(request.auth, held_id))
    held.refresh_from_db()
    return json_response(_render_held(request.auth, held))


@router.post("/v1/comfort/held_replies/{held_id}/remove", response={200: HeldReplyOut}, auth=member(WRITE))
def held_remove(request, held_id: str):
    held = services.held_reply_remove(request.auth, _held(request.auth, held_id))
    held.refresh_from_db()
    return json_response(_render_held(request.auth, held))


@router.get("/v1/comfort/reply_policy/{status_id}", response={200: ReplyPolicyOut}, auth=member(READ))
def reply_policy_read(request, status_id: str):
    return json_response(_render_policy(_policy_post(request.auth, status_id)))


@router.put("/v1/comfort/reply_policy/{status_id}", response={200: ReplyPolicyOut}, auth=member(WRITE))
def reply_policy_set(request, status_id: str, payload: ReplyPolicyIn):
    post = _policy_post(request.auth, status_id)
    services.reply_policy_set(request.auth, post, payload.audience)
    return json_response(_render_policy(post))

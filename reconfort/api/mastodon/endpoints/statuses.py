"""Statuses: write (form or JSON, Idempotency-Key), read, edit, delete, thread, reshare, favourite (the ❤️)."""

from __future__ import annotations

from typing import Annotated

from django.db.models import F
from django.utils.html import escape
from ninja import Query, Router, Schema
from pydantic import BeforeValidator, Field

from reconfort.core.pagination import paginate_by_id
from reconfort.posts import policies, selectors, services
from reconfort.posts.authors import shown_actor, shown_author
from reconfort.posts.models import GestureKind, Post, Visibility

from ..auth import anyone, member
from ..entities.account import Account, render_shown_account
from ..entities.common import iso
from ..entities.media import Attachment, render_media
from ..entities.status import Status, StatusRenderer, post_content_html, render_status
from ..parsing import Flag, JsonObject, object_id
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["statuses"])


def _as_text(value):
    """Ids arrive as strings (forms) or numbers (JSON)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


TextId = Annotated[str, BeforeValidator(_as_text)]


def visible_post(viewer, status_id) -> Post:
    pk = object_id(status_id)
    if pk is None:
        raise selectors.post_not_found()
    return selectors.post_get_visible(viewer, pk)


class StatusCreate(JsonObject):
    status: str | None = None
    in_reply_to_id: TextId | None = None
    media_ids: list[TextId] = Field(default_factory=list)
    sensitive: Flag = False
    spoiler_text: str | None = None
    visibility: str | None = None
    language: str | None = None
    # Réconfort's own: the kind of post, and stories (a title and a Markdown body).
    reconfort_kind: str | None = None
    title: str | None = None
    story: Flag = False


class StatusEditIn(JsonObject):
    status: str | None = None
    spoiler_text: str | None = None
    sensitive: Flag | None = None
    language: str | None = None
    title: str | None = None
    media_ids: list[TextId] = Field(default_factory=list)


class StatusSource(Schema):
    id: str
    text: str
    spoiler_text: str


class StatusEdit(Schema):
    content: str
    spoiler_text: str
    sensitive: bool
    created_at: str
    account: Account
    poll: dict | None
    media_attachments: list[Attachment]
    emojis: list[dict]


class Context(Schema):
    ancestors: list[Status]
    descendants: list[Status]


class ReblogIn(JsonObject):
    visibility: str | None = None


@router.post(
    "/v1/statuses",
    response={200: Status},
    auth=member("write:statuses"),
    openapi_extra={
        "description": "Form-encoded or JSON. Send an `Idempotency-Key` header to make retries safe. "
        "A comforter replying to a support request beyond their daily limit (RECONFORT_COMFORT_DAILY_CLAIMS support "
        'requests claimed or replied to in 24 hours, each once) is refused with 429, `{"error"}` and Retry-After.'
    },
)
def create_status(request, payload: StatusCreate):
    key = (request.headers.get("Idempotency-Key") or "").strip()[:200] or None
    post = services.post_create(
        request.auth,
        text=payload.status or "",
        visibility=payload.visibility or Visibility.PUBLIC,
        spoiler_text=payload.spoiler_text or "",
        sensitive=payload.sensitive,
        language=payload.language,
        kind=payload.reconfort_kind or "ordinary",
        in_reply_to_id=payload.in_reply_to_id or None,
        title=payload.title or "",
        is_story=payload.story,
        media_ids=[m for m in payload.media_ids if m != ""],
        idempotency_key=key,
    )
    post = selectors.post_get(post.pk)
    return json_response(render_status(request.auth, post))


@router.get("/v1/statuses/{status_id}", response={200: Status}, auth=anyone("read:statuses"))
def get_status(request, status_id: str):
    return json_response(render_status(request.auth, visible_post(request.auth, status_id)))


@router.delete("/v1/statuses/{status_id}", response={200: Status}, auth=member("write:statuses"))
def delete_status(request, status_id: str):
    post = visible_post(request.auth, status_id)
    data = render_status(request.auth, post)
    data["text"] = post.text  # as Mastodon does, so a client can offer to write it again
    services.post_delete(request.auth, post)
    return json_response(data)


@router.put("/v1/statuses/{status_id}", response={200: Status}, auth=member("write:statuses"))
def edit_status(request, status_id: str, payload: StatusEditIn):
    post = visible_post(request.auth, status_id)
    services.post_edit(
        request.auth,
        post,
        text=payload.status if payload.status is not None else post.text,
        spoiler_text=payload.spoiler_text,
        sensitive=payload.sensitive,
        language=payload.language,
        title=payload.title,
    )
    return json_response(render_status(request.auth, selectors.post_get(post.pk)))


@router.get("/v1/statuses/{status_id}/context", response={200: Context}, auth=anyone("read:statuses"))
def context(request, status_id: str):
    post = visible_post(request.auth, status_id)
    ctx = selectors.post_context(request.auth, post)
    renderer = StatusRenderer(request.auth, ctx.ancestors + ctx.descendants)
    return json_response(
        {
            "ancestors": [renderer.render(p) for p in ctx.ancestors],
            "descendants": [renderer.render(p) for p in ctx.descendants],
        }
    )


@router.get("/v1/statuses/{status_id}/source", response={200: StatusSource}, auth=member("read:statuses"))
def source(request, status_id: str):
    post = visible_post(request.auth, status_id)
    return json_response({"id": str(post.pk), "text": post.text, "spoiler_text": post.spoiler_text})


@router.get("/v1/statuses/{status_id}/history", response={200: list[StatusEdit]}, auth=anyone("read:statuses"))
def history(request, status_id: str):
    post = visible_post(request.auth, status_id)
    account = render_shown_account(shown_author(request.auth, post))
    media = [render_media(m) for m in post.media.order_by("id")]
    versions = [
        {
            "content": f"<p><strong>{escape(e.title)}</strong></p>{e.content_html}" if e.title else e.content_html,
            "spoiler_text": e.spoiler_text,
            "sensitive": e.sensitive,
            "created_at": iso(e.created_at),
            "account": account,
            "poll": None,
            "media_attachments": media,
            "emojis": [],
        }
        for e in post.edits.all()
    ]
    versions.append(
        {
            "content": post_content_html(post),
            "spoiler_text": post.spoiler_text,
            "sensitive": post.sensitive,
            "created_at": iso(post.edited_at or post.created_at),
            "account": account,
            "poll": None,
            "media_attachments": media,
            "emojis": [],
        }
    )
    return json_response(versions)


# --- Reshares and favourites -------------------------------------------------------------------


@router.post("/v1/statuses/{status_id}/reblog", response={200: Status}, auth=member("write:statuses"))
def reblog(request, status_id: str, payload: ReblogIn | None = None):
    post = visible_post(request.auth, status_id)
    visibility = (payload.visibility if payload else None) or Visibility.PUBLIC
    created = services.post_reblog(request.auth, post, visibility=visibility)
    return json_response(render_status(request.auth, selectors.post_get(created.pk)))


@router.post("/v1/statuses/{status_id}/unreblog", response={200: Status}, auth=member("write:statuses"))
def unreblog(request, status_id: str):
    post = visible_post(request.auth, status_id)
    target = services.post_unreblog(request.auth, post)
    return json_response(render_status(request.auth, selectors.post_get(target.pk)))


@router.post("/v1/statuses/{status_id}/favourite", response={200: Status}, auth=member("write:favourites"))
def favourite(request, status_id: str):
    post = visible_post(request.auth, status_id)
    target = services.gesture_add(request.auth, post, GestureKind.HEART)
    return json_response(render_status(request.auth, selectors.post_get(target.pk)))


@router.post("/v1/statuses/{status_id}/unfavourite", response={200: Status}, auth=member("write:favourites"))
def unfavourite(request, status_id: str):
    post = visible_post(request.auth, status_id)
    target = services.gesture_remove(request.auth, post, GestureKind.HEART)
    return json_response(render_status(request.auth, selectors.post_get(target.pk)))


def _givers_page(request, queryset, paging: PageQuery, post: Post):
    page = paging.page(default=40, maximum=80)
    users = paginate_by_id(queryset, page, field="page_id")
    # The asker of an anonymous request giving in its thread is shown under its pseudonym (posts.authors).
    accounts = [render_shown_account(shown_actor(request.auth, u, post)) for u in users]
    return paginated(request, users, accounts, key=lambda u: u.page_id)


@router.get("/v1/statuses/{status_id}/reblogged_by", response={200: list[Account]}, auth=anyone("read:statuses"))
def reblogged_by(
    request,
    status_id: str,
    paging: Query[PageQuery],
):
    post = visible_post(request.auth, status_id)
    target = post.reblog_of or post
    qs = selectors.reblogged_by(target).annotate(page_id=F("posts__id"))
    return _givers_page(request, qs, paging, target)


@router.get("/v1/statuses/{status_id}/favourited_by", response={200: list[Account]}, auth=anyone("read:statuses"))
def favourited_by(
    request,
    status_id: str,
    paging: Query[PageQuery],
):
    """Who gave a ❤️ is shown to the post's author only (comfort is not a popularity contest)."""
    post = visible_post(request.auth, status_id)
    target = post.reblog_of or post
    if not policies.can_see_gesture_givers(request.auth, target):
        return json_response([])
    qs = selectors.gesture_givers(target, GestureKind.HEART).annotate(page_id=F("gestures__id"))
    return _givers_page(request, qs, paging, target)

"""Circles (our extension): the directory, one circle, joining and leaving, its feed, removals and bans.

Every rule lives in reconfort.comfort.circles (services for writes, selectors and policies for reads): the same
calls as the pages, so the API shows nothing a page would not. Members-only circles' posts and every circle's member
list are refused (403) to those outside it. Circle posts are statuses of a kind, so the scopes are those of statuses.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from reconfort.accounts.models import User
from reconfort.comfort.circles import policies, selectors, services
from reconfort.comfort.circles.models import Circle as CircleModel
from reconfort.comfort.circles.models import CirclePost as CirclePostModel
from reconfort.comfort.circles.models import Membership
from reconfort.core.errors import Forbidden, NotFound
from reconfort.core.pagination import paginate_by_id

from ..auth import anyone, member
from ..entities.account import Account, render_account
from ..entities.common import iso, sid
from ..links import absolute
from ..parsing import JsonObject, object_id
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["circles"])
READ, WRITE = "read:statuses", "write:statuses"
BASE = "/v1/comfort/circles"


# --- schemas ----------------------------------------------------------------------------------------


class CircleMembershipOut(Schema):
    state: str = Field(description="requested, member or banned.")
    role: str = Field(description="member or moderator.")
    joined_at: str | None
    newcomer: bool = Field(description="In the first days: no links, no private messages to members met here.")
    ban_reason: str | None


class CirclePermissions(Schema):
    read_posts: bool
    post: bool
    join: bool
    leave: bool
    moderate: bool
    see_members: bool


class Circle(Schema):
    slug: str
    name: str
    description: str
    language: str
    rules: str = Field(description="Shown while writing in the circle.")
    join_policy: str = Field(description="open, or request (approved by the circle's moderators).")
    posts_visibility: str = Field(description="members (members only) or public.")
    members_count: int
    created_at: str
    url: str
    membership: CircleMembershipOut | None = Field(description="The viewer's own membership, if any.")
    permissions: CirclePermissions


class CircleReply(Schema):
    id: str
    in_reply_to_id: str | None
    text: str
    created_at: str
    account: Account
    removed: bool = Field(description="Removed by a moderator: only its author sees it, with the reason.")
    removed_reason: str | None


class CirclePost(CircleReply):
    replies: list[CircleReply] = Field(default_factory=list, description="Replies, oldest first (one level).")


class CircleMember(Schema):
    account: Account
    role: str
    joined_at: str | None


class CirclePostIn(JsonObject):
    text: str
    in_reply_to_id: str | None = None


class CircleCreateIn(JsonObject):
    name: str
    description: str = ""
    language: str = Field("fr", description="fr or en.")
    rules: str = Field("", description="Shown to everyone while they write in the circle.")
    join_policy: str = Field("open", description="open, or request.")
    posts_visibility: str = Field("members", description="members or public.")


class CircleEditIn(JsonObject):
    name: str | None = None
    description: str | None = None
    rules: str | None = None
    join_policy: str | None = None
    posts_visibility: str | None = None


class CircleRequest(Schema):
    account: Account
    requested_at: str | None


class CircleBanIn(JsonObject):
    account_id: str
    reason: str


class Deleted(Schema):
    id: str
    removed: bool


# --- rendering ------------------------------------------------------------------------------------------


def _membership(membership: Membership | None, now) -> dict | None:
    if membership is None:
        return None
    return {
        "state": membership.state,
        "role": membership.role,
        "joined_at": iso(membership.joined_at),
        "newcomer": policies.is_newcomer(membership, now=now),
        "ban_reason": membership.ban_reason or None,
    }


def render_circle(viewer, circle: CircleModel, membership: Membership | None) -> dict:
    now = timezone.now()
    return {
        "slug": circle.slug,
        "name": circle.name,
        "description": circle.description,
        "language": circle.language,
        "rules": circle.rules,
        "join_policy": circle.join_policy,
        "posts_visibility": circle.posts_visibility,
        "members_count": getattr(circle, "members_count", 0),
        "created_at": iso(circle.created_at),
        "url": absolute(f"/circles/{circle.slug}/"),
        "membership": _membership(membership, now),
        "permissions": {
            "read_posts": policies.can_read_posts(viewer, circle, membership),
            "post": policies.can_post(viewer, membership),
            "join": policies.can_join(viewer, membership),
            "leave": policies.can_leave(viewer, membership),
            "moderate": policies.can_moderate(viewer, membership),
            "see_members": policies.can_see_members(viewer, membership),
        },
    }


def render_post(post: CirclePostModel, *, replies=None) -> dict:
    return {
        "id": str(post.pk),
        "in_reply_to_id": sid(post.parent_id),
        "text": post.text,
        "created_at": iso(post.created_at),
        "account": render_account(post.author),
        "removed": post.is_removed,
        "removed_reason": post.removed_reason or None,
        "replies": [render_post(r) for r in (replies or [])],
    }


def _single(request, slug: str):
    circle = selectors.circle_get(slug)
    membership = selectors.membership_of(request.auth, circle)
    return json_response(render_circle(request.auth, circle, membership))


# --- the directory and one circle ---------------------------------------------------------------------


@router.get(BASE, response={200: list[Circle]}, auth=anyone(READ))
def circle_list(request):
    """Every circle, those in the viewer's language first."""
    mine = selectors.memberships_by_circle(request.auth)
    circles = selectors.circle_list(request.auth)
    return json_response([render_circle(request.auth, c, mine.get(c.pk)) for c in circles])


@router.post(
    BASE,
    response={200: Circle},
    auth=member(WRITE),
    openapi_extra={
        "description": "Any established member (account age: RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS) "
        "starts a circle and is its first moderator."
    },
)
def circle_create(request, payload: CircleCreateIn):
    circle = services.circle_create(request.auth, **payload.dict())
    return _single(request, circle.slug)


@router.get(BASE + "/{slug}", response={200: Circle}, auth=anyone(READ))
def circle_read(request, slug: str):
    return _single(request, slug)


@router.patch(BASE + "/{slug}", response={200: Circle}, auth=member(WRITE))
def circle_edit(request, slug: str, payload: CircleEditIn):
    """The circle's moderators change its name, description, rules, join policy or posts visibility."""
    circle = selectors.circle_get(slug)
    services.circle_edit(request.auth, circle, **payload.dict())
    return _single(request, slug)


@router.post(
    BASE + "/{slug}/join",
    response={200: Circle},
    auth=member(WRITE),
    openapi_extra={"description": "Joins an open circle; for a circle on request, asks its moderators."},
)
def circle_join(request, slug: str):
    circle = selectors.circle_get(slug)
    services.circle_join(request.auth, circle)
    return _single(request, slug)


@router.post(BASE + "/{slug}/leave", response={200: Circle}, auth=member(WRITE))
def circle_leave(request, slug: str):
    """Leave the circle (or withdraw a request to join). A ban cannot be left."""
    circle = selectors.circle_get(slug)
    services.circle_leave(request.auth, circle)
    return _single(request, slug)


@router.get(BASE + "/{slug}/members", response={200: list[CircleMember]}, auth=member(READ))
def circle_members(request, slug: str):
    """For the circle's members only (and the site's moderators)."""
    circle = selectors.circle_get(slug)
    membership = selectors.membership_of(request.auth, circle)
    rows = selectors.circle_members(request.auth, circle, membership)
    return json_response(
        [{"account": render_account(m.account), "role": m.role, "joined_at": iso(m.joined_at)} for m in rows]
    )


@router.get(BASE + "/{slug}/requests", response={200: list[CircleRequest]}, auth=member(READ))
def circle_requests(request, slug: str):
    """Requests to join waiting for the circle's moderators (moderators only)."""
    circle = selectors.circle_get(slug)
    if not policies.can_moderate(request.auth, selectors.membership_of(request.auth, circle)):
        raise Forbidden(_("Only the moderators of this circle can do this."), code="not_moderator")
    return json_response(
        [
            {"account": render_account(m.account), "requested_at": iso(m.requested_at)}
            for m in selectors.circle_requests(circle)
        ]
    )


@router.post(BASE + "/{slug}/requests/{account_id}/accept", response={200: Circle}, auth=member(WRITE))
def circle_request_accept(request, slug: str, account_id: str):
    """Let someone in; they are told."""
    circle = selectors.circle_get(slug)
    services.circle_request_decide(request.auth, circle, object_id(account_id) or 0, accept=True)
    return _single(request, slug)


@router.post(BASE + "/{slug}/requests/{account_id}/decline", response={200: Circle}, auth=member(WRITE))
def circle_request_decline(request, slug: str, account_id: str):
    """Decline a request; it goes quietly."""
    circle = selectors.circle_get(slug)
    services.circle_request_decide(request.auth, circle, object_id(account_id) or 0, accept=False)
    return _single(request, slug)


# --- posts ------------------------------------------------------------------------------------------------


@router.get(BASE + "/{slug}/posts", response={200: list[CirclePost]}, auth=anyone(READ))
def circle_posts(request, slug: str, paging: Query[PageQuery]):
    """The feed, newest first, each message with its replies; 403 outside a members-only circle."""
    circle = selectors.circle_get(slug)
    membership = selectors.membership_of(request.auth, circle)
    rows = paginate_by_id(selectors.circle_posts(request.auth, circle, membership), paging.page())
    return paginated(request, rows, [render_post(p, replies=p.visible_replies) for p in rows])


@router.post(BASE + "/{slug}/posts", response={200: CirclePost}, auth=member(WRITE))
def circle_post_create(request, slug: str, payload: CirclePostIn):
    circle = selectors.circle_get(slug)
    post = services.circle_post_create(request.auth, circle, text=payload.text, parent_id=payload.in_reply_to_id)
    return json_response(render_post(post))


@router.delete(
    BASE + "/{slug}/posts/{post_id}",
    response={200: Deleted},
    auth=member(WRITE),
    openapi_extra={
        "description": "Moderators remove a message. `reason` (query) is shown to its author; when absent, the "
        "author reads that the message does not follow the circle's rules."
    },
)
def circle_post_remove(request, slug: str, post_id: str, reason: str = ""):
    circle = selectors.circle_get(slug)
    membership = selectors.membership_of(request.auth, circle)
    post = selectors.circle_post_get(request.auth, circle, membership, post_id)
    reason = reason.strip() or str(_("This message does not follow the circle's rules."))
    services.circle_post_remove(request.auth, post, reason=reason)
    return json_response({"id": str(post.pk), "removed": True})


@router.post(BASE + "/{slug}/bans", response={200: CircleMember}, auth=member(WRITE))
def circle_ban(request, slug: str, payload: CircleBanIn):
    """Moderators ban someone: they leave the circle, cannot ask again, cannot write there."""
    circle = selectors.circle_get(slug)
    pk = object_id(payload.account_id)
    target = User.objects.filter(pk=pk, is_active=True).first() if pk is not None else None
    if target is None:
        raise NotFound(_("This account does not exist."), code="account_not_found")
    membership = services.circle_ban(request.auth, circle, target, reason=payload.reason)
    return json_response({"account": render_account(target), "role": membership.role, "joined_at": None})

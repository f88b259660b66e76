"""Crises and « Je suis en sécurité » check-ins (our extension, not Mastodon's).

Every rule lives in reconfort.crisis (services for writes, selectors and policies for what a viewer may see): the
same calls as the pages. Check-ins are listed only for the people the viewer follows, never as a public list.
Crisis pages gather posts, so the scopes are those of statuses: read:statuses to read, write:statuses to write.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema

from reconfort.accounts import selectors as account_selectors
from reconfort.core.errors import ServiceError
from reconfort.crisis import policies, selectors, services
from reconfort.crisis.models import CheckIn as CheckInModel
from reconfort.crisis.models import Crisis as CrisisModel

from ..auth import anyone, member
from ..entities.account import Account, render_account
from ..entities.common import iso
from ..links import absolute
from ..parsing import JsonObject, Number, Whole, object_id
from ..responses import json_response

router = Router(tags=["crises"])
READ, WRITE = "read:statuses", "write:statuses"


# --- schemas ----------------------------------------------------------------------------------------


class CrisisPlace(Schema):
    name: str
    country_code: str
    latitude: float
    longitude: float


class CrisisSource(Schema):
    url: str
    title: str


class CrisisNotice(Schema):
    id: str
    text: str
    source_url: str | None
    created_at: str


class Crisis(Schema):
    slug: str
    name: str
    description: str
    state: str = Field(description="proposed (moderators only), active, winding_down or archived.")
    place: CrisisPlace | None
    radius_km: int
    started_at: str
    tags: list[str]
    sources: list[CrisisSource]
    url: str
    checkins_open: bool = Field(description="True while members may check in (the crisis is active).")
    notices: list[CrisisNotice] | None = Field(None, description="Pinned official information (single crisis).")
    my_check_in: str | None = Field(None, description="The viewer's own check-in: safe, need_help or not_there.")


class CheckIn(Schema):
    account: Account
    status: str = Field(description="safe, need_help or not_there.")
    marked_by: Account | None = Field(description="Someone the person trusts, when they did not mark themselves.")
    updated_at: str


class CheckInIn(JsonObject):
    status: str = Field(description="safe, need_help or not_there.")
    account_id: str | None = Field(None, description="Mark someone who put you on their trusted list.")


class CrisisCreate(JsonObject):
    name: str
    description: str = ""
    place: str = Field("", description="A town from the gazetteer (`Lyon, FR`), or give coordinates.")
    latitude: Number | None = None
    longitude: Number | None = None
    radius_km: Whole = 50
    tags: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class CrisisStateIn(JsonObject):
    state: str = Field(description="active, winding_down or archived (allowed moves only).")


class CrisisNoticeIn(JsonObject):
    text: str
    source_url: str = ""


# --- rendering --------------------------------------------------------------------------------------


def render_crisis(viewer, crisis: CrisisModel, *, full: bool = False) -> dict:
    data = {
        "slug": crisis.slug,
        "name": crisis.name,
        "description": crisis.description,
        "state": crisis.state,
        "place": {
            "name": crisis.place_name,
            "country_code": crisis.country_code,
            "latitude": crisis.latitude,
            "longitude": crisis.longitude,
        }
        if crisis.has_place
        else None,
        "radius_km": crisis.radius_km,
        "started_at": iso(crisis.started_at),
        "tags": [t.name for t in crisis.tags.all()],
        "sources": [{"url": s.url, "title": s.title} for s in crisis.sources.all()],
        "url": absolute(f"/crises/{crisis.slug}/"),
        "checkins_open": crisis.is_active,
        "notices": None,
        "my_check_in": None,
    }
    if full:
        data["notices"] = [
            {"id": str(n.pk), "text": n.text, "source_url": n.source_url or None, "created_at": iso(n.created_at)}
            for n in selectors.notices_of(crisis)
        ]
        own = selectors.checkin_own(viewer, crisis)
        data["my_check_in"] = own.status if own else None
    return data


def render_checkin(checkin: CheckInModel) -> dict:
    return {
        "account": render_account(checkin.account),
        "status": checkin.status,
        "marked_by": render_account(checkin.marked_by) if checkin.marked_by else None,
        "updated_at": iso(checkin.updated_at),
    }


def _crisis(viewer, slug: str) -> CrisisModel:
    return selectors.crisis_get_visible(viewer, slug)


def _single(request, crisis: CrisisModel):
    crisis = _crisis(request.auth, crisis.slug)
    return json_response(render_crisis(request.auth, crisis, full=True))


def _account(account_id: str):
    pk = object_id(account_id)
    if pk is None:
        raise ServiceError(_("This account does not exist."), status=404, code="not_found")
    return account_selectors.account_get(pk)


# --- reading -----------------------------------------------------------------------------------------


@router.get("/v1/crises", response={200: list[Crisis]}, auth=anyone(READ))
def crisis_list(request):
    """Active and winding-down crises, then those archived recently."""
    current, past = selectors.crisis_list_directory()
    return json_response([render_crisis(request.auth, c) for c in current + past])


@router.get("/v1/crises/{slug}", response={200: Crisis}, auth=anyone(READ))
def crisis_get(request, slug: str):
    return _single(request, _crisis(request.auth, slug))


@router.get("/v1/crises/{slug}/check_ins", response={200: list[CheckIn]}, auth=member(READ))
def check_ins(request, slug: str):
    """The check-ins of the people the viewer follows. Nobody else's, ever."""
    crisis = _crisis(request.auth, slug)
    return json_response([render_checkin(c) for c in selectors.checkins_followed(request.auth, crisis)])


# --- check-ins ---------------------------------------------------------------------------------------


@router.post("/v1/crises/{slug}/check_in", response={200: CheckIn}, auth=member(WRITE))
def check_in(request, slug: str, payload: CheckInIn):
    crisis = _crisis(request.auth, slug)
    target = _account(payload.account_id) if payload.account_id else None
    checkin = services.checkin_set(request.auth, crisis, payload.status, account=target)
    checkin = CheckInModel.objects.select_related("account", "marked_by").get(pk=checkin.pk)
    return json_response(render_checkin(checkin))


@router.delete("/v1/crises/{slug}/check_in", response={200: Crisis}, auth=member(WRITE))
def check_in_remove(request, slug: str):
    crisis = _crisis(request.auth, slug)
    services.checkin_remove(request.auth, crisis)
    return _single(request, crisis)


@router.post("/v1/crises/{slug}/ask/{account_id}", response={200: Crisis}, auth=member(WRITE))
def ask(request, slug: str, account_id: str):
    """Ask someone you follow, privately, if they are safe (once per person and crisis; rate-limited)."""
    crisis = _crisis(request.auth, slug)
    services.safety_ask(request.auth, crisis, _account(account_id))
    return _single(request, crisis)


# --- moderators ----------------------------------------------------------------------------------------


def _require_moderator(user) -> None:
    if not policies.can_moderate_crisis(user):
        raise ServiceError(_("Only moderators can do this."), status=403, code="not_moderator")


@router.post("/v1/crises", response={200: Crisis}, auth=member(WRITE))
def crisis_create(request, payload: CrisisCreate):
    """Moderators open a crisis (active at once)."""
    _require_moderator(request.auth)
    crisis = services.crisis_create(
        request.auth,
        name=payload.name,
        description=payload.description,
        place=payload.place,
        latitude=payload.latitude,
        longitude=payload.longitude,
        radius_km=payload.radius_km,
        tags=payload.tags,
        sources=payload.sources,
    )
    return _single(request, crisis)


@router.post("/v1/crises/{slug}/state", response={200: Crisis}, auth=member(WRITE))
def crisis_state(request, slug: str, payload: CrisisStateIn):
    _require_moderator(request.auth)
    crisis = _crisis(request.auth, slug)
    services.crisis_transition(request.auth, crisis, payload.state)
    return _single(request, crisis)


@router.post("/v1/crises/{slug}/notices", response={200: Crisis}, auth=member(WRITE))
def notice_add(request, slug: str, payload: CrisisNoticeIn):
    _require_moderator(request.auth)
    crisis = _crisis(request.auth, slug)
    services.notice_add(request.auth, crisis, text=payload.text, source_url=payload.source_url)
    return _single(request, crisis)

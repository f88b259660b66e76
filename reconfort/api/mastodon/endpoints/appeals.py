"""Appeals (our extension, not Mastodon's): create, read, edit, the life-cycle, near-me, updates, sightings, offers.

Every rule lives in reconfort.appeals (services for writes, selectors and policies for what a viewer may see): the
same calls as the pages, so the API shows nothing a page would not. Appeals carry posts, so the scopes are those of
statuses: read:statuses to read, write:statuses to write.
"""

from __future__ import annotations

from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from reconfort.accounts.selectors import is_blocked_either_way
from reconfort.appeals import announce, gazetteer, policies, selectors, services
from reconfort.appeals.models import Appeal as AppealModel
from reconfort.appeals.models import HelpOffer, Sighting
from reconfort.core.errors import ServiceError
from reconfort.core.pagination import paginate_by_id

from ..auth import anyone, member
from ..entities.account import Account, render_account
from ..entities.common import iso, sid
from ..links import absolute
from ..parsing import Flag, JsonObject, Number, Whole, load_form, object_id
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["appeals"])
READ, WRITE = "read:statuses", "write:statuses"


# --- schemas ----------------------------------------------------------------------------------------


class AppealPlace(Schema):
    name: str
    country_code: str
    latitude: float
    longitude: float
    exact: bool = Field(description="False when the point is rounded to about 1 km for this viewer.")


class AppealPhoto(Schema):
    url: str
    description: str


class AppealPermissions(Schema):
    manage: bool
    report_sighting: bool
    offer_help: bool
    follow: bool
    following: bool


class Appeal(Schema):
    id: str
    kind: str
    status: str
    resolution: str | None
    resolution_note: str
    title: str
    description: str
    details: dict[str, Any] = Field(description="The fields of the kind (see the create endpoint).")
    private_details: dict[str, Any] | None = Field(description="Only for the owner (a microchip number).")
    is_child: bool
    child_line: str | None = Field(description="116 000 on an open appeal for a missing child.")
    audience: str
    place: AppealPlace | None
    radius_km: int
    url: str
    poster_url: str
    status_id: str | None = Field(description="The post that carries the appeal in timelines.")
    account: Account
    photos: list[AppealPhoto]
    created_at: str
    updated_at: str
    expires_at: str | None
    closed_at: str | None
    distance_km: float | None = Field(None, description="In near-me results: from the point searched.")
    permissions: AppealPermissions | None = Field(None, description="What the viewer may do (single appeal only).")


class AppealCreate(JsonObject):
    kind: str = Field(description="blood, missing_person, missing_pet, prayer or help.")
    title: str
    description: str = ""
    details: dict[str, Any] = Field(default_factory=dict, description="The kind's fields, validated per kind.")
    place: str = Field("", description="A town from the gazetteer (`Lyon, FR`), or give coordinates.")
    latitude: Number | None = None
    longitude: Number | None = None
    exact_location_public: Flag = False
    radius_km: Whole = 10
    audience: str = "public"


class AppealEdit(JsonObject):
    title: str | None = None
    description: str | None = None
    details: dict[str, Any] | None = None
    exact_location_public: Flag | None = None


class AppealResolveIn(JsonObject):
    resolution: str = Field(description="found_safe, found_deceased, reunited, enough_donors, …, by kind.")
    note: str = ""


class AppealNoteIn(JsonObject):
    note: str = ""


class AppealNewsIn(JsonObject):
    text: str


class AppealNews(Schema):
    id: str
    text: str
    status: str | None
    resolution: str | None
    created_at: str


class AppealSightingIn(JsonObject):
    note: str
    seen_at: str | None = Field(None, description="ISO 8601; now when absent.")
    place: str = ""
    latitude: Number | None = None
    longitude: Number | None = None
    contact: str = Field("", description="Shared with the owner only if given.")


class AppealSighting(Schema):
    id: str
    seen_at: str
    place_name: str
    latitude: float | None
    longitude: float | None
    note: str
    photo_url: str | None
    contact: str
    created_at: str
    account: Account


class AppealOfferIn(JsonObject):
    message: str
    blood_group: str = Field("", description="The donor's own group: seen by the owner only.")
    contact: str = ""


class AppealOffer(Schema):
    id: str
    message: str
    blood_group: str
    contact: str
    state: str
    created_at: str
    account: Account


class AppealNearQuery(Schema):
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    place: str = ""
    radius_km: float = Field(25, gt=0, le=services.MAX_RADIUS_KM)
    kind: list[str] = Field(default_factory=list)
    status: list[str] = Field(default_factory=list)
    limit: int = Field(50, ge=1, le=selectors.MAX_NEAR_RESULTS)


class AppealTown(Schema):
    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float


# --- rendering ---------------------------------------------------------------------------------------


def _place(viewer, appeal: AppealModel) -> dict | None:
    if not appeal.has_place:
        return None
    exact = policies.can_see_exact_location(viewer, appeal)
    return {
        "name": appeal.place_name,
        "country_code": appeal.country_code,
        "latitude": appeal.latitude if exact else appeal.public_latitude,
        "longitude": appeal.longitude if exact else appeal.public_longitude,
        "exact": exact,
    }


def _permissions(viewer, appeal: AppealModel) -> dict:
    blocked = viewer.is_authenticated and viewer.pk != appeal.owner_id and is_blocked_either_way(viewer, appeal.owner)
    return {
        "manage": policies.can_manage_appeal(viewer, appeal),
        "report_sighting": policies.can_report_sighting(viewer, appeal, blocked_either_way=blocked),
        "offer_help": policies.can_offer_help(viewer, appeal, blocked_either_way=blocked),
        "follow": policies.can_follow_appeal(viewer, appeal, blocked_either_way=blocked),
        "following": selectors.is_following(viewer, appeal),
    }


def render_appeal(viewer, appeal: AppealModel, *, distance_km=None, full: bool = False) -> dict:
    owner = viewer.is_authenticated and viewer.pk == appeal.owner_id
    return {
        "id": str(appeal.pk),
        "kind": appeal.kind,
        "status": appeal.status,
        "resolution": appeal.resolution or None,
        "resolution_note": appeal.resolution_note,
        "title": appeal.title,
        "description": appeal.description,
        "details": appeal.details,
        "private_details": appeal.private_details if owner else None,
        "is_child": appeal.is_child,
        "child_line": announce.CHILD_LINE if appeal.is_child and appeal.is_open else None,
        "audience": appeal.audience,
        "place": _place(viewer, appeal),
        "radius_km": appeal.radius_km,
        "url": announce.appeal_url(appeal),
        "poster_url": absolute(f"/appeals/{appeal.pk}/poster/"),
        "status_id": sid(appeal.post_id),
        "account": render_account(appeal.owner),
        "photos": [{"url": absolute(p.file.url), "description": p.description} for p in appeal.photos.all()],
        "created_at": iso(appeal.created_at),
        "updated_at": iso(appeal.updated_at),
        "expires_at": iso(appeal.expires_at),
        "closed_at": iso(appeal.closed_at),
        "distance_km": None if distance_km is None else round(distance_km, 1),
        "permissions": _permissions(viewer, appeal) if full else None,
    }


def _render_update(update) -> dict:
    return {
        "id": str(update.pk),
        "text": update.text,
        "status": update.status or None,
        "resolution": update.resolution or None,
        "created_at": iso(update.created_at),
    }


def _render_sighting(sighting: Sighting) -> dict:
    return {
        "id": str(sighting.pk),
        "seen_at": iso(sighting.seen_at),
        "place_name": sighting.place_name,
        "latitude": sighting.latitude,
        "longitude": sighting.longitude,
        "note": sighting.note,
        "photo_url": absolute(sighting.photo.url) if sighting.photo else None,
        "contact": sighting.contact,
        "created_at": iso(sighting.created_at),
        "account": render_account(sighting.author),
    }


def _render_offer(offer: HelpOffer) -> dict:
    return {
        "id": str(offer.pk),
        "message": offer.message,
        "blood_group": offer.blood_group,
        "contact": offer.contact,
        "state": offer.state,
        "created_at": iso(offer.created_at),
        "account": render_account(offer.author),
    }


def _visible(viewer, appeal_id) -> AppealModel:
    pk = object_id(appeal_id)
    if pk is None:
        raise selectors.appeal_not_found()
    return selectors.appeal_get_visible(viewer, pk)


def _single(request, appeal: AppealModel):
    appeal = selectors.appeal_get_visible(request.auth, appeal.pk)  # fresh, with owner and post
    return json_response(render_appeal(request.auth, appeal, full=True))


def _files(request, *names: str) -> list:
    load_form(request)
    return [f for name in names for f in request.FILES.getlist(name)]


def _parse_moment(value: str | None):
    if not value:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise ServiceError(_("Give the moment as a date and time (ISO 8601)."), field="seen_at", code="invalid")
    return make_aware(moment) if is_naive(moment) else moment


# --- lists (static paths first: they must not be read as an appeal id) --------------------------------


@router.get("/v1/appeals/near", response={200: list[Appeal]}, auth=anyone(READ))
def near(request, query: Query[AppealNearQuery]):
    """Open appeals within a radius of a point (or of a town), nearest first; `kind[]` and `status[]` filter."""
    where = services.resolve_place(place=query.place, latitude=query.latitude, longitude=query.longitude)
    if where is None:
        raise ServiceError(_("Say where: a town, or coordinates."), field="place", code="place_required")
    found = selectors.appeals_near(
        request.auth,
        latitude=where[2],
        longitude=where[3],
        radius_km=query.radius_km,
        kinds=query.kind or None,
        statuses=query.status or None,
        limit=query.limit,
    )
    return json_response([render_appeal(request.auth, n.appeal, distance_km=n.distance_km) for n in found])


@router.get("/v1/appeals/mine", response={200: list[Appeal]}, auth=member(READ))
def mine(request, paging: Query[PageQuery]):
    qs = selectors.appeals_of_owner(request.auth, request.auth).prefetch_related("photos")
    rows = paginate_by_id(qs, paging.page())
    return paginated(request, rows, [render_appeal(request.auth, a) for a in rows])


@router.get("/v1/appeals/places", response={200: list[AppealTown]}, auth=anyone(READ))
def places(request, q: str = ""):
    """Towns of the offline gazetteer whose name starts with `q` (`Lyon, FR` narrows to a country)."""
    found = gazetteer.search(q, limit=10)
    return json_response(
        [
            {
                "geonameid": p.geonameid,
                "name": p.name,
                "country_code": p.country_code,
                "latitude": p.latitude,
                "longitude": p.longitude,
            }
            for p in found
        ]
    )


# --- one appeal ---------------------------------------------------------------------------------------


@router.post(
    "/v1/appeals",
    response={200: Appeal},
    auth=member(WRITE),
    openapi_extra={
        "description": "JSON, or multipart with `details[field]` keys and up to four image files `photos[]`. "
        "A missing-person appeal waits for a moderator (status `pending_review`)."
    },
)
def create(request, payload: AppealCreate):
    appeal = services.appeal_create(
        request.auth,
        kind=payload.kind,
        title=payload.title,
        description=payload.description,
        details=payload.details,
        place=payload.place,
        latitude=payload.latitude,
        longitude=payload.longitude,
        exact_location_public=payload.exact_location_public,
        radius_km=payload.radius_km,
        audience=payload.audience,
        photos=_files(request, "photos[]", "photos"),
    )
    return _single(request, appeal)


@router.get("/v1/appeals/{appeal_id}", response={200: Appeal}, auth=anyone(READ))
def read(request, appeal_id: str):
    return json_response(render_appeal(request.auth, _visible(request.auth, appeal_id), full=True))


@router.patch("/v1/appeals/{appeal_id}", response={200: Appeal}, auth=member(WRITE))
def edit(request, appeal_id: str, payload: AppealEdit):
    appeal = _visible(request.auth, appeal_id)
    services.appeal_edit(request.auth, appeal, **payload.dict())
    return _single(request, appeal)


@router.post("/v1/appeals/{appeal_id}/resolve", response={200: Appeal}, auth=member(WRITE))
def resolve(request, appeal_id: str, payload: AppealResolveIn):
    appeal = _visible(request.auth, appeal_id)
    services.appeal_resolve(request.auth, appeal, resolution=payload.resolution, note=payload.note)
    return _single(request, appeal)


@router.post("/v1/appeals/{appeal_id}/withdraw", response={200: Appeal}, auth=member(WRITE))
def withdraw(request, appeal_id: str, payload: AppealNoteIn | None = None):
    appeal = _visible(request.auth, appeal_id)
    services.appeal_withdraw(request.auth, appeal, note=payload.note if payload else "")
    return _single(request, appeal)


@router.post("/v1/appeals/{appeal_id}/reconfirm", response={200: Appeal}, auth=member(WRITE))
def reconfirm(request, appeal_id: str):
    """ "Still searching": restarts the expiry clock (an expired appeal opens again)."""
    appeal = _visible(request.auth, appeal_id)
    services.appeal_reconfirm(request.auth, appeal)
    return _single(request, appeal)


@router.post("/v1/appeals/{appeal_id}/follow", response={200: Appeal}, auth=member(WRITE))
def follow(request, appeal_id: str):
    """Hear how it ends: followers are told of the resolution."""
    appeal = _visible(request.auth, appeal_id)
    services.appeal_follow(request.auth, appeal)
    return _single(request, appeal)


@router.post("/v1/appeals/{appeal_id}/unfollow", response={200: Appeal}, auth=member(WRITE))
def unfollow(request, appeal_id: str):
    appeal = _visible(request.auth, appeal_id)
    services.appeal_unfollow(request.auth, appeal)
    return _single(request, appeal)


# --- the owner's news -----------------------------------------------------------------------------------


@router.get("/v1/appeals/{appeal_id}/updates", response={200: list[AppealNews]}, auth=anyone(READ))
def updates(request, appeal_id: str):
    appeal = _visible(request.auth, appeal_id)
    return json_response([_render_update(u) for u in appeal.updates.all()])


@router.post("/v1/appeals/{appeal_id}/updates", response={200: AppealNews}, auth=member(WRITE))
def update_add(request, appeal_id: str, payload: AppealNewsIn):
    appeal = _visible(request.auth, appeal_id)
    return json_response(_render_update(services.appeal_update_add(request.auth, appeal, text=payload.text)))


# --- sightings and offers: private to the owner (and moderators for missing people) -------------------


@router.get("/v1/appeals/{appeal_id}/sightings", response={200: list[AppealSighting]}, auth=member(READ))
def sightings(request, appeal_id: str):
    appeal = _visible(request.auth, appeal_id)
    return json_response([_render_sighting(s) for s in selectors.sightings_for(request.auth, appeal)])


@router.post(
    "/v1/appeals/{appeal_id}/sightings",
    response={200: AppealSighting},
    auth=member(WRITE),
    openapi_extra={"description": "JSON, or multipart with one image file `photo`. Seen by the owner only."},
)
def sighting_create(request, appeal_id: str, payload: AppealSightingIn):
    appeal = _visible(request.auth, appeal_id)
    photos = _files(request, "photo")
    sighting = services.sighting_create(
        request.auth,
        appeal,
        note=payload.note,
        seen_at=_parse_moment(payload.seen_at),
        place=payload.place,
        latitude=payload.latitude,
        longitude=payload.longitude,
        photo=photos[0] if photos else None,
        contact=payload.contact,
    )
    return json_response(_render_sighting(sighting))


@router.delete("/v1/appeals/{appeal_id}/sightings/{sighting_id}", response={200: dict}, auth=member(WRITE))
def sighting_delete(request, appeal_id: str, sighting_id: str):
    appeal = _visible(request.auth, appeal_id)
    sighting = Sighting.objects.select_related("appeal").filter(pk=object_id(sighting_id) or 0, appeal=appeal).first()
    if sighting is None:
        raise ServiceError(_("This sighting does not exist."), status=404, code="not_found")
    services.sighting_delete(request.auth, sighting)
    return json_response({})


@router.get("/v1/appeals/{appeal_id}/offers", response={200: list[AppealOffer]}, auth=member(READ))
def offers(request, appeal_id: str):
    appeal = _visible(request.auth, appeal_id)
    return json_response([_render_offer(o) for o in selectors.offers_for(request.auth, appeal)])


@router.post("/v1/appeals/{appeal_id}/offers", response={200: AppealOffer}, auth=member(WRITE))
def offer_create(request, appeal_id: str, payload: AppealOfferIn):
    appeal = _visible(request.auth, appeal_id)
    offer = services.offer_create(
        request.auth, appeal, message=payload.message, blood_group=payload.blood_group, contact=payload.contact
    )
    return json_response(_render_offer(offer))


def _decide(request, appeal_id: str, offer_id: str, *, accept: bool):
    appeal = _visible(request.auth, appeal_id)
    offer = HelpOffer.objects.select_related("appeal", "author").filter(pk=object_id(offer_id) or 0, appeal=appeal)
    offer = offer.first()
    if offer is None:
        raise ServiceError(_("This offer does not exist."), status=404, code="not_found")
    return json_response(_render_offer(services.offer_decide(request.auth, offer, accept=accept)))


@router.post("/v1/appeals/{appeal_id}/offers/{offer_id}/accept", response={200: AppealOffer}, auth=member(WRITE))
def offer_accept(request, appeal_id: str, offer_id: str):
    return _decide(request, appeal_id, offer_id, accept=True)


@router.post("/v1/appeals/{appeal_id}/offers/{offer_id}/decline", response={200: AppealOffer}, auth=member(WRITE))
def offer_decline(request, appeal_id: str, offer_id: str):
    return _decide(request, appeal_id, offer_id, accept=False)

"""The comfort queue (our extension, not Mastodon's): ask for comfort, opt in as a comforter, the queue, claims,
« I feel comforted », private thanks, and the moderators' figures.

Every rule lives in reconfort.comfort (services, selectors, policies), the same calls as the pages. Requests asked
anonymously show a pseudonym instead of the account to everyone but the asker and moderators. Scopes are those of
statuses (a support request is a post).
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema

from reconfort.comfort import callouts, policies, selectors, services
from reconfort.comfort.models import Comforter as ComforterModel
from reconfort.comfort.models import SupportRequest as SupportRequestModel
from reconfort.comfort.models import Thanks as ThanksModel
from reconfort.core.errors import Forbidden, ServiceError

from ..auth import member
from ..entities.common import iso, sid
from ..links import absolute
from ..parsing import Flag, JsonObject, Whole, object_id
from ..responses import json_response

router = Router(tags=["comfort"])
READ, WRITE = "read:statuses", "write:statuses"


# --- schemas ----------------------------------------------------------------------------------------


class ComfortAuthor(Schema):
    name: str = Field(description="The display name, or the request's pseudonym when asked anonymously.")
    username: str | None = Field(description="None when the request is shown under a pseudonym.")
    account_id: str | None
    anonymous: bool


class ComfortClaim(Schema):
    expires_at: str


class SupportRequest(Schema):
    id: str
    status_id: str = Field(description="The post of kind support_request; reply to it to comfort.")
    topic: str
    language: str
    audience: str
    author: ComfortAuthor
    content: str = Field(description="The post's HTML.")
    kind_replies: int
    comforted: bool
    urgent: bool = Field(description="Moved to the top of the queue by the safety net.")
    created_at: str
    claim: ComfortClaim | None = Field(description="The viewer's own open claim on this request, if any.")
    url: str


class SupportRequestIn(JsonObject):
    text: str
    topic: str = Field("other", description="grief, illness, loneliness, new_parenthood, anxiety or other.")
    language: str | None = Field(None, description="fr or en; the member's language when absent.")
    audience: str = Field("public", description="public, unlisted or private (followers).")
    anonymous: Flag = Field(
        False,
        description="Shown under a pseudonym to everyone but the asker and moderators, everywhere (its statuses' "
        "account is then `anon-<post id>`). Public or unlisted only: with `private` it is refused (422).",
    )


class ComfortCall(Schema):
    language: str = Field(description="Someone was waiting for comfort in this language; nothing else is told.")
    created_at: str


class ComforterProfile(Schema):
    active: bool
    languages: list[str]
    topics: list[str] = Field(description="Empty: every topic.")
    guide_read_at: str | None
    on_call: bool = Field(description="Call-outs: a notification when someone in these languages has waited.")
    call_from_hour: int = Field(description="Local hour (0-23) from which calls may come, in time_zone.")
    call_until_hour: int = Field(description="Local hour (0-23) until which calls may come; equal hours: any hour.")
    time_zone: str = Field(description="The account's time zone (changed in the account's settings).")
    last_call: ComfortCall | None = Field(description="The latest call-out (not listed as a Mastodon notification).")


class ComforterIn(JsonObject):
    languages: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    guide_read: Flag = Field(False, description="The member confirms having read the guide (required to opt in).")
    active: Flag = Field(True, description="False: leave the comfort queue.")
    on_call: Flag | None = Field(None, description="Be called when someone has waited; absent: unchanged.")
    call_from_hour: Whole | None = Field(None, description="0-23, local; absent: unchanged (9 at first).")
    call_until_hour: Whole | None = Field(None, description="0-23, local; absent: unchanged (21 at first).")


class ThanksIn(JsonObject):
    account_id: str = Field(description="Someone who replied to the request.")
    text: str = Field(description="At most 500 characters; only they will see it.")


class ThanksOut(Schema):
    id: str
    request_id: str
    recipient_id: str
    text: str
    created_at: str


class ComfortDay(Schema):
    day: str
    language: str
    requests: int
    median_minutes: float | None = Field(description="Median minutes to the first kind reply.")
    p90_minutes: float | None
    within_1h: float | None = Field(description="Share of the day's requests answered within an hour (0 to 1).")
    within_24h: float | None
    waiting: int = Field(description="Requests still waiting for a first kind reply.")
    calls: int = Field(description="Call-outs sent to on-call comforters.")
    calls_claimed: int = Field(description="Call-outs after which the comforter claimed a request within 30 minutes.")


# --- rendering ---------------------------------------------------------------------------------------


def render_request(viewer, request: SupportRequestModel) -> dict:
    shown = selectors.author_shown(viewer, request)
    claim = selectors.open_claim(viewer, request)
    return {
        "id": str(request.pk),
        "status_id": sid(request.post_id),
        "topic": request.topic,
        "language": request.language,
        "audience": request.audience,
        "author": {
            "name": shown.name,
            "username": shown.username,
            "account_id": sid(shown.account_id) if shown.account_id else None,
            "anonymous": shown.anonymous,
        },
        "content": request.post.content_html,
        "kind_replies": request.kind_replies,
        "comforted": request.comforted_at is not None,
        "urgent": request.risk == 0,
        "created_at": iso(request.created_at),
        "claim": {"expires_at": iso(claim.expires_at)} if claim else None,
        "url": absolute(reverse("comfort:detail", args=[request.pk])),
    }


def render_comforter(user, comforter: ComforterModel | None) -> dict:
    call = selectors.last_call(user)
    return {
        "active": bool(comforter and comforter.active),
        "languages": list(comforter.languages) if comforter else [],
        "topics": list(comforter.topics) if comforter else [],
        "guide_read_at": iso(comforter.guide_read_at) if comforter else None,
        "on_call": bool(comforter and comforter.on_call),
        "call_from_hour": comforter.call_from_hour if comforter else 9,
        "call_until_hour": comforter.call_until_hour if comforter else 21,
        "time_zone": user.time_zone,
        "last_call": {"language": call.language, "created_at": iso(call.created_at)} if call else None,
    }


def render_thanks(thanks: ThanksModel) -> dict:
    return {
        "id": str(thanks.pk),
        "request_id": str(thanks.request_id),
        "recipient_id": str(thanks.recipient_id),
        "text": thanks.text,
        "created_at": iso(thanks.created_at),
    }


def _visible(viewer, request_id) -> SupportRequestModel:
    pk = object_id(request_id)
    if pk is None:
        raise selectors.request_not_found()
    return selectors.request_get_visible(viewer, pk)


def _single(viewer, request: SupportRequestModel):
    return json_response(render_request(viewer, selectors.request_get_visible(viewer, request.pk)))


# --- the queue ---------------------------------------------------------------------------------------


@router.get("/v1/comfort/queue", response={200: list[SupportRequest]}, auth=member(READ))
def queue(request, limit: int = 20):
    """Requests waiting for comfort in the comforter's languages (and topics), most urgent then oldest first.
    Requests claimed by another comforter are left out until the claim ends."""
    if selectors.active_comforter(request.auth) is None:
        raise Forbidden(_("Become a comforter first."), code="not_comforter")
    items = selectors.queue_for(request.auth, limit=max(1, min(limit, 40)))
    return json_response([render_request(request.auth, item) for item in items])


@router.post("/v1/comfort/requests", response={200: SupportRequest}, auth=member(WRITE))
def ask(request, payload: SupportRequestIn):
    """Ask for comfort: writes a post of kind support_request and puts it in the comfort queue."""
    created = services.support_request_ask(
        request.auth,
        text=payload.text,
        topic=payload.topic,
        language=payload.language,
        audience=payload.audience,
        anonymous=payload.anonymous,
        idempotency_key=request.headers.get("Idempotency-Key") or None,
    )
    return _single(request.auth, created)


@router.get("/v1/comfort/requests/{request_id}", response={200: SupportRequest}, auth=member(READ))
def read(request, request_id: str):
    return json_response(render_request(request.auth, _visible(request.auth, request_id)))


@router.post("/v1/comfort/requests/{request_id}/claim", response={200: SupportRequest}, auth=member(WRITE))
def claim(request, request_id: str):
    """Open a request for a few minutes (409 when another comforter holds it or it is answered; 429 with
    Retry-After past the daily limit of support requests claimed or replied to, RECONFORT_COMFORT_DAILY_CLAIMS)."""
    support_request = _visible(request.auth, request_id)
    services.claim_open(request.auth, support_request)
    return _single(request.auth, support_request)


@router.post("/v1/comfort/requests/{request_id}/release", response={200: SupportRequest}, auth=member(WRITE))
def release(request, request_id: str):
    support_request = _visible(request.auth, request_id)
    services.claim_release(request.auth, support_request)
    return _single(request.auth, support_request)


@router.post("/v1/comfort/requests/{request_id}/comforted", response={200: SupportRequest}, auth=member(WRITE))
def comforted(request, request_id: str):
    """« Je me sens réconforté·e »: the asker takes the request out of the queue."""
    support_request = _visible(request.auth, request_id)
    services.support_request_mark_comforted(request.auth, support_request)
    return _single(request.auth, support_request)


@router.post("/v1/comfort/requests/{request_id}/thanks", response={200: ThanksOut}, auth=member(WRITE))
def thanks(request, request_id: str, payload: ThanksIn):
    """A private thank-you from the asker to someone who replied (once per request and person)."""
    support_request = _visible(request.auth, request_id)
    recipient = object_id(payload.account_id)
    if recipient is None:
        raise ServiceError(_("Choose whom to thank."), field="account_id")
    sent = services.thanks_send(request.auth, support_request, recipient, text=payload.text)
    return json_response(render_thanks(sent))


@router.get("/v1/comfort/thanks", response={200: list[ThanksOut]}, auth=member(READ))
def thanks_received(request):
    """Thanks the member received: only ever their own."""
    return json_response([render_thanks(t) for t in selectors.thanks_received(request.auth, limit=40)])


# --- the comforter's profile -------------------------------------------------------------------------


@router.get("/v1/comfort/comforter", response={200: ComforterProfile}, auth=member(READ))
def comforter_read(request):
    return json_response(render_comforter(request.auth, selectors.comforter_get(request.auth)))


@router.put("/v1/comfort/comforter", response={200: ComforterProfile}, auth=member(WRITE))
def comforter_update(request, payload: ComforterIn):
    """Opt in (languages, optional topics, guide_read must be true), update, or leave (active false); choose
    call-outs (on_call, local hours)."""
    with transaction.atomic():  # the call-out choice is saved with the rest, or nothing is
        saved = services.comforter_save(
            request.auth,
            languages=payload.languages,
            topics=payload.topics,
            guide_read=payload.guide_read,
            active=payload.active,
        )
        if payload.active and (payload.on_call, payload.call_from_hour, payload.call_until_hour) != (None,) * 3:
            saved = callouts.call_settings_save(
                request.auth,
                on_call=saved.on_call if payload.on_call is None else payload.on_call,
                from_hour=saved.call_from_hour if payload.call_from_hour is None else payload.call_from_hour,
                until_hour=saved.call_until_hour if payload.call_until_hour is None else payload.call_until_hour,
            )
    return json_response(render_comforter(request.auth, saved))


# --- figures for moderators --------------------------------------------------------------------------


@router.get("/v1/comfort/stats", response={200: list[ComfortDay]}, auth=member(READ))
def stats(request, days: int = 30):
    """Per day (UTC) and language: requests, minutes to the first kind reply, answered within 1 h and 24 h."""
    if not policies.can_see_stats(request.auth):
        raise Forbidden(_("Only moderators see these figures."), code="forbidden")
    return json_response(
        [
            {
                "day": row.day.isoformat(),
                "language": row.language,
                "requests": row.requests,
                "median_minutes": row.median_minutes,
                "p90_minutes": row.p90_minutes,
                "within_1h": row.within_1h,
                "within_24h": row.within_24h,
                "waiting": row.waiting,
                "calls": row.calls,
                "calls_claimed": row.calls_claimed,
            }
            for row in selectors.stats(days=max(1, min(days, 366)))
        ]
    )

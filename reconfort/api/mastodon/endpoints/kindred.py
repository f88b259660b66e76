"""Kindred spirits (our extension): my facets, suggestions with their reasons, and the consent between two members.

The same services and selectors as the /kindred/ pages. The cause is write-only here as on the page: it is returned
to its owner alone (GET profile) and never appears in suggestions. Scopes: read:accounts / write:accounts.
"""

from __future__ import annotations

from django.conf import settings
from ninja import Field, Router, Schema

from reconfort.accounts.selectors import account_get
from reconfort.comfort.kindred import selectors, services
from reconfort.comfort.kindred.models import CauseUse
from reconfort.core.errors import NotFound

from ..auth import member
from ..entities.account import Account, render_account
from ..entities.common import iso
from ..parsing import JsonObject
from ..responses import json_response

router = Router(tags=["kindred"])
READ, WRITE = "read:accounts", "write:accounts"


class KindredProfileIn(JsonObject):
    loss: str = Field(
        description="parent, child, partner, sibling, friend, pet, perinatal, loved_one_illness, own_illness, other."
    )
    since: str = Field(description="this_year, one_to_three or longer.")
    languages: list[str] = Field(description="Languages one can talk in: fr, en.")
    region: str = ""
    cause: str = Field("", description="cancer, accident, illness, suicide, or empty. Never shown to anyone else.")
    cause_use: str = Field(
        CauseUse.PRIVATE,
        description="private (never used), match (used for matching only) or share (may be named to someone with "
        "the same cause who also chose share; never suicide).",
    )


class KindredProfileOut(Schema):
    loss: str
    since: str
    languages: list[str]
    region: str
    cause: str
    cause_use: str
    updated_at: str


class KindredSuggestion(Schema):
    account: Account
    score: int = Field(description="0–100: same loss 40, same time 30 (close 15), same cause 20, same region 10.")
    reasons: list[str] = Field(description="Whole sentences in the member's language.")


class KindredLinkOut(Schema):
    account: Account
    state: str = Field(description="pending, accepted, declined or dismissed.")
    created_at: str
    decided_at: str | None


def _profile(profile) -> dict:
    return {
        "loss": profile.loss,
        "since": profile.since,
        "languages": list(profile.languages),
        "region": profile.region,
        "cause": profile.cause,
        "cause_use": profile.cause_use,
        "updated_at": iso(profile.updated_at),
    }


def _link(link, other) -> dict:
    return {
        "account": render_account(other),
        "state": link.state,
        "created_at": iso(link.created_at),
        "decided_at": iso(link.decided_at),
    }


@router.get("/v1/comfort/kindred/profile", response={200: KindredProfileOut}, auth=member(READ))
def profile_read(request):
    """My own facets (404 when not opted in)."""
    profile = selectors.profile_of(request.auth)
    if profile is None:
        raise NotFound(services.not_opted_in_message())
    return json_response(_profile(profile))


@router.put("/v1/comfort/kindred/profile", response={200: KindredProfileOut}, auth=member(WRITE))
def profile_write(request, payload: KindredProfileIn):
    """Opt in, or change my facets."""
    return json_response(_profile(services.profile_save(request.auth, **payload.dict())))


@router.delete("/v1/comfort/kindred/profile", response={200: dict}, auth=member(WRITE))
def profile_delete(request):
    """Opt out: my facets and the requests still waiting are deleted."""
    services.profile_delete(request.auth)
    return json_response({})


@router.get("/v1/comfort/kindred/suggestions", response={200: list[KindredSuggestion]}, auth=member(READ))
def suggestions(request):
    found = selectors.suggestions(request.auth, limit=settings.RECONFORT_KINDRED_SUGGESTIONS)
    return json_response(
        [
            {"account": render_account(s.account), "score": s.score, "reasons": [str(r) for r in s.reasons]}
            for s in found
        ]
    )


@router.get("/v1/comfort/kindred/requests", response={200: list[KindredLinkOut]}, auth=member(READ))
def requests(request):
    """Requests waiting for my answer."""
    return json_response([_link(link, link.requester) for link in selectors.requests_received(request.auth)])


@router.post("/v1/comfort/kindred/{account_id}/request", response={200: KindredLinkOut}, auth=member(WRITE))
def request_(request, account_id: str):
    """Ask someone from my suggestions (if they had asked me, this says yes)."""
    other = account_get(account_id)
    link = services.kindred_request(request.auth, other)
    return json_response(_link(link, other))


@router.post("/v1/comfort/kindred/{account_id}/accept", response={200: KindredLinkOut}, auth=member(WRITE))
def accept(request, account_id: str):
    other = account_get(account_id)
    return json_response(_link(services.kindred_accept(request.auth, other), other))


@router.post("/v1/comfort/kindred/{account_id}/decline", response={200: KindredLinkOut}, auth=member(WRITE))
def decline(request, account_id: str):
    """A quiet no: the other is not told; they are never suggested to each other again."""
    other = account_get(account_id)
    return json_response(_link(services.kindred_decline(request.auth, other), other))


@router.post("/v1/comfort/kindred/{account_id}/dismiss", response={200: KindredLinkOut}, auth=member(WRITE))
def dismiss(request, account_id: str):
    """ "Not for me": the suggestion never comes back."""
    other = account_get(account_id)
    return json_response(_link(services.kindred_dismiss(request.auth, other), other))

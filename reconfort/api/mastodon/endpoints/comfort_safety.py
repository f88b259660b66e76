"""The safety net (our extension): helplines by country, and « je m'inquiète pour cette personne ».

Helplines are public data (no token needed). A worry reaches moderators only: the response says it was received
and nothing else; the person is never told, by any door. Same services as the pages (reconfort.comfort.safety).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from reconfort.comfort.safety import helplines, selectors, services
from reconfort.core.errors import ServiceError

from ..auth import anyone, member
from ..entities.common import iso, sid
from ..parsing import JsonObject
from ..responses import json_response
from .statuses import TextId, visible_post

router = Router(tags=["comfort"])


class HelplineOut(Schema):
    name: str
    number: str = Field(description="As it is written and dialled locally.")
    tel: str = Field(description="For a tel: link.")
    sms: str | None = Field(description="A number to text, when the line takes texts.")
    hours: str = Field(description="In the caller's language (French or English).")
    languages: list[str]
    about: str
    url: str


class DirectoryOut(Schema):
    name: str
    url: str
    about: str


class HelplinesOut(Schema):
    country: str | None = Field(description="ISO 3166 code; null when no country is known or it has no entry.")
    country_name: str | None
    emergency: str | None = Field(description="The emergency number of the country.")
    checked: str | None = Field(description="The day the entries were last checked (YYYY-MM-DD).")
    helplines: list[HelplineOut]
    directory: DirectoryOut = Field(description="Helplines of every other country.")


class HelplinesQuery(Schema):
    # The pattern is documentation: helplines_by_country refuses other codes with a message that shows one.
    country: str = Field(
        "",
        description="ISO 3166 code (FR, US, CA, GB, IE, BE, CH …); default: the caller's.",
        json_schema_extra={"pattern": "^([A-Za-z]{2})?$"},
    )


class PanelOut(Schema):
    id: str = Field(description="Give it to the dismiss endpoint.")
    status_id: str = Field(description="The post whose words made us show it.")
    helplines: HelplinesOut


class WorriedIn(JsonObject):
    status_id: TextId
    note: str = Field("", description="Optional, 1,000 characters at most; read by moderators only.")


class WorriedOut(Schema):
    id: str
    status_id: str
    created_at: str


def _render_helplines(code: str | None) -> dict:
    country = selectors.helplines_for(code)
    directory = helplines.directory()
    return {
        "country": country.code if country else None,
        "country_name": country.name if country else None,
        "emergency": country.emergency if country else None,
        "checked": country.checked.isoformat() if country else None,
        "helplines": [
            {
                "name": line.name,
                "number": line.number,
                "tel": line.tel,
                "sms": line.sms or None,
                "hours": line.hours,
                "languages": list(line.languages),
                "about": line.about,
                "url": line.url,
            }
            for line in (country.helplines if country else ())
        ],
        "directory": {"name": directory.name, "url": directory.url, "about": directory.about},
    }


@router.get("/v1/comfort/helplines", response={200: HelplinesOut}, auth=anyone())
def helplines_by_country(request, query: Query[HelplinesQuery]):
    """The helplines of a country (`?country=FR`), or of the caller's country (chosen, else from their time
    zone). An unknown country gives no entries and the international directory."""
    code = query.country.upper()
    if code and not re.fullmatch(r"[A-Za-z]{2}", query.country):  # as the document's pattern says
        raise ServiceError(_("Give a two-letter country code, such as FR."), field="country", code="invalid_country")
    if not code and request.auth.is_authenticated:
        code = selectors.member_country(request.auth) or ""
    return json_response(_render_helplines(code or None))


@router.get("/v1/comfort/safety_panel", response={200: PanelOut | None}, auth=member("read:accounts"))
def safety_panel(request):
    """The helplines panel the pages show the member after words that expressed a risk (null when none): for
    clients that want to show it too. Only the member themself ever sees it."""
    panel = selectors.panel_for(request.auth)
    if panel is None:
        return json_response(None)
    code = panel.country.code if panel.country else None
    return json_response(
        {"id": str(panel.signal_id), "status_id": str(panel.post_id), "helplines": _render_helplines(code)}
    )


@router.post("/v1/comfort/safety_panel/{panel_id}/dismiss", response={200: dict}, auth=member("write:accounts"))
def safety_panel_dismiss(request, panel_id: str):
    """Close the panel: not shown again for that post (nor earlier ones)."""
    services.panel_dismiss(request.auth, panel_id)
    return json_response({})


@router.post(
    "/v1/comfort/worried",
    response={200: WorriedOut},
    auth=member("write:reports"),
    openapi_extra={
        "description": "« I'm worried about this person »: tells moderators only, at the top of their queue. "
        "Nothing is sent to the person. Refused to accounts younger than RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS "
        "(403) and rate-limited (429). Asking twice about the same post returns the first one."
    },
)
def worried(request, payload: WorriedIn):
    post = visible_post(request.auth, payload.status_id)
    worry = services.worry_create(request.auth, post.reblog_of or post, note=payload.note)
    return json_response({"id": str(worry.pk), "status_id": sid(worry.post_id), "created_at": iso(worry.created_at)})

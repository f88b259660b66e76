"""POST /api/v1/apps (client registration) and GET /api/v1/apps/verify_credentials."""

from __future__ import annotations

from ninja import Router
from pydantic import field_validator

from reconfort.api.services import application_create

from ..auth import app_or_member
from ..entities.application import Application, CredentialApplication, render_application
from ..parsing import JsonObject
from ..responses import json_response

router = Router(tags=["apps"])


class AppCreate(JsonObject):
    client_name: str = ""
    redirect_uris: str | list[str] = ""
    scopes: str | list[str] = "read"
    website: str | None = ""

    @field_validator("redirect_uris", "scopes")
    @classmethod
    def _join(cls, value):
        return "\n".join(value) if isinstance(value, list) else value


@router.post("/v1/apps", response={200: CredentialApplication}, auth=None)
def create_app(request, payload: AppCreate):
    app, secret = application_create(
        name=payload.client_name,
        redirect_uris=payload.redirect_uris,
        scopes=payload.scopes if isinstance(payload.scopes, str) else " ".join(payload.scopes),
        website=payload.website or "",
    )
    return json_response(render_application(app, client_secret=secret))


@router.get("/v1/apps/verify_credentials", response={200: Application}, auth=app_or_member())
def verify_app(request):
    return json_response(render_application(request.oauth_token.application))

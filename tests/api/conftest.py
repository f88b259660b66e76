"""API test helpers: a registered app, tokens with chosen scopes, and a client that sends them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import get_access_token_model, set_token_value
from oauthlib.common import generate_token

from reconfort.api.services import application_create

from . import openapi_check


@pytest.fixture(autouse=True)
def _fresh_throttles(db):
    cache.clear()  # throttling counts live in the cache, which outlives each test's data
    yield


@pytest.fixture
def app(db):
    application, _secret = application_create(
        name="Test client", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read write follow push"
    )
    return application


def make_token(app, user, scope="read write follow push", *, expires_in=3600) -> str:
    raw = generate_token()
    token = get_access_token_model()(
        user=user, application=app, scope=scope, expires=timezone.now() + timedelta(seconds=expires_in)
    )
    set_token_value(token, raw)
    token.save()
    return raw


class ApiClient(Client):
    """Django's test client with a bearer token and JSON helpers."""

    def __init__(self, token: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.token = token

    def request(self, **request):
        if self.token:
            request.setdefault("HTTP_AUTHORIZATION", f"Bearer {self.token}")
        response = super().request(**request)
        openapi_check.check(request["REQUEST_METHOD"], request["PATH_INFO"], response)
        return response

    def post_json(self, path, data=None, **extra):
        return self.post(path, json.dumps(data or {}), content_type="application/json", **extra)

    def put_json(self, path, data=None, **extra):
        return self.put(path, json.dumps(data or {}), content_type="application/json", **extra)

    def patch_json(self, path, data=None, **extra):
        return self.patch(path, json.dumps(data or {}), content_type="application/json", **extra)


@pytest.fixture
def api_for(app):
    """api_for(member, scope=...) → a client acting for that member."""

    def build(member=None, scope="read write follow push"):
        return ApiClient(make_token(app, member, scope) if member is not None else None)

    return build


@pytest.fixture
def api(api_for, user):
    return api_for(user)


@pytest.fixture
def anon():
    return ApiClient()

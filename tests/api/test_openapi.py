"""The OpenAPI document covers every route, and real responses match the schemas it publishes."""

import io

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reconfort.accounts.services import follow_create
from reconfort.api.mastodon.api import api as ninja_api
from reconfort.posts import services as post_services
from tests.factories import make_post


@pytest.fixture
def openapi(anon, db):
    response = anon.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def _registered_routes():
    for prefix, router in ninja_api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    yield method.lower(), "/api" + ("/" + (prefix.strip("/") + "/" + path.strip("/")).strip("/"))


def test_every_route_is_documented(openapi):
    routes = list(_registered_routes())
    assert len(routes) > 50
    missing = [(m, p) for m, p in routes if m not in openapi["paths"].get(p, {})]
    assert missing == []


def _validator(openapi, method, path, status="200"):
    schema = openapi["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
    return lambda instance: jsonschema.validate(instance, {**schema, "components": openapi["components"]})


def test_responses_match_the_schemas(openapi, api_for, user, other):
    follow_create(user, other)
    buf = io.BytesIO()
    Image.new("RGB", (30, 20), "#123456").save(buf, format="PNG")
    client = api_for(user)
    media = client.post("/api/v2/media", {"file": SimpleUploadedFile("a.png", buf.getvalue())}).json()
    post = make_post(other, "Une pensée #espoir @marie")
    post_services.gesture_add(user, post, "candle")
    post_services.post_reblog(user, post)
    reply = client.post("/api/v1/statuses", {"status": "Merci", "in_reply_to_id": post.pk, "media_ids[]": media["id"]})

    checks = [
        ("get", "/api/v1/timelines/home", client.get("/api/v1/timelines/home")),
        ("get", "/api/v1/timelines/public", client.get("/api/v1/timelines/public")),
        ("post", "/api/v1/statuses", reply),
        ("get", "/api/v1/statuses/{status_id}/context", client.get(f"/api/v1/statuses/{post.pk}/context")),
        ("get", "/api/v1/statuses/{status_id}/history", client.get(f"/api/v1/statuses/{post.pk}/history")),
        ("get", "/api/v1/accounts/verify_credentials", client.get("/api/v1/accounts/verify_credentials")),
        ("get", "/api/v1/accounts/{account_id}", client.get(f"/api/v1/accounts/{other.pk}")),
        ("get", "/api/v1/accounts/relationships", client.get("/api/v1/accounts/relationships", {"id[]": other.pk})),
        ("get", "/api/v1/notifications", api_for(other).get("/api/v1/notifications")),
        ("get", "/api/v1/instance", client.get("/api/v1/instance")),
        ("get", "/api/v2/instance", client.get("/api/v2/instance")),
        ("get", "/api/v2/search", client.get("/api/v2/search", {"q": "esp"})),
        ("post", "/api/v1/apps", client.post("/api/v1/apps", {"client_name": "A", "redirect_uris": "https://a.b/c"})),
        ("get", "/api/v1/markers", client.get("/api/v1/markers")),
        (
            "get",
            "/api/v1/pleroma/statuses/{status_id}/reactions",
            api_for(other).get(f"/api/v1/pleroma/statuses/{post.pk}/reactions"),
        ),
    ]
    for method, path, response in checks:
        assert response.status_code == 200, (path, response.content)
        _validator(openapi, method, path)(response.json())
    assert api_for(other).get("/api/v1/notifications").json(), "notifications were produced and validated"

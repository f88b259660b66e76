import base64
import hashlib
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from tests.factories import PASSWORD

REDIRECT = "https://client.example/callback"


def _register(client: Client, redirect_uris=REDIRECT, scopes="read write follow") -> dict:
    response = client.post("/api/v1/apps", {"client_name": "Tusky", "redirect_uris": redirect_uris, "scopes": scopes})
    assert response.status_code == 200, response.content
    return response.json()


def _pkce() -> tuple[str, str]:
    verifier = "v" * 20 + "erifier-of-enough-length-0123456789"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def _authorize(client: Client, app: dict, *, redirect_uri=REDIRECT, scope="read write", challenge=None, state="s1"):
    params = {"response_type": "code", "client_id": app["client_id"], "redirect_uri": redirect_uri, "scope": scope}
    if state:
        params["state"] = state
    if challenge:
        params.update(code_challenge=challenge, code_challenge_method="S256")
    page = client.get("/oauth/authorize", params)
    assert page.status_code == 200, page.content
    form = {
        name: value
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.content.decode())
    }
    form["allow"] = "Authorize"
    return client.post("/oauth/authorize", form)


def _token(client: Client, data: dict, *, as_json=False):
    if as_json:
        return client.post("/oauth/token", json.dumps(data), content_type="application/json")
    return client.post("/oauth/token", data)


def test_apps_registration_returns_credentials(client, db):
    app = _register(client)
    assert {"id", "name", "website", "redirect_uri", "client_id", "client_secret", "vapid_key", "scopes"} <= set(app)
    assert app["scopes"] == ["read", "write", "follow"] and app["redirect_uri"] == REDIRECT
    json_app = client.post(
        "/api/v1/apps",
        json.dumps({"client_name": "Ivory", "redirect_uris": [REDIRECT, "ivory://auth"], "scopes": "read"}),
        content_type="application/json",
    ).json()
    assert json_app["redirect_uris"] == [REDIRECT, "ivory://auth"]


@pytest.mark.parametrize(
    "body",
    [
        {"redirect_uris": REDIRECT},
        {"client_name": "X", "redirect_uris": ""},
        {"client_name": "X", "redirect_uris": "javascript:alert(1)"},
        {"client_name": "X", "redirect_uris": REDIRECT, "scopes": "read admin:everything"},
        {"client_name": "X", "redirect_uris": REDIRECT, "website": "not a url"},
    ],
)
def test_apps_registration_refusals(client, db, body):
    response = client.post("/api/v1/apps", body)
    assert response.status_code == 422 and response.json()["error"]


def test_authorization_code_with_pkce_refresh_and_revoke(client, user):
    app = _register(client)
    page = client.get("/oauth/authorize", {"response_type": "code", "client_id": app["client_id"],
                                           "redirect_uri": REDIRECT, "scope": "read"})  # fmt: skip
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]
    client.force_login(user)
    verifier, challenge = _pkce()
    response = _authorize(client, app, challenge=challenge)
    assert response.status_code == 302
    query = parse_qs(urlparse(response["Location"]).query)
    assert response["Location"].startswith(REDIRECT) and query["state"] == ["s1"]
    code = query["code"][0]
    token_request = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                     "client_id": app["client_id"], "client_secret": app["client_secret"]}  # fmt: skip
    wrong = _token(Client(), {**token_request, "code_verifier": "w" * 50})
    assert wrong.status_code == 400
    _authorize(client, app, challenge=challenge)  # the failed try used up the first code
    code = parse_qs(urlparse(_authorize(client, app, challenge=challenge)["Location"]).query)["code"][0]
    tokens = _token(Client(), {**token_request, "code": code, "code_verifier": verifier})
    assert tokens.status_code == 200, tokens.content
    tokens = tokens.json()
    assert tokens["scope"] == "read write" and tokens["token_type"] == "Bearer" and tokens["created_at"] > 0
    api = Client(HTTP_AUTHORIZATION=f"Bearer {tokens['access_token']}")
    assert api.get("/api/v1/accounts/verify_credentials").json()["username"] == "marie"

    refreshed = _token(
        Client(),
        {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"], "client_id": app["client_id"],
         "client_secret": app["client_secret"]},
        as_json=True,
    )  # fmt: skip
    assert refreshed.status_code == 200, refreshed.content
    new_token = refreshed.json()["access_token"]
    api = Client(HTTP_AUTHORIZATION=f"Bearer {new_token}")
    assert api.get("/api/v1/accounts/verify_credentials").status_code == 200

    revoked = Client().post(
        "/oauth/revoke", {"token": new_token, "client_id": app["client_id"], "client_secret": app["client_secret"]}
    )
    assert revoked.status_code == 200
    assert api.get("/api/v1/accounts/verify_credentials").status_code == 401


def test_out_of_band_code_is_shown_on_the_page(client, user):
    app = _register(client, redirect_uris="urn:ietf:wg:oauth:2.0:oob")
    client.force_login(user)
    page = _authorize(client, app, redirect_uri="urn:ietf:wg:oauth:2.0:oob", scope="read", state=None)
    assert page.status_code == 200
    code = re.search(r'id="oob-code"[^>]*value="([^"]+)"', page.content.decode()).group(1)
    tokens = _token(Client(), {"grant_type": "authorization_code", "code": code,
                               "redirect_uri": "urn:ietf:wg:oauth:2.0:oob", "client_id": app["client_id"],
                               "client_secret": app["client_secret"]})  # fmt: skip
    assert tokens.status_code == 200, tokens.content


def test_scopes_beyond_the_apps_registration_are_refused(client, user):
    app = _register(client, scopes="read")
    client.force_login(user)
    page = client.get("/oauth/authorize", {"response_type": "code", "client_id": app["client_id"],
                                           "redirect_uri": REDIRECT, "scope": "read write"})  # fmt: skip
    assert page.status_code == 302 and "error=invalid_scope" in page["Location"]


def test_client_credentials_token_for_the_app(client, db):
    app = _register(client)
    tokens = _token(client, {"grant_type": "client_credentials", "client_id": app["client_id"],
                             "client_secret": app["client_secret"], "scope": "read"})  # fmt: skip
    assert tokens.status_code == 200, tokens.content
    api = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.json()['access_token']}")
    assert api.get("/api/v1/apps/verify_credentials").json()["name"] == "Tusky"
    assert api.get("/api/v1/timelines/public").status_code == 200


def test_password_grant_is_off_by_default_and_on_with_the_setting(client, user, settings):
    app = _register(client)
    body = {"grant_type": "password", "username": "marie", "password": PASSWORD, "client_id": app["client_id"],
            "client_secret": app["client_secret"], "scope": "read"}  # fmt: skip
    refused = _token(client, body)
    assert refused.status_code in (400, 401) and "access_token" not in refused.json()
    metadata = client.get("/.well-known/oauth-authorization-server").json()
    assert "password" not in metadata["grant_types_supported"]
    settings.RECONFORT_OAUTH_PASSWORD_GRANT = True
    allowed = _token(client, body)
    assert allowed.status_code == 200, allowed.content
    assert "password" in client.get("/.well-known/oauth-authorization-server").json()["grant_types_supported"]
    wrong = _token(client, {**body, "password": "nope"})
    assert wrong.status_code == 400


def test_server_metadata(client, db):
    data = client.get("/.well-known/oauth-authorization-server").json()
    assert data["authorization_endpoint"] == "http://testserver/oauth/authorize"
    assert data["token_endpoint"] == "http://testserver/oauth/token"
    assert data["revocation_endpoint"] == "http://testserver/oauth/revoke"
    assert data["app_registration_endpoint"] == "http://testserver/api/v1/apps"
    assert {"read", "write:statuses", "follow"} <= set(data["scopes_supported"])
    assert data["code_challenge_methods_supported"] == ["S256"]
    assert set(data["grant_types_supported"]) == {"authorization_code", "client_credentials", "refresh_token"}

"""Request-wide behaviour: oversized bodies get 413 before anything reads them; language and time zone."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD


@pytest.fixture
def small_limit(settings):
    settings.RECONFORT_MAX_BODY_BYTES = 1000
    return 1000


def test_oversized_api_request_gets_413_json(small_limit, db):
    response = Client().post(
        "/api/v1/statuses", data=json.dumps({"status": "x" * 2000}), content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["error"]


def test_oversized_oauth_request_gets_413_json(small_limit, db):
    response = Client().post("/oauth/token", data={"grant_type": "x" * 2000})
    assert response.status_code == 413
    assert "error" in response.json()


@pytest.mark.parametrize(
    "languages, expected",
    [(["fr", "en"], "The request is too large."), (["en", "fr"], "La requête est trop volumineuse.")],
)
def test_oversized_page_request_gets_413_text_in_the_visitors_language(small_limit, db, languages, expected):
    client = Client()
    # The first request leaves its language behind in the thread; the second must not inherit it.
    for language in languages:
        response = client.post("/accounts/login/", data={"username": "x" * 2000}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == expected


def test_a_body_within_the_limit_goes_through(small_limit, db):
    response = Client().post("/api/v1/statuses", data={"status": "court"})
    assert response.status_code != 413


def test_a_lying_content_length_is_not_trusted_blindly(small_limit, db):
    response = Client().generic("POST", "/api/v1/statuses", b"", CONTENT_LENGTH="not-a-number")
    assert response.status_code != 500


def test_accept_language_chooses_the_interface_language(db):
    assert Client().get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")["Content-Language"] == "en"
    assert Client().get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.8")["Content-Language"] == "fr"


def test_the_members_profile_language_wins_over_the_browser(other):
    client = Client()
    assert client.login(username=other.username, password=PASSWORD)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == other.language == "en"


def test_the_members_time_zone_is_active_during_their_request(user, rf):
    from reconfort.core.middleware import UserTimezoneMiddleware

    seen = {}

    def view(request):
        seen["tz"] = timezone.get_current_timezone_name()
        return None

    request = rf.get("/")
    request.user = user
    UserTimezoneMiddleware(view)(request)
    assert seen["tz"] == user.time_zone == "Europe/Paris"


@pytest.mark.parametrize("path", ["/memorials/abc123/imports/", "/api/v1/memorials/abc123/imports"])
def test_archive_imports_have_their_own_larger_limit(small_limit, settings, db, path):
    """A real archive is far bigger than any post: the import path gets RECONFORT_IMPORT_MAX_BYTES instead."""
    settings.RECONFORT_IMPORT_MAX_BYTES = 5000
    within = Client().post(path, data={"archive": "x" * 3000})
    beyond = Client().post(path, data={"archive": "x" * 6000})
    assert within.status_code != 413  # refused further on (no such memorial, not signed in), not for its size
    assert beyond.status_code == 413


def test_the_larger_limit_is_only_for_imports(small_limit, settings, db):
    settings.RECONFORT_IMPORT_MAX_BYTES = 5000
    response = Client().post("/memorials/abc123/imports/extra/", data={"archive": "x" * 3000})
    assert response.status_code == 413

"""What the API fuzzing (tests/security/test_fuzzing.py) found, each kept as a plain test."""

from __future__ import annotations

from django.test import Client

from reconfort.api.mastodon.api import api as ninja_api
from tests.factories import UserFactory

MARKERS = "/api/v1/markers"


def _document() -> dict:
    return ninja_api.get_openapi_schema()


def test_multipart_without_a_boundary_is_a_bad_request_not_a_server_error(api):
    # It answered 500 (MultiPartParserError) where a file is read.
    response = api.generic("POST", "/api/v1/media", b"--x--", content_type="multipart/form-data")
    assert response.status_code == 400 and response.json()["error"]


def test_a_json_null_body_is_no_body(api, other):
    # Optional body (anyOf [MuteIn, null] in the document): it was refused with 400.
    muted = api.generic("POST", f"/api/v1/accounts/{other.pk}/mute", b"null", content_type="application/json")
    assert muted.status_code == 200 and muted.json()["muting"] is True
    # A body the operation needs is not there: refused (it was read as an empty object and saved nothing).
    assert api.generic("POST", MARKERS, b"null", content_type="application/json").status_code == 422


def test_a_nested_object_must_be_an_object(api, user):
    # ninja's Schema read any value's attributes: [null, null], 5 or "text" became an empty object (200).
    for value in ([None, None], 5, "text"):
        assert api.post_json(MARKERS, {"notifications": value}).status_code == 422, value
        assert api.patch_json("/api/v1/accounts/update_credentials", {"source": value}).status_code == 422, value
    saved = api.patch_json("/api/v1/accounts/update_credentials", {"source": {"note": "Ici pour ma sœur."}})
    assert saved.status_code == 200 and saved.json()["source"]["note"] == "Ici pour ma sœur."


def test_json_booleans_and_numbers_keep_their_json_type(api, user):
    # pydantic's lax mode read 0 as false and "10" as 10 in JSON bodies, which the document calls invalid.
    anniversaries = "/api/v1/memorials/anniversaries"
    assert api.put_json(anniversaries, {"never": 0}).status_code == 422
    assert api.put_json(anniversaries, {"never": "true"}).status_code == 422
    assert api.put_json(anniversaries, {"never": True}).json() == {"never": True}
    assert api.put_json("/api/v1/comfort/comforter", {"active": 0}).status_code == 422
    assert api.put_json("/api/v1/comfort/comforter", {"call_from_hour": "9"}).status_code == 422
    assert api.put_json("/api/v1/comfort/comforter", {"call_from_hour": True}).status_code == 422


def test_forms_still_send_their_booleans_and_numbers_as_text(api, user):
    form = "application/x-www-form-urlencoded"
    response = api.put("/api/v1/memorials/anniversaries", "never=true", content_type=form)
    assert response.status_code == 200 and response.json() == {"never": True}
    response = api.post(f"/api/v1/accounts/{UserFactory(username='zoe').pk}/mute", {"notifications": "false"})
    assert response.status_code == 200 and response.json()["muting_notifications"] is False


def test_the_document_lists_the_errors_each_operation_answers():
    document = _document()
    assert document["components"]["schemas"]["Error"]["required"] == ["error"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            statuses = {int(s) for s in operation["responses"]}
            label = f"{method.upper()} {path}"
            assert 400 in statuses, label  # a NUL character anywhere in the request
            if operation.get("security"):
                assert {401, 403, 422} <= statuses, label
            if "{" in path:
                assert 404 in statuses, label
            if "requestBody" in operation:
                assert 413 in statuses, label
            if method in ("post", "put", "patch", "delete"):
                assert {409, 429} <= statuses, label
    too_many = document["paths"]["/api/v1/statuses"]["post"]["responses"][429]
    assert "Retry-After" in too_many["headers"]


def test_optional_authentication_is_documented_as_optional():
    paths = _document()["paths"]
    assert paths["/api/v1/timelines/public"]["get"]["security"] == [{"TokenAuth": []}, {}]
    assert paths["/api/v1/statuses/{status_id}"]["get"]["security"] == [{"TokenAuth": []}, {}]
    assert paths["/api/v1/timelines/home"]["get"]["security"] == [{"TokenAuth": []}]
    assert "security" not in paths["/api/v1/instance"]["get"]


def test_the_bench_endpoints_document_their_404_when_switched_off(db, settings):
    settings.RECONFORT_BENCH_ENDPOINTS = False
    assert Client().get("/api/bench/f0").status_code == 404
    assert 404 in _document()["paths"]["/api/bench/f0"]["get"]["responses"]


def test_numbers_in_query_strings_are_decimal_ids_of_a_sensible_size(api):
    # A search by an account id past 64 bits reached the database (an overflow there); ids are now 18 digits.
    for params in ({"account_id": "9" * 30}, {"max_id": "-1"}, {"limit": "ten"}, {"offset": "1e3"}):
        response = api.get("/api/v2/search", {"q": "bonjour", "type": "statuses", **params})
        assert response.status_code == 422, (params, response.status_code)
    assert api.get("/api/v2/search", {"q": "bonjour", "account_id": "12", "limit": "5"}).status_code == 200
    assert api.get("/api/v1/timelines/home", {"max_id": "9" * 19}).status_code == 422
    assert api.get("/api/v1/timelines/home", {"max_id": "", "limit": "-3"}).status_code == 200


def test_profile_values_are_checked_wherever_they_are_sent(api, user):
    update = "/api/v1/accounts/update_credentials"
    # "" fell back to source.language and was accepted (the document lists fr and en only).
    assert api.patch_json(update, {"language": ""}).status_code == 422
    # A source.note the top-level note overrides was not checked at all.
    assert api.patch_json(update, {"note": "Bonjour", "source": {"note": "x" * 501}}).status_code == 422
    assert api.patch_json(update, {"time_zone": ""}).status_code == 422
    saved = api.patch_json(update, {"language": "en", "time_zone": "Europe/Paris", "display_name": "M" * 60})
    assert saved.status_code == 200 and saved.json()["display_name"] == "M" * 60


def test_a_marker_is_a_positive_id(api, user):
    for value in (0, True, "0", "  ", 2.5):
        assert api.post_json(MARKERS, {"home": {"last_read_id": value}}).status_code == 422, value
    assert api.post_json(MARKERS, {"home": {"last_read_id": 7}}).json()["home"]["last_read_id"] == "7"
    assert api.post_json(MARKERS, {"home": {"last_read_id": " 8 "}}).json()["home"]["last_read_id"] == "8"


def test_a_hashtag_is_100_characters_as_sent(api, user):
    padded = "réconfort" + " " * 92  # 101 characters: trimmed, it would have passed
    assert api.post(f"/api/v1/tags/{padded}/follow").status_code == 422
    assert api.post_json("/api/v1/featured_tags", {"name": padded}).status_code == 422
    assert api.post("/api/v1/tags/%23réconfort/follow").json()["following"] is True


def test_the_document_states_the_values_it_takes():
    paths = _document()["paths"]
    emoji = paths["/api/v1/pleroma/statuses/{status_id}/reactions/{emoji}"]["put"]["parameters"][1]["schema"]
    assert {"🫂", "🕯️", "🕯", "🙏", "💐", "❤️", "❤"} == set(emoji["enum"])
    search = {p["name"]: p["schema"] for p in paths["/api/v2/search"]["get"]["parameters"]}
    assert "hashtags" in search["type"]["anyOf"][0]["enum"]
    media = paths["/api/v2/media"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert "file" in media["required"]


def test_a_country_code_is_two_latin_letters_as_sent(anon):
    # "ﬀ" (a ligature) became "FF" once upper-cased, and " fr" was trimmed: the document says two letters.
    for country in ("ﬀ", " fr", "ß"):
        assert anon.get("/api/v1/comfort/helplines", {"country": country}).status_code == 422, country
    assert anon.get("/api/v1/comfort/helplines", {"country": "be"}).json()["country"] == "BE"

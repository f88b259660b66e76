"""Reference endpoints for the benchmark, and bad input of every kind: always a JSON error, never a 500."""

import json

from reconfort.accounts.models import User
from reconfort.posts.models import Post
from tests.api.conftest import make_token
from tests.factories import make_post


def test_bench_endpoints_are_off_by_default(anon, db):
    assert anon.get("/api/bench/f0").status_code == 404
    assert anon.get("/api/bench/f1", {"account": 1}).status_code == 404


def test_bench_f0_and_f1(anon, user, other, settings):
    settings.RECONFORT_BENCH_ENDPOINTS = True
    settings.RECONFORT_RATE_LIMITS_ENABLED = False
    assert anon.get("/api/bench/f0").json() == {"hello": "world"}
    posts = [make_post(user, f"Public {i}") for i in range(22)]
    make_post(user, "Privé", visibility="private")
    make_post(other, "Autre")
    data = anon.get("/api/bench/f1", {"account": user.pk}).json()
    assert [s["id"] for s in data] == [str(p.pk) for p in reversed(posts)][:20]
    assert anon.get("/api/bench/f1", {"account": "x"}).json() == []


def test_unknown_api_paths_and_methods_answer_json(anon, db):
    missing = anon.get("/api/v1/nothing/here")
    assert missing.status_code == 404 and missing.json()["error"]
    wrong_method = anon.delete("/api/v1/instance")
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]


def test_oversized_body_is_413(api, settings):
    settings.RECONFORT_MAX_BODY_BYTES = 1000
    response = api.post("/api/v1/statuses", json.dumps({"status": "x" * 2000}), content_type="application/json")
    assert response.status_code == 413 and response.json()["error"]
    assert Post.objects.count() == 0


def test_registrations_from_one_address_are_limited(anon, app):
    anon.token = make_token(app, None, "read write")
    password = "une phrase assez longue"
    codes = [
        anon.post(
            "/api/v1/accounts",
            {"username": f"u{i}", "email": f"u{i}@example.org", "password": password, "agreement": "1"},
        ).status_code
        for i in range(6)
    ]
    assert codes == [200] * 5 + [429]
    last = anon.post(
        "/api/v1/accounts", {"username": "u9", "email": "u9@example.org", "password": password, "agreement": "1"}
    )
    assert last.status_code == 429 and last.json()["error"] and int(last["Retry-After"]) > 0
    assert User.objects.count() == 5


FUZZ_BODIES = [
    b"",
    b"null",
    b"[]",
    b'"text"',
    b"12",
    b'{"status": null}',
    b'{"status": ["a", "b"]}',
    b'{"status": {"nested": true}}',
    b'{"media_ids": "1"}',
    b'{"media_ids": [null]}',
    b'{"in_reply_to_id": {"x": 1}}',
    b'{"visibility": 3}',
    b'{"sensitive": "maybe"}',
    b"\xff\xfe\xfd",
    b'{"status": "\\ud800"}',
    b'{"status": "a\\u0000b"}',
    b"status=a%00b",
    b'{"status": "' + b"a" * 50000 + b'"}',
]


def test_fuzzed_status_bodies_never_500(api):
    for content_type in ("application/json", "application/x-www-form-urlencoded", "text/html"):
        for body in FUZZ_BODIES:
            response = api.post("/api/v1/statuses", body, content_type=content_type)
            assert response.status_code < 500, (content_type, body[:40], response.content)
            if response.status_code >= 400:
                assert isinstance(response.json()["error"], str)


FUZZ_PATHS = [
    "/api/v1/accounts/%00",
    "/api/v1/accounts/1e9999/statuses",
    "/api/v1/statuses/%F0%9F%95%AF/context",
    "/api/v1/timelines/tag/%23%23%23",
    "/api/v1/timelines/tag/" + "a" * 500,
    "/api/v1/accounts/lookup?acct=%00",
    "/api/v1/notifications?types[]=%00&limit=-5",
    "/api/v2/search?q=" + "%25" * 200,
    "/api/v1/accounts/relationships?id[]=9999999999999999999999",
    "/api/v1/markers?timeline[]=nope",
    "/api/v1/pleroma/statuses/1/reactions/%00",
    "/api/v1/timelines/public?local=perhaps",
]


def test_fuzzed_paths_never_500(api, user):
    make_post(user, "Bonjour")
    for path in FUZZ_PATHS:
        response = api.get(path)
        assert response.status_code < 500, (path, response.content)
        assert response["Content-Type"].startswith("application/json"), path


def test_a_trailing_slash_is_accepted(anon, db):
    assert anon.get("/api/v1/instance/").json()["title"]
    assert anon.get("/api/v1/nothing/").status_code == 404

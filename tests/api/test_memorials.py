"""The memorials API: the same rules as the pages, by role (anonymous, member, steward, editor, author, moderator),
archive imports with progress, and `memorial: true` on the Mastodon Account of a memorialised member."""

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from reconfort.accounts.models import Role
from reconfort.memorials import selectors as memorial_selectors
from reconfort.memorials import services
from reconfort.memorials.models import ArchiveImport, Memorial, Tribute
from tests.factories import UserFactory, make_post
from tests.memorials.archive_builders import tweet, twitter_zip

BASE = "/api/v1/memorials"


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()


@pytest.fixture
def openapi(anon, db):
    return anon.get("/api/openapi.json").json()


def check_schema(openapi, method, path, body):
    schema = openapi["paths"]["/api" + path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.validate(body, {**schema, "components": openapi["components"]})


def create(api, **fields) -> dict:
    body = {"full_name": "Yann Le Gall", "death_date": "2024-02-10", "listed": True, "languages": ["fr"], **fields}
    response = api.post_json(BASE, body)
    assert response.status_code == 200, response.content
    return response.json()


def published(api, **fields) -> dict:
    data = create(api, **fields)
    response = api.post_json(f"{BASE}/{data['id']}/state", {"state": "published"})
    assert response.status_code == 200, response.content
    return response.json()


def test_create_draft_publish_and_read_by_role(api, api_for, anon, other, openapi):
    data = create(api)
    key = data["id"]
    assert data["state"] == "draft" and data["permissions"]["role"] == "owner" and data["permissions"]["edit"]
    check_schema(openapi, "post", "/v1/memorials", data)
    # A draft is for its stewards only.
    assert anon.get(f"{BASE}/{key}").status_code == 404
    assert api_for(other).get(f"{BASE}/{key}").status_code == 404
    assert api.post_json(f"{BASE}/{key}/state", {"state": "archived"}).status_code == 409
    api.post_json(f"{BASE}/{key}/state", {"state": "published"})
    seen = anon.get(f"{BASE}/{key}").json()
    assert seen["state"] == "published" and seen["permissions"]["edit"] is False
    check_schema(openapi, "get", "/v1/memorials/{key}", seen)
    assert api_for(other).patch_json(f"{BASE}/{key}", {"place": "Brest"}).status_code == 403
    edited = api.patch_json(f"{BASE}/{key}", {"place": "Brest"}).json()
    assert edited["place"] == "Brest" and edited["full_name"] == "Yann Le Gall"
    bad = api.patch_json(f"{BASE}/{key}", {"death_date": "2999-01-01"})
    assert bad.status_code == 422 and bad.json()["field"] == "death_date"


def test_directory_last_words_and_the_cause_never_listed(api, anon, user, openapi):
    key = published(api)["id"]
    assert api.put_json(f"{BASE}/{key}/last_words", {"text": "La mer"}).status_code == 422  # consent needed
    words = api.put_json(f"{BASE}/{key}/last_words", {"text": "J'aime la mer", "consent": "family", "where": "X"})
    assert words.json()["last_words"]["text"] == "J'aime la mer"
    services.cause_of_death_set(user, Memorial.objects.get(key=key), text="noyade", shown=True)
    listing = anon.get(BASE, {"q": "yann"}).json()
    assert [m["id"] for m in listing] == [key] and listing[0]["last_words"]["text"] == "J'aime la mer"
    assert listing[0]["cause_of_death"] is None and listing[0]["permissions"] is None
    check_schema(openapi, "get", "/v1/memorials", listing)
    assert anon.get(f"{BASE}/{key}").json()["cause_of_death"] == "noyade"
    assert anon.get(BASE, {"q": "nobody"}).json() == []
    assert anon.get(BASE, {"year": 2023}).json() == [] and len(anon.get(BASE, {"year": 2024}).json()) == 1
    assert anon.get(BASE, {"page": 2}).json() == []
    assert api.delete(f"{BASE}/{key}/last_words").json()["last_words"] is None


def test_stewards_invite_accept_and_log(api, api_for, other, third, openapi):
    key = create(api)["id"]
    invited = api.post_json(f"{BASE}/{key}/stewards", {"username": "tom", "role": "editor"})
    assert invited.status_code == 200 and {s["account"]["username"] for s in invited.json()} == {"marie", "tom"}
    check_schema(openapi, "get", "/v1/memorials/{key}/stewards", invited.json())
    tom = api_for(other)
    assert tom.get(f"{BASE}/{key}/stewards").status_code == 404  # not accepted yet: the draft is invisible
    assert tom.post(f"{BASE}/{key}/stewards/accept").json()["permissions"]["role"] == "editor"
    assert tom.patch_json(f"{BASE}/{key}", {"place": "Quimper"}).status_code == 200
    assert tom.post_json(f"{BASE}/{key}/stewards", {"username": "amina", "role": "editor"}).status_code == 403
    assert api.post_json(f"{BASE}/{key}/stewards", {"username": "ghost", "role": "editor"}).status_code == 422
    log = api.get(f"{BASE}/{key}/log").json()
    assert {"memorial.create", "memorial.update"} <= {e["action"] for e in log}
    assert api_for(third).get(f"{BASE}/{key}/log").status_code == 404
    assert tom.delete(f"{BASE}/{key}").status_code == 403  # only the owner deletes
    assert api.delete(f"{BASE}/{key}").status_code == 200 and not Memorial.objects.exists()


def test_tributes_premoderated_and_gestures_once_a_day(api, api_for, anon, other, openapi):
    key = published(api)["id"]
    tom = api_for(other)
    written = tom.post_json(f"{BASE}/{key}/tributes", {"text": "Un homme de la mer", "kind": "memory"})
    assert written.status_code == 200 and written.json()["state"] == "pending"
    tribute_id = written.json()["id"]
    assert anon.get(f"{BASE}/{key}/tributes").json() == []
    assert [t["id"] for t in tom.get(f"{BASE}/{key}/tributes").json()] == [tribute_id]  # the author sees theirs
    moderate = f"{BASE}/{key}/tributes/{tribute_id}/moderate"
    assert tom.post_json(moderate, {"state": "approved"}).status_code == 403
    assert api.post_json(moderate, {"state": "rejected"}).status_code == 422  # a reason is needed
    assert api.post_json(moderate, {"state": "approved"}).json()["state"] == "approved"
    shown = anon.get(f"{BASE}/{key}/tributes").json()
    assert [t["id"] for t in shown] == [tribute_id] and shown[0]["moderation_reason"] is None
    check_schema(openapi, "get", "/v1/memorials/{key}/tributes", shown)
    assert anon.post_json(f"{BASE}/{key}/tributes", {"text": "x"}).status_code == 401

    flowers = tom.post_json(f"{BASE}/{key}/gestures/flowers", {"message": "Pour toi"})
    assert flowers.status_code == 200 and flowers.json()["kind"] == "flowers"
    assert tom.post_json(f"{BASE}/{key}/gestures/flowers", {}).status_code == 409
    assert tom.post_json(f"{BASE}/{key}/gestures/confetti", {}).status_code == 422
    assert tom.post(f"{BASE}/{key}/gestures/candle").status_code == 200
    counts = anon.get(f"{BASE}/{key}").json()
    assert (counts["flowers_count"], counts["candle_count"], counts["tributes_count"]) == (1, 1, 1)
    assert tom.post(f"{BASE}/{key}/follow").json()["permissions"]["following"] is True
    assert tom.post(f"{BASE}/{key}/unfollow").json()["permissions"]["following"] is False
    assert tom.delete(f"{BASE}/{key}/tributes/{tribute_id}").status_code == 200
    assert not Tribute.objects.exists()


def test_read_only_token_cannot_write(api_for, user):
    reader = api_for(user, scope="read")
    assert reader.post_json(BASE, {"full_name": "X"}).status_code == 403
    assert reader.get(BASE).status_code == 200


def test_unknown_memorial_is_404(anon, api):
    assert anon.get(f"{BASE}/nope").status_code == 404
    assert api.post(f"{BASE}/nope/follow").status_code == 404


def test_imports_with_progress_review_and_last_words(api, api_for, anon, other, openapi):
    key = published(api)["id"]
    archive = twitter_zip(
        [
            [
                tweet(1, "Mon Jan 01 10:00:00 +0000 2024", "Première"),
                tweet(2, "Tue Jan 02 10:00:00 +0000 2024", "RT @x: y"),
            ],
            [tweet(3, "Sun Dec 31 10:00:00 +0000 2023", "Avant")],
        ]
    )
    upload = api.post(f"{BASE}/{key}/imports", {"file": SimpleUploadedFile("a.zip", archive)})
    assert upload.status_code == 200, upload.content
    job = upload.json()
    assert (job["state"], job["progress"], job["posts_read"], job["posts_kept"]) == ("review", 100, 3, 2)
    assert job["proposal"]["text"] == "Première" and job["platform"] == "twitter"
    check_schema(openapi, "get", "/v1/memorials/{key}/imports/{import_id}", job)
    path = f"{BASE}/{key}/imports/{job['id']}"
    assert api_for(other).get(path).status_code == 403
    assert api.get(path).json()["id"] == job["id"]
    posts = api.get(f"{path}/posts").json()
    assert [p["text"] for p in posts] == ["Première", "Avant"]
    excluded = api.post_json(f"{path}/exclude", {"ids": [posts[0]["id"]]}).json()
    assert excluded["proposal"]["text"] == "Avant"  # the proposal skips what was left out
    assert anon.get(f"{BASE}/{key}/posts").json() == []  # nothing shown before the import is confirmed
    assert api.post(f"{path}/confirm").json()["state"] == "imported"
    assert [p["text"] for p in anon.get(f"{BASE}/{key}/posts").json()] == ["Avant"]
    words = api.post_json(f"{path}/last_words", {"post_id": posts[1]["id"], "consent": "family"}).json()
    assert words["last_words"]["text"] == "Avant" and words["last_words"]["where"] == "X (Twitter)"
    assert api.delete(path).status_code == 200 and api.get(path).status_code == 404


def test_hostile_import_is_refused_with_its_reason(api, user):
    key = published(api)["id"]
    response = api.post(f"{BASE}/{key}/imports", {"file": SimpleUploadedFile("a.zip", b"not a zip")})
    assert response.status_code == 422
    with translation.override(user.language):  # in the member's language
        reason = str(ArchiveImport.Failure.NOT_ZIP.label)
    assert response.json() == {"error": reason, "field": "file"}
    assert api.get(f"{BASE}/{key}/imports").json() == []


def test_memorialised_account_is_memorial_true(api_for, user, other, third):
    post = make_post(user, "Dernier message")
    services.wishes_set(user, on_death="memorialise", legacy_contact=other)
    services.legacy_contact_answer(other, user, accept=True)
    client = api_for(third)
    assert "memorial" not in client.get(f"/api/v1/accounts/{user.pk}").json()  # cached as not memorialised
    request = services.memorialisation_request(other, user, relation="legacy_contact")
    moderator = UserFactory(username="modo", role=Role.MODERATOR)
    services.memorialisation_decide(moderator, request.pk, approved=True, reason="ok")
    assert client.get(f"/api/v1/accounts/{user.pk}").json()["memorial"] is True
    assert client.get(f"/api/v1/statuses/{post.pk}").json()["account"]["memorial"] is True
    assert "memorial" not in client.get(f"/api/v1/accounts/{other.pk}").json()
    services.memorialisation_reverse(moderator, user)
    assert "memorial" not in client.get(f"/api/v1/accounts/{user.pk}").json()


def test_never_remind_me_of_any_anniversary(api, anon, user, openapi):
    """The per-person switch of the anniversaries page, for Mastodon-style clients too."""
    assert api.get(f"{BASE}/anniversaries").json() == {"never": False}
    response = api.put_json(f"{BASE}/anniversaries", {"never": True})
    assert response.status_code == 200 and response.json() == {"never": True}
    check_schema(openapi, "put", "/v1/memorials/anniversaries", response.json())
    assert memorial_selectors.anniversaries_never(user)
    assert api.put_json(f"{BASE}/anniversaries", {"never": "sometimes"}).status_code == 422
    assert memorial_selectors.anniversaries_never(user)  # a bad body changes nothing
    assert api.put_json(f"{BASE}/anniversaries", {"never": False}).json() == {"never": False}
    assert anon.get(f"{BASE}/anniversaries").status_code == 401

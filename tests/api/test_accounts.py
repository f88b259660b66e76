import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import encode_multipart
from PIL import Image

from reconfort.accounts.models import Follow, User
from reconfort.accounts.services import block_create, follow_create
from reconfort.posts import services as post_services
from tests.api.conftest import make_token
from tests.factories import make_post


def test_verify_credentials_has_source(api, user):
    data = api.get("/api/v1/accounts/verify_credentials").json()
    assert data["id"] == str(user.pk) and data["username"] == "marie" and data["acct"] == "marie"
    assert data["source"]["language"] == "fr" and data["source"]["follow_requests_count"] == 0
    assert data["avatar"].startswith("http") and data["url"].endswith("/@marie")


def test_update_credentials_form_json_and_multipart_avatar(api, user):
    response = api.patch(
        "/api/v1/accounts/update_credentials",
        "display_name=Marie+D.&note=Je+pense+%C3%A0+toi&locked=true",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    assert response.json()["display_name"] == "Marie D." and response.json()["locked"] is True
    response = api.patch_json("/api/v1/accounts/update_credentials", {"source": {"language": "en"}, "locked": False})
    assert response.json()["source"]["language"] == "en" and response.json()["locked"] is False
    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "#aabbcc").save(buf, format="PNG")
    upload = SimpleUploadedFile("me.png", buf.getvalue(), content_type="image/png")
    body = encode_multipart("BoUnDaRy", {"avatar": upload, "display_name": "Marie"})
    response = api.patch(
        "/api/v1/accounts/update_credentials", body, content_type="multipart/form-data; boundary=BoUnDaRy"
    )
    assert response.status_code == 200, response.content
    user.refresh_from_db()
    assert user.avatar and user.display_name == "Marie" and user.bio == "Je pense à toi"
    assert "/media/avatars/" in response.json()["avatar"]


def test_update_credentials_refuses_bad_input(api, user):
    too_long = api.patch_json("/api/v1/accounts/update_credentials", {"display_name": "x" * 61})
    assert too_long.status_code == 422
    body = '--B\r\nContent-Disposition: form-data; name="avatar"; filename="a.png"\r\n\r\nnot an image\r\n--B--\r\n'
    not_image = api.patch("/api/v1/accounts/update_credentials", body, content_type="multipart/form-data; boundary=B")
    assert not_image.status_code == 422 and not_image.json()["error"]
    user.refresh_from_db()
    assert user.display_name == "Marie" and not user.avatar


def test_account_lookup_and_detail(anon, user):
    assert anon.get(f"/api/v1/accounts/{user.pk}").json()["username"] == "marie"
    assert anon.get("/api/v1/accounts/lookup", {"acct": "@MARIE"}).json()["id"] == str(user.pk)
    assert anon.get("/api/v1/accounts/lookup", {"acct": "marie@elsewhere.example"}).status_code == 404
    assert anon.get("/api/v1/accounts/lookup", {"acct": "nobody"}).status_code == 404
    assert anon.get("/api/v1/accounts/abc").status_code == 404
    assert anon.get("/api/v1/accounts/424242").status_code == 404


def test_account_statuses_filters(anon, api_for, user, other):
    root = make_post(user, "Premier #deuil")
    reply = make_post(user, "Réponse", in_reply_to_id=make_post(other, "Question").pk)
    reshare = post_services.post_reblog(user, make_post(other, "À partager"))
    path = f"/api/v1/accounts/{user.pk}/statuses"
    assert [s["id"] for s in anon.get(path).json()] == [str(reshare.pk), str(reply.pk), str(root.pk)]
    assert [s["id"] for s in anon.get(path, {"exclude_replies": "true"}).json()] == [str(reshare.pk), str(root.pk)]
    assert [s["id"] for s in anon.get(path, {"exclude_reblogs": "1"}).json()] == [str(reply.pk), str(root.pk)]
    assert [s["id"] for s in anon.get(path, {"tagged": "DEUIL"}).json()] == [str(root.pk)]
    assert anon.get(path, {"pinned": "true"}).json() == []
    assert anon.get(path, {"only_media": "true"}).json() == []


def test_follow_unfollow_and_lists(api_for, user, other):
    client = api_for(user)
    rel = client.post(f"/api/v1/accounts/{other.pk}/follow").json()
    assert rel["following"] is True and rel["id"] == str(other.pk)
    followers = client.get(f"/api/v1/accounts/{other.pk}/followers").json()
    assert [a["username"] for a in followers] == ["marie"]
    following = client.get(f"/api/v1/accounts/{user.pk}/following").json()
    assert [a["username"] for a in following] == ["tom"]
    rels = client.get("/api/v1/accounts/relationships", {"id[]": [other.pk, "abc", 424242]}).json()
    assert rels[0]["following"] is True and rels[0]["id"] == str(other.pk) and len(rels) == 2
    assert client.post(f"/api/v1/accounts/{other.pk}/unfollow").json()["following"] is False
    assert not Follow.objects.exists()
    assert client.post(f"/api/v1/accounts/{user.pk}/follow").status_code == 422  # oneself
    assert client.post("/api/v1/accounts/424242/follow").status_code == 404


def test_locked_account_and_follow_requests(api_for, user, other):
    other.locked = True
    other.save()
    rel = api_for(user).post(f"/api/v1/accounts/{other.pk}/follow").json()
    assert rel["requested"] is True and rel["following"] is False
    owner = api_for(other)
    assert [a["username"] for a in owner.get("/api/v1/follow_requests").json()] == ["marie"]
    assert owner.get("/api/v1/accounts/verify_credentials").json()["source"]["follow_requests_count"] == 1
    answer = owner.post(f"/api/v1/follow_requests/{user.pk}/authorize").json()
    assert answer["followed_by"] is True
    assert owner.get("/api/v1/follow_requests").json() == []
    assert owner.post("/api/v1/follow_requests/424242/reject").status_code == 404


def test_block_and_mute(api_for, user, other):
    follow_create(other, user)
    client = api_for(user)
    rel = client.post(f"/api/v1/accounts/{other.pk}/block").json()
    assert rel["blocking"] is True and rel["followed_by"] is False
    assert api_for(other).get("/api/v1/accounts/relationships", {"id[]": user.pk}).json()[0]["blocked_by"] is True
    assert client.post(f"/api/v1/accounts/{other.pk}/unblock").json()["blocking"] is False
    muted = client.post_json(f"/api/v1/accounts/{other.pk}/mute", {"notifications": False}).json()
    assert muted["muting"] is True and muted["muting_notifications"] is False
    assert client.post(f"/api/v1/accounts/{other.pk}/unmute").json()["muting"] is False


def test_blocked_account_posts_do_not_appear_on_its_page(api_for, user, other):
    make_post(other, "Bonjour")
    block_create(other, user)
    assert api_for(user).get(f"/api/v1/accounts/{other.pk}/statuses").json() == []


def test_registration_from_a_client(anon, app, settings):
    settings.RECONFORT_REGISTRATION_MODE = "open"
    app_token = _client_credentials(app)
    anon.token = app_token
    response = anon.post(
        "/api/v1/accounts",
        {"username": "lea", "email": "lea@example.org", "password": "une phrase assez longue", "agreement": "true",
         "locale": "en"},
    )  # fmt: skip
    assert response.status_code == 200, response.content
    token = response.json()["access_token"]
    assert response.json()["token_type"] == "Bearer"
    anon.token = token
    me = anon.get("/api/v1/accounts/verify_credentials").json()
    assert me["username"] == "lea" and me["source"]["language"] == "en"


def test_registration_refusals(anon, app, user, settings):
    anon.token = _client_credentials(app)
    base = {"email": "x@example.org", "password": "une phrase assez longue", "agreement": "true"}
    taken = anon.post("/api/v1/accounts", {**base, "username": "MARIE"})
    assert taken.status_code == 422 and taken.json()["error"]
    no_agreement = anon.post("/api/v1/accounts", {**base, "username": "neo", "agreement": "false"})
    assert no_agreement.status_code == 422
    bad_name = anon.post("/api/v1/accounts", {**base, "username": "né o"})
    assert bad_name.status_code == 422
    settings.RECONFORT_REGISTRATION_MODE = "closed"
    closed = anon.post("/api/v1/accounts", {**base, "username": "neo"})
    assert closed.status_code == 403
    assert User.objects.count() == 1
    anon.token = None
    assert anon.post("/api/v1/accounts", {**base, "username": "neo"}).status_code == 401


def test_registration_in_approval_mode_waits(anon, app, settings):
    settings.RECONFORT_REGISTRATION_MODE = "approval"
    anon.token = _client_credentials(app)
    response = anon.post(
        "/api/v1/accounts",
        {"username": "sam", "email": "s@example.org", "password": "une phrase assez longue", "agreement": "1",
         "reason": "J'ai perdu mon frère"},
    )  # fmt: skip
    assert response.status_code == 200
    anon.token = response.json()["access_token"]
    assert anon.get("/api/v1/accounts/verify_credentials").status_code == 401
    assert User.objects.get(username="sam").is_active is False


def test_app_tokens_cannot_act_as_a_member(anon, app):
    anon.token = _client_credentials(app)
    response = anon.get("/api/v1/accounts/verify_credentials")
    assert response.status_code == 422 and response.json()["error"]


def _client_credentials(app) -> str:
    return make_token(app, None, "read write")

import threading

from django.db import connection

from reconfort.accounts.services import block_create, follow_create
from reconfort.posts.models import Post, PostEdit
from tests.factories import make_post


def test_post_form_encoded(api, user):
    response = api.post(
        "/api/v1/statuses",
        {"status": "Bonjour #Réconfort", "visibility": "unlisted", "spoiler_text": "deuil", "language": "fr"},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["visibility"] == "unlisted" and data["sensitive"] is True and data["spoiler_text"] == "deuil"
    assert data["tags"][0]["name"] == "Réconfort"
    assert data["account"]["id"] == str(user.pk)
    assert Post.objects.get(pk=data["id"]).text == "Bonjour #Réconfort"


def test_post_json_with_reply_and_kind(api, user, other):
    parent = make_post(other, "Je pense à ma mère aujourd'hui")
    response = api.post_json(
        "/api/v1/statuses",
        {"status": "Je t'embrasse", "in_reply_to_id": parent.pk, "reconfort_kind": "memorial", "sensitive": False},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["in_reply_to_id"] == str(parent.pk) and data["in_reply_to_account_id"] == str(other.pk)
    assert data["reconfort"]["kind"] == "memorial"
    assert [m["username"] for m in data["mentions"]] == ["tom"]


def test_story_through_the_api(api):
    response = api.post_json(
        "/api/v1/statuses", {"status": "# Maman\n\nElle riait fort.", "story": True, "title": "À elle"}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["reconfort"]["is_story"] is True and data["reconfort"]["title"] == "À elle"
    assert data["content"].startswith("<p><strong>À elle</strong></p>")


def test_refused_posts_change_nothing(api, user):
    cases = [
        ({"status": "x" * 1001}, 422),
        ({"status": "   "}, 422),
        ({"status": "Bonjour", "visibility": "everyone"}, 422),
        ({"status": "Bonjour", "in_reply_to_id": "999999"}, 404),
        ({"status": "Bonjour", "in_reply_to_id": "abc"}, 404),
        ({"status": "Bonjour", "media_ids": ["424242"]}, 422),
        ({"status": "Bonjour", "language": "klingon"}, 422),
        ({"status": "Bonjour", "sensitive": "perhaps"}, 422),
        ({"status": "Bonjour", "reconfort_kind": "advert"}, 422),
    ]
    for body, status in cases:
        response = api.post_json("/api/v1/statuses", body)
        assert response.status_code == status, (body, response.content)
        assert isinstance(response.json()["error"], str) and response.json()["error"]
    assert Post.objects.count() == 0


def test_malformed_bodies_are_400(api):
    bad_json = api.post("/api/v1/statuses", "{not json", content_type="application/json")
    assert bad_json.status_code == 400 and "error" in bad_json.json()
    not_object = api.post("/api/v1/statuses", "[1, 2]", content_type="application/json")
    assert not_object.status_code == 400
    wrong_type = api.post("/api/v1/statuses", "status=hi", content_type="text/plain")
    assert wrong_type.status_code == 400
    assert Post.objects.count() == 0


def test_error_messages_follow_the_members_language(api_for, other):
    response = api_for(other).post_json("/api/v1/statuses", {"status": ""})
    assert response.json()["error"] == "A post cannot be empty."


def test_idempotency_key_returns_the_same_status(api):
    first = api.post("/api/v1/statuses", {"status": "Une seule fois"}, HTTP_IDEMPOTENCY_KEY="abc-1")
    again = api.post("/api/v1/statuses", {"status": "Une seule fois"}, HTTP_IDEMPOTENCY_KEY="abc-1")
    other_key = api.post("/api/v1/statuses", {"status": "Une seule fois"}, HTTP_IDEMPOTENCY_KEY="abc-2")
    assert first.json()["id"] == again.json()["id"] != other_key.json()["id"]
    assert Post.objects.count() == 2


def test_concurrent_retries_with_one_key_make_one_status(api_for, user):
    clients = [api_for(user) for _ in range(3)]
    barrier = threading.Barrier(len(clients))
    ids, errors = [], []

    def attempt(client):
        try:
            barrier.wait()
            response = client.post("/api/v1/statuses", {"status": "Réessai"}, HTTP_IDEMPOTENCY_KEY="retry")
            ids.append((response.status_code, response.json().get("id")))
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert {code for code, _id in ids} == {200}
    assert len({status_id for _code, status_id in ids}) == 1
    assert Post.objects.filter(author=user).count() == 1


def test_get_status_respects_visibility(api_for, user, other, third):
    private = make_post(user, "Pour mes proches", visibility="private")
    follow_create(other, user)
    assert api_for(other).get(f"/api/v1/statuses/{private.pk}").status_code == 200
    stranger = api_for(third).get(f"/api/v1/statuses/{private.pk}")
    assert stranger.status_code == 404 and "error" in stranger.json()
    anonymous = api_for(None).get(f"/api/v1/statuses/{private.pk}")
    assert anonymous.status_code == 404


def test_blocked_members_cannot_read_each_other(api_for, user, other):
    post = make_post(user, "Public mais pas pour toi")
    block_create(user, other)
    assert api_for(other).get(f"/api/v1/statuses/{post.pk}").status_code == 404


def test_invalid_ids_are_404(api):
    for status_id in ("abc", "0", "-3", "99999999999999999999999", "1.5"):
        response = api.get(f"/api/v1/statuses/{status_id}")
        assert response.status_code == 404, status_id
        assert response.json()["error"]


def test_delete_own_and_not_others(api_for, user, other):
    mine = make_post(user, "À effacer")
    theirs = make_post(other, "Pas à toi")
    client = api_for(user)
    refused = client.delete(f"/api/v1/statuses/{theirs.pk}")
    assert refused.status_code == 403
    response = client.delete(f"/api/v1/statuses/{mine.pk}")
    assert response.status_code == 200 and response.json()["text"] == "À effacer"
    assert not Post.objects.filter(pk=mine.pk).exists() and Post.objects.filter(pk=theirs.pk).exists()


def test_edit_keeps_history_and_source(api_for, user, other):
    post = make_post(user, "Premier jet")
    client = api_for(user)
    response = client.put_json(f"/api/v1/statuses/{post.pk}", {"status": "Second jet #espoir"})
    assert response.status_code == 200, response.content
    assert response.json()["edited_at"] is not None and "espoir" in response.json()["content"]
    assert PostEdit.objects.filter(post=post).count() == 1
    history = client.get(f"/api/v1/statuses/{post.pk}/history").json()
    assert [("Premier jet" in h["content"], "Second jet" in h["content"]) for h in history] == [
        (True, False),
        (False, True),
    ]
    source = client.get(f"/api/v1/statuses/{post.pk}/source").json()
    assert source == {"id": str(post.pk), "text": "Second jet #espoir", "spoiler_text": ""}
    assert api_for(other).put_json(f"/api/v1/statuses/{post.pk}", {"status": "pirate"}).status_code == 403
    form_edit = client.put(
        f"/api/v1/statuses/{post.pk}", "status=Troisi%C3%A8me", content_type="application/x-www-form-urlencoded"
    )
    assert form_edit.status_code == 200 and "Troisième" in form_edit.json()["content"]


def test_context_lists_ancestors_and_descendants(api, user, other):
    root = make_post(other, "Racine")
    reply = make_post(user, "Réponse", in_reply_to_id=root.pk)
    deeper = make_post(other, "Plus loin", in_reply_to_id=reply.pk)
    data = api.get(f"/api/v1/statuses/{reply.pk}/context").json()
    assert [s["id"] for s in data["ancestors"]] == [str(root.pk)]
    assert [s["id"] for s in data["descendants"]] == [str(deeper.pk)]


def test_reblog_and_unreblog(api_for, user, other):
    post = make_post(other, "À partager")
    client = api_for(user)
    response = client.post(f"/api/v1/statuses/{post.pk}/reblog")
    assert response.status_code == 200
    data = response.json()
    assert data["reblog"]["id"] == str(post.pk) and data["reblog"]["reblogs_count"] == 1
    assert data["reblog"]["reblogged"] is True
    by = api_for(other).get(f"/api/v1/statuses/{post.pk}/reblogged_by").json()
    assert [a["username"] for a in by] == ["marie"]
    undone = client.post(f"/api/v1/statuses/{post.pk}/unreblog").json()
    assert undone["id"] == str(post.pk) and undone["reblogs_count"] == 0 and undone["reblogged"] is False


def test_private_posts_cannot_be_reblogged(api_for, user, other):
    post = make_post(other, "Entre nous", visibility="private")
    follow_create(user, other)
    assert api_for(user).post(f"/api/v1/statuses/{post.pk}/reblog").status_code == 403


def test_favourite_is_the_heart_and_only_the_author_sees_who(api_for, user, other, third):
    post = make_post(other, "Merci à vous")
    response = api_for(user).post(f"/api/v1/statuses/{post.pk}/favourite")
    assert response.status_code == 200
    assert response.json()["favourited"] is True and response.json()["favourites_count"] == 1
    assert response.json()["reconfort"]["gestures"]["heart"] == 1
    author_view = api_for(other).get(f"/api/v1/statuses/{post.pk}/favourited_by").json()
    assert [a["username"] for a in author_view] == ["marie"]
    assert api_for(third).get(f"/api/v1/statuses/{post.pk}/favourited_by").json() == []
    undone = api_for(user).post(f"/api/v1/statuses/{post.pk}/unfavourite").json()
    assert undone["favourited"] is False and undone["favourites_count"] == 0


def test_scopes_are_enforced(api_for, user):
    read_only = api_for(user, scope="read")
    response = read_only.post("/api/v1/statuses", {"status": "Hop"})
    assert response.status_code == 403 and response.json()["error"]
    granular = api_for(user, scope="write:statuses")
    assert granular.post("/api/v1/statuses", {"status": "Hop"}).status_code == 200
    assert granular.get("/api/v1/timelines/home").status_code == 403
    assert Post.objects.count() == 1


def test_missing_or_bad_tokens_are_401(anon, api_for, user):
    assert anon.post("/api/v1/statuses", {"status": "x"}).status_code == 401
    bad = api_for(None)
    bad.token = "not-a-token"
    response = bad.get("/api/v1/timelines/public")
    assert response.status_code == 401 and response.json()["error"]
    user.is_active = False
    user.save()
    assert api_for(user).get("/api/v1/accounts/verify_credentials").status_code == 401

"""The circles API: the same rules as the pages (members-only posts, member lists, joins, bans, removals)."""

from __future__ import annotations

import jsonschema
import pytest
from django.test import Client

from reconfort.accounts.services import block_create
from reconfort.comfort.circles import services
from reconfort.comfort.circles.models import CirclePost, Membership, MembershipState
from reconfort.notifications.models import Notification, NotificationType
from tests.api.conftest import ApiClient, make_token
from tests.comfort.circles.conftest import established, make_circle, settle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BASE = "/api/v1/comfort/circles"


@pytest.fixture
def founder(db):
    return established(username="claire", display_name="Claire")


@pytest.fixture
def private_circle(founder):
    return make_circle(founder, name="Deuil périnatal", join_policy="request", posts_visibility="members")


@pytest.fixture
def open_circle(founder):
    return make_circle(founder, name="Animaux disparus", posts_visibility="public")


def test_directory_and_one_circle(anon, api, private_circle, open_circle):
    listed = anon.get(BASE)
    assert listed.status_code == 200
    assert {c["slug"] for c in listed.json()} == {"deuil-perinatal", "animaux-disparus"}
    one = api.get(f"{BASE}/deuil-perinatal").json()
    assert one["join_policy"] == "request" and one["posts_visibility"] == "members"
    assert one["membership"] is None and one["permissions"]["join"] and not one["permissions"]["read_posts"]
    assert one["rules"] == "Pas de conseils non demandés."
    missing = anon.get(f"{BASE}/nulle-part")
    assert missing.status_code == 404 and missing.json()["error"]


def test_members_only_posts_and_members_need_membership(api, api_for, anon, founder, private_circle, user):
    services.circle_post_create(founder, private_circle, text="Pour le cercle.")
    for client in (anon, api):
        refused = client.get(f"{BASE}/deuil-perinatal/posts")
        assert refused.status_code in (401, 403) and refused.json()["error"]
    assert api.get(f"{BASE}/deuil-perinatal/members").status_code == 403
    joined = api.post(f"{BASE}/deuil-perinatal/join").json()
    assert joined["membership"]["state"] == "requested"
    assert api.get(f"{BASE}/deuil-perinatal/posts").status_code == 403  # asked, not yet welcomed
    services.circle_request_decide(founder, private_circle, user.pk, accept=True)
    posts = api.get(f"{BASE}/deuil-perinatal/posts")
    assert posts.status_code == 200 and [p["text"] for p in posts.json()] == ["Pour le cercle."]
    members = api.get(f"{BASE}/deuil-perinatal/members").json()
    assert [m["role"] for m in members] == ["moderator", "member"]


def test_public_circle_is_read_by_anyone(anon, api, founder, open_circle):
    services.circle_post_create(founder, open_circle, text="Moka, chat tigré, Croix-Rousse.")
    assert [p["text"] for p in anon.get(f"{BASE}/animaux-disparus/posts").json()] == ["Moka, chat tigré, Croix-Rousse."]
    assert anon.get(f"{BASE}/animaux-disparus/members").status_code == 401
    refused = api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "Je regarde"})
    assert refused.status_code == 403 and refused.json()["error"]


def test_write_reply_and_newcomer_links(api, user, open_circle):
    api.post(f"{BASE}/animaux-disparus/join")
    link = api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "Voir https://example.org"})
    assert link.status_code == 422 and link.json()["error"]
    first = api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "J'ai perdu Filou."}).json()
    reply = api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "Toujours rien.", "in_reply_to_id": first["id"]})
    assert reply.status_code == 200 and reply.json()["in_reply_to_id"] == first["id"]
    feed = api.get(f"{BASE}/animaux-disparus/posts").json()
    assert [r["text"] for r in feed[0]["replies"]] == ["Toujours rien."]
    assert api.post_json(f"{BASE}/animaux-disparus/posts", {"text": " "}).status_code == 422
    bad_parent = api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "x", "in_reply_to_id": "999999"})
    assert bad_parent.status_code == 404
    settle(user, open_circle)
    assert api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "https://example.org/affiche"}).status_code == 200


def test_moderators_delete_posts_and_ban(api_for, founder, open_circle, user, other):
    services.circle_join(user, open_circle)
    services.circle_join(other, open_circle)
    post = services.circle_post_create(user, open_circle, text="Achetez mon livre.")
    path = f"{BASE}/animaux-disparus/posts/{post.pk}"
    assert api_for(other).delete(path).status_code == 403
    removed = api_for(founder).delete(path + "?reason=Publicit%C3%A9")
    assert removed.status_code == 200 and removed.json()["removed"]
    post.refresh_from_db()
    assert post.removed_reason == "Publicité"
    mine = api_for(user).get(f"{BASE}/animaux-disparus/posts").json()
    assert mine[0]["removed"] and mine[0]["removed_reason"] == "Publicité"
    assert api_for(other).get(f"{BASE}/animaux-disparus/posts").json() == []
    ban = api_for(founder).post_json(f"{BASE}/animaux-disparus/bans", {"account_id": str(user.pk), "reason": "Spam"})
    assert ban.status_code == 200
    assert Membership.objects.get(circle=open_circle, account=user).state == MembershipState.BANNED
    assert api_for(user).post(f"{BASE}/animaux-disparus/join").status_code == 403
    assert api_for(user).post_json(f"{BASE}/animaux-disparus/posts", {"text": "re"}).status_code == 403
    no_reason = api_for(founder).post_json(f"{BASE}/animaux-disparus/bans", {"account_id": str(other.pk), "reason": ""})
    assert no_reason.status_code == 422
    nobody = api_for(founder).post_json(f"{BASE}/animaux-disparus/bans", {"account_id": "abc", "reason": "x"})
    assert nobody.status_code == 404
    by_member = api_for(other).post_json(
        f"{BASE}/animaux-disparus/bans", {"account_id": str(founder.pk), "reason": "x"}
    )
    assert by_member.status_code == 403


def test_delete_without_a_reason_tells_the_author_the_rules(api_for, founder, open_circle, user):
    services.circle_join(user, open_circle)
    post = services.circle_post_create(user, open_circle, text="Hors sujet")
    assert api_for(founder).delete(f"{BASE}/animaux-disparus/posts/{post.pk}").status_code == 200
    assert CirclePost.objects.get(pk=post.pk).removed_reason


def test_leave_and_blocks(api, api_for, founder, open_circle, user):
    troll = UserFactory()
    services.circle_join(troll, open_circle)
    services.circle_post_create(troll, open_circle, text="Message du troll")
    api.post(f"{BASE}/animaux-disparus/join")
    assert len(api.get(f"{BASE}/animaux-disparus/posts").json()) == 1
    block_create(user, troll)
    assert api.get(f"{BASE}/animaux-disparus/posts").json() == []
    left = api.post(f"{BASE}/animaux-disparus/leave")
    assert left.status_code == 200 and left.json()["membership"] is None
    assert api.post(f"{BASE}/animaux-disparus/leave").status_code == 403


def test_scopes(api_for, user, open_circle):
    push_only = api_for(user, scope="push")
    assert push_only.get(BASE).status_code in (401, 403)
    assert api_for(user, scope="read").post(f"{BASE}/animaux-disparus/join").status_code in (401, 403)


def test_responses_match_the_published_schemas(anon, api, founder, open_circle, user):
    openapi = anon.get("/api/openapi.json").json()
    api.post(f"{BASE}/animaux-disparus/join")
    top = api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "Bonjour"})
    api.post_json(f"{BASE}/animaux-disparus/posts", {"text": "Re", "in_reply_to_id": top.json()["id"]})
    checks = [
        ("get", BASE, anon.get(BASE)),
        ("get", BASE + "/{slug}", api.get(f"{BASE}/animaux-disparus")),
        ("get", BASE + "/{slug}/posts", api.get(f"{BASE}/animaux-disparus/posts")),
        ("post", BASE + "/{slug}/posts", top),
        ("get", BASE + "/{slug}/members", api.get(f"{BASE}/animaux-disparus/members")),
        ("post", BASE + "/{slug}/join", api.post(f"{BASE}/animaux-disparus/join")),
    ]
    for method, path, response in checks:
        assert response.status_code == 200, (path, response.content)
        schema = openapi["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.validate(response.json(), {**schema, "components": openapi["components"]})


def test_request_and_welcome_notices(app, founder, private_circle, user):
    """The request reaches the circle's moderators, the welcome the person: on the notifications page with a link,
    and left out of the Mastodon notifications API (no client could show them)."""
    founder.language = user.language = "en"
    founder.save(update_fields=["language"])
    user.save(update_fields=["language"])
    services.circle_join(user, private_circle)
    client = Client()
    client.force_login(founder)
    page = client.get("/notifications/").text
    assert "would like to join the circle" in page and f"/circles/{private_circle.slug}/moderation/" in page
    services.circle_request_decide(founder, private_circle, user.pk, accept=True)
    # The request is answered: it leaves the moderators' notifications.
    assert not Notification.objects.filter(type=NotificationType.CIRCLE_REQUEST).exists()
    client.force_login(user)
    assert "Welcome to the circle" in client.get("/notifications/").text
    assert Notification.objects.filter(recipient=user, type=NotificationType.CIRCLE_ACCEPTED).exists()
    listed = ApiClient(make_token(app, user)).get("/api/v1/notifications").json()
    assert all(n["type"] != "circle_accepted" for n in listed)


def test_create_edit_and_answer_requests(api_for, founder, user, other, settings):
    settings.RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS = 14
    too_new = api_for(user).post_json(BASE, {"name": "Trop tôt"})
    assert too_new.status_code == 403 and too_new.json()["error"]
    mod = api_for(founder)
    created = mod.post_json(BASE, {"name": "Deuil d'un parent", "join_policy": "request", "rules": "Douceur."})
    assert created.status_code == 200 and created.json()["membership"]["role"] == "moderator"
    slug = created.json()["slug"]
    assert mod.post_json(BASE, {"name": "", "language": "fr"}).status_code == 422
    edited = mod.patch_json(f"{BASE}/{slug}", {"rules": "Douceur, toujours.", "posts_visibility": "public"})
    assert edited.status_code == 200 and edited.json()["rules"] == "Douceur, toujours."
    assert api_for(user).patch_json(f"{BASE}/{slug}", {"rules": "Rien"}).status_code == 403
    assert mod.patch_json(f"{BASE}/{slug}", {"join_policy": "secret"}).status_code == 422
    api_for(user).post(f"{BASE}/{slug}/join")
    api_for(other).post(f"{BASE}/{slug}/join")
    assert api_for(user).get(f"{BASE}/{slug}/requests").status_code == 403
    waiting = mod.get(f"{BASE}/{slug}/requests").json()
    assert {r["account"]["username"] for r in waiting} == {user.username, other.username}
    assert mod.post(f"{BASE}/{slug}/requests/{user.pk}/accept").json()["members_count"] == 2
    assert mod.post(f"{BASE}/{slug}/requests/{other.pk}/decline").status_code == 200
    assert mod.post(f"{BASE}/{slug}/requests/{other.pk}/accept").status_code == 404
    assert not Membership.objects.filter(account=other).exists()

"""Circle pages: the directory, a circle's page for members and others, writing with the rules shown, moderation."""

from __future__ import annotations

import pytest
from django.test import Client

from reconfort.accounts.services import block_create
from reconfort.comfort.circles import services
from reconfort.comfort.circles.models import CirclePost, Membership, MembershipState
from tests.factories import UserFactory

from .conftest import make_circle, settle

pytestmark = pytest.mark.django_db


def signed_in(account) -> Client:
    client = Client()
    client.force_login(account)
    return client


def test_directory_lists_circles_for_anyone(client, circle, public_circle):
    page = client.get("/circles/")
    assert page.status_code == 200
    assert "Jeunes parents" in page.text and "Animaux disparus" in page.text


def test_start_a_circle_only_when_established(founder, user):
    page = signed_in(user).post("/circles/new/", {"name": "Trop tôt"})
    assert page.status_code == 403
    assert signed_in(user).get("/circles/new/").status_code == 200  # the page explains why, gently
    response = signed_in(founder).post(
        "/circles/new/",
        {
            "name": "Proches de malades du cancer",
            "description": "Pour celles et ceux qui accompagnent.",
            "language": "fr",
            "rules": "On écoute avant de conseiller.",
            "join_policy": "request",
            "posts_visibility": "members",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/circles/proches-de-malades-du-cancer/"
    assert signed_in(founder).post("/circles/new/", {"name": ""}).status_code == 422


def test_members_only_circle_hides_its_messages_from_outsiders(founder, private_circle, user, client):
    services.circle_post_create(founder, private_circle, text="Un message pour le cercle seulement.")
    for outsider in (client, signed_in(user)):
        page = outsider.get(f"/circles/{private_circle.slug}/")
        assert page.status_code == 200
        assert "Un message pour le cercle seulement." not in page.text
    assert "Un message pour le cercle seulement." in signed_in(founder).get(f"/circles/{private_circle.slug}/").text
    assert signed_in(user).get(f"/circles/{private_circle.slug}/members/").status_code == 403


def test_join_on_request_through_the_pages(founder, private_circle, user):
    member = signed_in(user)
    assert member.post(f"/circles/{private_circle.slug}/join/").status_code == 302
    assert Membership.objects.get(circle=private_circle, account=user).state == MembershipState.REQUESTED
    moderation = signed_in(founder).get(f"/circles/{private_circle.slug}/moderation/")
    assert user.name in moderation.text
    assert member.get(f"/circles/{private_circle.slug}/moderation/").status_code == 403
    signed_in(founder).post(f"/circles/{private_circle.slug}/requests/{user.pk}/accept/")
    assert Membership.objects.get(circle=private_circle, account=user).state == MembershipState.MEMBER
    member.post(f"/circles/{private_circle.slug}/leave/")
    assert not Membership.objects.filter(circle=private_circle, account=user).exists()


def test_writing_shows_the_rules_and_refuses_newcomer_links(circle, user):
    member = signed_in(user)
    member.post(f"/circles/{circle.slug}/join/")
    page = member.get(f"/circles/{circle.slug}/")
    assert "Pas de conseils non demandés." in page.text  # the rules, beside the form
    refused = member.post(f"/circles/{circle.slug}/posts/", {"text": "Voyez https://example.org"})
    assert refused.status_code == 422 and "https://example.org" in refused.text  # the draft is kept
    assert not CirclePost.objects.exists()
    assert member.post(f"/circles/{circle.slug}/posts/", {"text": "Bonsoir à toutes."}).status_code == 302
    first = CirclePost.objects.get()
    member.post(f"/circles/{circle.slug}/posts/", {"text": "Et à tous.", "parent": first.pk})
    assert CirclePost.objects.get(parent=first).text == "Et à tous."
    settle(user, circle)
    assert member.post(f"/circles/{circle.slug}/posts/", {"text": "Lien : https://example.org"}).status_code == 302


def test_outsiders_cannot_write(circle, user):
    assert signed_in(user).post(f"/circles/{circle.slug}/posts/", {"text": "Bonjour"}).status_code == 403
    assert not CirclePost.objects.exists()


def test_moderator_removes_with_a_reason_the_author_sees(founder, circle, user, other):
    services.circle_join(user, circle)
    services.circle_join(other, circle)
    post = services.circle_post_create(user, circle, text="Tout arrive pour une raison.")
    url = f"/circles/{circle.slug}/posts/{post.pk}/remove/"
    assert signed_in(other).post(url, {"reason": "Non"}).status_code == 403
    assert signed_in(founder).post(url, {"reason": "Phrase toute faite"}).status_code == 302
    user.language = "en"
    user.save(update_fields=["language"])
    author_view = signed_in(user).get(f"/circles/{circle.slug}/").text
    assert "Phrase toute faite" in author_view and "only you can see it" in author_view
    assert "Tout arrive pour une raison." not in signed_in(other).get(f"/circles/{circle.slug}/").text


def test_ban_and_moderator_forms(founder, circle, user, other):
    services.circle_join(user, circle)
    services.circle_join(other, circle)
    mod = signed_in(founder)
    assert mod.post(f"/circles/{circle.slug}/moderators/", {"username": user.username}).status_code == 302
    assert Membership.objects.get(circle=circle, account=user).role == "moderator"
    assert mod.post(f"/circles/{circle.slug}/bans/", {"username": "nobody", "reason": "x"}).status_code == 422
    assert (
        mod.post(f"/circles/{circle.slug}/bans/", {"username": other.username, "reason": "Insultes"}).status_code == 302
    )
    assert signed_in(other).post(f"/circles/{circle.slug}/join/").status_code == 403
    assert signed_in(other).post(f"/circles/{circle.slug}/posts/", {"text": "Me revoilà"}).status_code == 403
    assert "Insultes" in signed_in(other).get(f"/circles/{circle.slug}/").text
    mod.post(f"/circles/{circle.slug}/bans/{other.pk}/lift/")
    assert not Membership.objects.filter(circle=circle, account=other).exists()


def test_unknown_circle_is_404(client):
    assert client.get("/circles/nulle-part/").status_code == 404


def test_blocked_authors_are_hidden_on_the_page(founder, public_circle, user):
    troll = UserFactory()
    services.circle_join(troll, public_circle)
    services.circle_post_create(troll, public_circle, text="Message du troll")
    assert "Message du troll" in signed_in(user).get(f"/circles/{public_circle.slug}/").text
    block_create(user, troll)
    assert "Message du troll" not in signed_in(user).get(f"/circles/{public_circle.slug}/").text


def test_english_circle_page(founder, other):
    circle = make_circle(founder, name="Bereaved parents", language="en", rules="Be gentle.")
    services.circle_join(other, circle)
    page = signed_in(other).get(f"/circles/{circle.slug}/")
    assert "Write to the circle" in page.text and "Be gentle." in page.text


def test_moderators_edit_the_circle(founder, circle, user):
    services.circle_join(user, circle)
    assert signed_in(user).get(f"/circles/{circle.slug}/edit/").status_code == 403
    page = signed_in(founder).get(f"/circles/{circle.slug}/edit/")
    assert page.status_code == 200 and "Pas de conseils non demandés." in page.text
    data = {
        "name": "Jeunes parents",
        "description": "Nuits courtes.",
        "rules": "Bienveillance d'abord.",
        "join_policy": "request",
        "posts_visibility": "public",
    }
    assert signed_in(user).post(f"/circles/{circle.slug}/edit/", data).status_code == 403
    assert signed_in(founder).post(f"/circles/{circle.slug}/edit/", data).status_code == 302
    circle.refresh_from_db()
    assert circle.rules == "Bienveillance d'abord." and circle.join_policy == "request" and not circle.members_only
    assert signed_in(founder).post(f"/circles/{circle.slug}/edit/", {**data, "name": ""}).status_code == 422


def test_the_feed_costs_a_fixed_number_of_queries(founder, circle, django_assert_max_num_queries, settings):
    settings.RECONFORT_RATE_LIMITS_ENABLED = False
    members = [UserFactory() for _ in range(5)]
    for member in members:
        services.circle_join(member, circle)
        settle(member, circle)
    for n in range(12):
        top = services.circle_post_create(members[n % 5], circle, text=f"Message {n}")
        for m in members[:3]:
            services.circle_post_create(m, circle, text=f"Réponse à {n}", parent_id=top.pk)
    client = signed_in(founder)
    client.get(f"/circles/{circle.slug}/")  # warm the session and caches
    with django_assert_max_num_queries(20):
        page = client.get(f"/circles/{circle.slug}/")
    assert page.text.count("Réponse à") == 36


def test_directory_in_the_visitors_language_first(client, founder):
    make_circle(founder, name="Amis des animaux", language="fr")
    make_circle(founder, name="Bereaved parents", language="en")
    english = client.get("/circles/", HTTP_ACCEPT_LANGUAGE="en").text
    assert english.index("Bereaved parents") < english.index("Amis des animaux")
    french = Client(HTTP_ACCEPT_LANGUAGE="fr").get("/circles/").text
    assert french.index("Amis des animaux") < french.index("Bereaved parents")

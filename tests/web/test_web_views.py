"""Home, front page, community and hashtag timelines, profiles, the language switcher."""

import pytest
from django.test import Client
from django.urls import reverse

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Role, User
from reconfort.memorials.services import accounts as memorial_accounts
from reconfort.notifications.models import Notification
from reconfort.posts import services as post_services
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


def test_front_page_welcomes_in_french_by_default(client, user):
    make_post(user, text="Une bougie pour Jeanne #souvenir")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Un lieu doux" in html
    assert "Une bougie pour Jeanne" in html
    assert 'href="/tags/souvenir"' in html


def test_front_page_in_english_from_accept_language(client, user):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "A gentle place for the human side of social media" in response.content.decode()


def test_front_page_hides_followers_only_posts(client, user):
    make_post(user, text="Pour mes proches seulement", visibility="private")
    assert "Pour mes proches seulement" not in client.get("/").content.decode()


def test_home_shows_compose_and_followed_posts_only(client, user, other, third):
    account_services.follow_create(user, other)
    make_post(other, text="Thinking of you all")
    make_post(third, text="Un message d'une inconnue")
    client.force_login(user)
    html = client.get("/").content.decode()
    assert 'id="compose"' in html
    assert "Thinking of you all" in html
    assert "Un message d&#x27;une inconnue" not in html


PAGES = ["/", "/community/", "/tags/deuil", "/@marie", "/@marie/followers", "/@marie/following"]


@pytest.mark.parametrize("language, text", [("fr", "Communauté"), ("en", "Community")])
@pytest.mark.parametrize("url", PAGES)
def test_pages_render_in_both_languages(client, user, other, url, language, text):
    make_post(user, text="Un an déjà #deuil")
    account_services.follow_create(other, user)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert text in response.content.decode()
    client.force_login(other)
    User.objects.filter(pk=other.pk).update(language=language)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_community_shows_public_posts_only(client, user):
    make_post(user, text="Publique")
    make_post(user, text="Non listée", visibility="unlisted")
    make_post(user, text="Abonnés", visibility="private")
    html = client.get(reverse("web:public")).content.decode()
    assert "Publique" in html
    assert "Non listée" not in html
    assert "Abonnés" not in html


def test_tag_page_lists_tagged_posts_whatever_the_case(client, user):
    make_post(user, text="Pensées #Deuil")
    make_post(user, text="Sans mot-dièse")
    html = client.get("/tags/deuil").content.decode()
    assert "Pensées" in html
    assert "Sans mot-dièse" not in html
    assert "#Deuil" in html


def test_unknown_profile_is_404(client, db):
    assert client.get("/@nobody").status_code == 404


def test_profile_lists_posts_and_stories_but_not_private_posts_for_strangers(client, user, other):
    make_post(user, text="Bonjour à tous")
    make_post(user, text="Réservé aux abonnés", visibility="private")
    post_services.post_create(user, text="Elle aimait les jardins.", title="Pour ma grand-mère", is_story=True)
    client.force_login(other)
    html = client.get("/@Marie").content.decode()
    assert "Bonjour à tous" in html
    assert "Pour ma grand-mère" in html
    assert "Réservé aux abonnés" not in html
    assert reverse("accounts:follow", args=["marie"]) in html


def test_profile_shows_followers_list(client, user, other):
    account_services.follow_create(other, user)
    html = client.get(reverse("web:followers", args=["marie"])).content.decode()
    assert "@tom" in html
    following = client.get(reverse("web:following", args=["marie"]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "@tom" not in following
    assert '<h2 id="people-title">Abonnements</h2>' in following


def test_older_posts_link_and_htmx_fragment(client, user, settings):
    settings.RECONFORT_RATE_LIMITS = {"post": (100, 3600)}
    posts = [make_post(user, text=f"Message numéro {i}") for i in range(22)]
    response = client.get("/community/")
    html = response.content.decode()
    assert "Message numéro 21" in html and "Message numéro 1<" not in html
    more = f"/community/?max_id={posts[2].pk}"
    assert more in html
    fragment = client.get(more, HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert fragment.status_code == 200
    assert "<html" not in body
    assert "Message numéro 1<" in body and "Message numéro 0<" in body
    assert "Message numéro 21" not in body


def test_bad_page_number_is_400(client, db):
    assert client.get("/community/?max_id=abc").status_code == 400


def test_language_switch_sets_cookie_for_visitors(client, db):
    response = client.post(reverse("web:set_language"), {"language": "en", "next": "/community/"})
    assert response.status_code == 302
    assert response["Location"] == "/community/"
    assert response.cookies["django_language"].value == "en"
    assert "Public posts written by members" in client.get("/community/").content.decode()


def test_language_switch_updates_the_members_profile(client, user):
    client.force_login(user)
    client.post(reverse("web:set_language"), {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"
    assert '<html lang="en">' in client.get("/").content.decode()


def test_language_switch_refuses_unknown_language(client, user):
    client.force_login(user)
    client.post(reverse("web:set_language"), {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.language == "fr"


def test_header_shows_unread_count_as_quiet_pill(client, user, other):
    post = make_post(user)
    post_services.gesture_add(other, post, "candle")
    client.force_login(user)
    html = client.get("/").content.decode()
    assert 'class="pill"' in html
    client.get(reverse("notifications:list"))
    assert 'class="pill"' not in client.get("/").content.decode()


def test_blocked_viewer_sees_no_posts_on_profile(client, user, other):
    make_post(user, text="Ne me lis pas")
    account_services.block_create(user, other)
    client.force_login(other)
    html = client.get("/@marie").content.decode()
    assert "Ne me lis pas" not in html


def test_muted_account_leaves_community_timeline(client, user, other):
    make_post(other, text="Bruyant")
    account_services.mute_create(user, other)
    client.force_login(user)
    assert "Bruyant" not in client.get("/community/").content.decode()


def test_notifications_are_real_rows(user, other):
    """Guard for the pill test above: a gesture from someone else notifies the author."""
    post_services.gesture_add(other, make_post(user), "hug")
    assert Notification.objects.filter(recipient=user, type="gesture").count() == 1


def test_page_queries_do_not_grow_with_posts(client, user, settings, django_assert_max_num_queries):
    settings.RECONFORT_RATE_LIMITS = {"post": (100, 3600)}
    authors = [UserFactory() for _ in range(5)]
    for author in authors:
        for _ in range(4):
            make_post(author, text="Un mot doux #entraide")
    client.force_login(user)
    with django_assert_max_num_queries(10):
        assert client.get("/community/").status_code == 200


def test_error_pages_are_calm_and_translated(client, db):
    response = client.get("/@nobody", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert "Cette page n’est pas là" in response.content.decode()
    response = client.get("/community/?max_id=x", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "We could not understand this request" in response.content.decode()


def test_hashtag_with_accents(client, user):
    make_post(user, text="Merci pour tout #Réconfort")
    response = client.get("/tags/r%C3%A9confort")
    assert response.status_code == 200
    assert "Merci pour tout" in response.content.decode()


def test_memorialised_profile_is_a_remembrance(client, user, other):
    make_post(user, text="Prenez soin de vous")
    moderator = UserFactory(username="modo", role=Role.MODERATOR)
    request = memorial_accounts.memorialisation_request(other, user, relation="family", proof="Avis de décès")
    memorial_accounts.memorialisation_decide(moderator, request.pk, approved=True, reason="Vérifié")
    html = client.get("/@marie", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "En souvenir de Marie" in html
    remembrance = html.split('class="remembrance card"')[1].split("</section>")[0]
    assert "Prenez soin de vous" in remembrance  # the last public post, pinned


def test_expired_form_gets_a_calm_403(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("web:set_language"), {"language": "en"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403
    assert "Ce formulaire avait expiré" in response.content.decode()

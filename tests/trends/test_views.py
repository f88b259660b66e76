"""Pages: the tag page (people, related tags, week, follow), trends, followed and featured tags, profile."""

from __future__ import annotations

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.hashtags import services as tag_services
from reconfort.hashtags.models import FeaturedTag, TagFollow
from reconfort.trends.models import TagReview, TrendScore
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


def test_tag_page_people_related_week_and_follow(client, user, other, third):
    make_post(other, "Courage #Paix #espoir", language="fr")
    make_post(third, "Ensemble #paix #espoir")
    make_post(third, "Seule #paix")
    hidden = UserFactory(username="cache", display_name="Caché")
    make_post(hidden, "#paix")
    account_services.mute_create(user, hidden)
    secret = UserFactory(username="discret", display_name="Discret")
    make_post(secret, "#paix pour mes proches", visibility="private")
    user.language = "en"  # pages speak the member's language, whatever the browser says
    user.save(update_fields=["language"])
    client.force_login(user)
    page = client.get("/tags/PAIX", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "#Paix" in page
    assert 'href="/@tom"' in page and 'href="/@amina"' in page
    assert 'href="/@cache"' not in page and 'href="/@discret"' not in page  # muted; followers-only only
    assert 'href="/tags/espoir"' in page  # written together
    assert "tag-week__bar--10" in page  # today's bar is the week's highest
    assert "Follow this hashtag" in page
    response = client.post("/tags/paix/follow/", {"next": "/tags/paix"})
    assert response.status_code == 302 and TagFollow.objects.filter(user=user, tag__key="paix").exists()
    assert "Stop following this hashtag" in client.get("/tags/paix", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post("/tags/paix/unfollow/")
    assert not TagFollow.objects.exists()
    assert client.post("/tags/12/follow/").status_code == 422


def test_anonymous_sees_the_tag_page_without_follow_and_cannot_follow(client, user):
    make_post(user, "#paix")
    page = client.get("/tags/paix", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Follow this hashtag" not in page and "/feeds/tags/paix.rss" in page
    response = client.post("/tags/paix/follow/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_trends_page_shows_only_approved_in_french_and_english(client, user):
    from reconfort.hashtags.services import tags_get_or_create

    now = timezone.now()
    waiting, approved = tags_get_or_create(["attente", "inondations"])
    for tag in (waiting, approved):
        TrendScore.objects.create(
            tag=tag, language="", score=9, accounts=9, expected=1, detected_at=now, computed_at=now
        )
    TagReview.objects.create(tag=waiting, requested_at=now)
    TagReview.objects.create(tag=approved, requested_at=now, state=TagReview.State.APPROVED)
    english = client.get("/trends/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Trending hashtags" in english and "#inondations" in english and "#attente" not in english
    client.cookies["django_language"] = "fr"
    french = client.get("/trends/?language=", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "#inondations" in french and 'lang="fr"' in french
    assert "#inondations" not in client.get("/trends/?language=en").content.decode()


def test_featured_tags_page_and_profile(client, user, other):
    make_post(user, "Une pensée #paix #espoir")
    user.language = "en"  # pages speak the member's language, whatever the browser says
    user.save(update_fields=["language"])
    client.force_login(user)
    page = client.get("/featured-tags/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Feature #paix" in page
    assert client.post("/featured-tags/", {"name": "#paix"}).status_code == 302
    featured = FeaturedTag.objects.get(user=user)
    bad = client.post("/featured-tags/", {"name": "pas un tag"})
    assert bad.status_code == 422 and FeaturedTag.objects.count() == 1
    profile = client.get("/@marie", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Featured hashtags" in profile and 'href="/tags/paix"' in profile
    client.force_login(other)
    assert client.post(f"/featured-tags/{featured.pk}/remove/").status_code == 404
    client.force_login(user)
    assert client.post(f"/featured-tags/{featured.pk}/remove/").status_code == 302
    assert not FeaturedTag.objects.exists()


def test_followed_tags_page(client, user):
    user.language = "en"
    user.save(update_fields=["language"])
    tag_services.tag_follow(user, "Espoir")
    client.force_login(user)
    page = client.get("/followed-tags/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "#Espoir" in page and "Stop following" in page

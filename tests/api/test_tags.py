"""Mastodon API for hashtags: Tag (with history and following), follow/unfollow, followed_tags (Link
pagination), featured_tags (and suggestions, and an account's), trends/tags gated by review."""

from __future__ import annotations

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.hashtags.models import TagFollow
from reconfort.trends import services as trend_services
from reconfort.trends.models import TagReview, TrendScore
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_tag_entity_case_insensitive_with_history(api, anon, user):
    make_post(user, "Courage #Réconfort")
    make_post(user, "Encore #réconfort")
    body = anon.get("/api/v1/tags/R%C3%89CONFORT").json()
    assert body["name"] == "Réconfort" and body["url"].endswith("/tags/R%C3%A9confort")
    assert len(body["history"]) == 7 and body["history"][0] == {
        "day": body["history"][0]["day"],
        "uses": "2",
        "accounts": "1",
    }
    assert body["following"] is None  # anonymous
    assert api.get("/api/v1/tags/réconfort").json()["following"] is False
    assert anon.get("/api/v1/tags/inconnu").status_code == 404


def test_follow_unfollow_and_followed_tags_pagination(api, user):
    for name in ("paix", "espoir", "Deuil"):
        response = api.post(f"/api/v1/tags/{name}/follow")
        assert response.status_code == 200 and response.json()["following"] is True
    assert api.post("/api/v1/tags/paix/follow").status_code == 200  # twice: still one follow
    assert TagFollow.objects.filter(user=user).count() == 3
    page = api.get("/api/v1/followed_tags", {"limit": 2})
    assert [t["name"] for t in page.json()] == ["Deuil", "espoir"] and 'rel="next"' in page["Link"]
    next_url = page["Link"].split(";")[0].strip("<>")
    assert [t["name"] for t in api.get(next_url).json()] == ["paix"]
    assert api.post("/api/v1/tags/DEUIL/unfollow").json()["following"] is False
    assert {t["name"] for t in api.get("/api/v1/followed_tags").json()} == {"paix", "espoir"}


def test_follow_refuses_what_is_not_a_hashtag(api):
    response = api.post("/api/v1/tags/1234/follow")
    assert response.status_code == 422 and "error" in response.json()
    assert not TagFollow.objects.exists()


def test_featured_tags_crud_limit_and_account_listing(api, anon, user, other, settings):
    settings.RECONFORT_FEATURED_TAGS_MAX = 2
    make_post(user, "Une pensée #paix")
    make_post(user, "Une autre #paix #espoir")
    created = api.post_json("/api/v1/featured_tags", {"name": "#paix"})
    assert created.status_code == 200
    body = created.json()
    assert body["name"] == "paix" and body["statuses_count"] == 2
    assert body["last_status_at"] == timezone.now().date().isoformat()
    assert api.post_json("/api/v1/featured_tags", {"name": "paix"}).json()["id"] == body["id"]  # idempotent
    assert [t["name"] for t in api.get("/api/v1/featured_tags/suggestions").json()] == ["espoir"]
    api.post_json("/api/v1/featured_tags", {"name": "espoir"})
    too_many = api.post_json("/api/v1/featured_tags", {"name": "deuil"})
    assert too_many.status_code == 422 and "error" in too_many.json()
    listed = anon.get(f"/api/v1/accounts/{user.pk}/featured_tags").json()
    assert sorted(t["name"] for t in listed) == ["espoir", "paix"]
    assert api.delete(f"/api/v1/featured_tags/{body['id']}").status_code == 200
    assert api.delete(f"/api/v1/featured_tags/{body['id']}").status_code == 404
    assert api.delete("/api/v1/featured_tags/abc").status_code == 404
    assert [t["name"] for t in api.get("/api/v1/featured_tags").json()] == ["espoir"]


def test_featured_tags_hidden_from_a_blocked_member(api_for, user, other):
    account_services.block_create(user, other)
    assert api_for(other).get(f"/api/v1/accounts/{user.pk}/featured_tags").status_code == 404


def test_trends_show_only_approved_tags_in_the_language(anon, api_for, user, other):
    from reconfort.hashtags.services import tags_get_or_create

    fr, en = tags_get_or_create(["inondations", "storm"])
    now = timezone.now()
    for tag, language in ((fr, "fr"), (en, "en")):
        for lang in (language, ""):
            TrendScore.objects.create(
                tag=tag, language=lang, score=9, accounts=12, expected=1, detected_at=now, computed_at=now
            )
    assert anon.get("/api/v1/trends/tags").json() == []  # waiting for review
    TagReview.objects.create(tag=fr, requested_at=now, state=TagReview.State.APPROVED)
    TagReview.objects.create(tag=en, requested_at=now, state=TagReview.State.APPROVED)
    assert {t["name"] for t in anon.get("/api/v1/trends/tags").json()} == {"inondations", "storm"}
    assert [t["name"] for t in anon.get("/api/v1/trends/tags", {"language": "en"}).json()] == ["storm"]
    # A member's own language by default: Marie reads French, Tom English.
    assert [t["name"] for t in api_for(user).get("/api/v1/trends/tags").json()] == ["inondations"]
    assert [t["name"] for t in api_for(other).get("/api/v1/trends/tags").json()] == ["storm"]
    assert anon.get("/api/v1/trends/tags", {"limit": 0}).status_code in (400, 422)


def test_trends_computed_then_approved_appear(anon, user, settings):
    settings.RECONFORT_TRENDS_MIN_ACCOUNTS = 1
    settings.RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT = 1
    settings.RECONFORT_TRENDS_MIN_SCORE = 0
    settings.RECONFORT_TRENDS_MIN_RATIO = 1
    make_post(user, "Pensées pour vous #tempête")
    trend_services.trends_compute()
    assert anon.get("/api/v1/trends/tags").json() == []
    review = TagReview.objects.get()
    TagReview.objects.filter(pk=review.pk).update(state=TagReview.State.APPROVED)
    assert [t["name"] for t in anon.get("/api/v1/trends/tags").json()] == ["tempête"]

"""Reporting a post by the post (/report/post/<id>/): how an anonymous request for comfort and its asker's replies
are reported (decision 0038). The card links there, the page and the reporter's outcome page show the pseudonym,
never the account, and the moderators see who it is, as for any post report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from reconfort.accounts.models import Role
from reconfort.comfort import services as comfort_services
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.moderation import services
from reconfort.moderation.models import Report
from reconfort.posts import services as post_services
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_and_no_second_factor(settings):
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    with translation.override("en"):
        yield


def member(username, **kwargs):
    return UserFactory(username=username, date_joined=timezone.now() - timedelta(days=60), language="en", **kwargs)


@pytest.fixture
def people():
    return {
        "asker": member("solene_v", display_name="Solène Verdier"),
        "reader": member("ines", display_name="Inès"),
        "moderator": member("garance", role=Role.MODERATOR),
    }


@pytest.fixture
def request_(people):
    return comfort_services.support_request_ask(
        people["asker"], text="Je pleure chaque nuit", topic="grief", language="fr", anonymous=True
    )


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_an_anonymous_card_links_to_the_report_by_post(people, request_):
    url = f"/report/post/{request_.post_id}/"
    page = signed_in(people["reader"]).get(f"/posts/{request_.post_id}").text
    assert url in page and "/report/solene_v/" not in page
    assert url not in signed_in(people["asker"]).get(f"/posts/{request_.post_id}").text  # her own
    named = make_post(people["asker"], text="Bonjour")
    page = signed_in(people["reader"]).get(f"/@solene_v/{named.pk}").text
    assert f"/report/solene_v/?post={named.pk}" in page  # named posts keep the account's report form


def test_the_page_shows_the_pseudonym_and_the_report_names_the_asker_for_moderators(people, request_):
    reader = signed_in(people["reader"])
    url = f"/report/post/{request_.post_id}/"
    page = reader.get(url)
    assert page.status_code == 200
    assert request_.pseudonym in page.text and "Je pleure chaque nuit" in page.text and "Report this post" in page.text
    assert "solene" not in page.text.lower() and "Solène" not in page.text
    response = reader.post(url, {"category": "spam", "comment": "Pub"})
    assert response.status_code == 302 and response["Location"] == f"/posts/{request_.post_id}"
    report = Report.objects.get()
    assert report.target_account == people["asker"] and [p.pk for p in report.posts.all()] == [request_.post_id]
    assert report.target_alias == request_.pseudonym and report.target_kind == ""
    outcome = reader.get(f"/reports/{report.pk}/").text
    assert request_.pseudonym in outcome and "solene" not in outcome.lower()
    post_services.post_delete(people["asker"], report.posts.get())  # still the pseudonym once the post is gone
    outcome = reader.get(f"/reports/{report.pk}/").text
    assert request_.pseudonym in outcome and "solene" not in outcome.lower()
    item = signed_in(people["moderator"]).get(f"/moderation/items/{report.queue_item_id}/").text
    assert "@solene_v" in item and request_.pseudonym in item


def test_a_named_post_is_reported_by_post_too(people):
    named = make_post(people["asker"], text="Bonjour")
    page = signed_in(people["reader"]).get(f"/report/post/{named.pk}/")
    assert page.status_code == 200 and "Solène Verdier" in page.text
    assert signed_in(people["reader"]).post(f"/report/post/{named.pk}/", {"category": "spam"}).status_code == 302
    report = Report.objects.get()
    assert report.target_account == people["asker"] and report.target_alias == ""


def test_own_hidden_or_unknown_posts_cannot_be_reported(people, request_):
    hidden = make_post(people["asker"], text="Pour mes proches", visibility="private")
    asker, reader = signed_in(people["asker"]), signed_in(people["reader"])
    assert asker.get(f"/report/post/{request_.post_id}/").status_code == 404
    assert asker.post(f"/report/post/{request_.post_id}/", {"category": "spam"}).status_code == 404
    for url in (f"/report/post/{hidden.pk}/", "/report/post/999999/", "/report/post/abc/"):
        assert reader.get(url).status_code == 404, url
        assert reader.post(url, {"category": "spam"}).status_code == 404, url
    assert Client().get(f"/report/post/{request_.post_id}/").status_code == 302  # sign in first
    assert not Report.objects.exists()


def test_the_service_refuses_the_asker_and_a_mix_of_pseudonym_and_name(people, request_):
    with pytest.raises(Forbidden):
        services.report_create_posts(people["asker"], [request_.post_id], category="spam")
    named = make_post(people["asker"], text="Bonjour")
    with pytest.raises(ServiceError) as refused:
        services.report_create_posts(people["reader"], [request_.post_id, named.pk], category="spam")
    assert refused.value.code == "several_authors"
    assert not Report.objects.exists()

"""Pages for reports about a memorial, a tribute, an appeal or a circle message: the "Report" links where these
live, the report form showing what is reported, the moderator's item page and decision, and what the member and
the reporter read afterwards."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import translation

from reconfort.accounts.models import Role
from reconfort.memorials.models import Tribute
from reconfort.moderation import services
from reconfort.moderation.models import Decision, Report
from tests.factories import UserFactory

from .targets_world import appeal_of, circle_post_by, memorial_of, tribute_by

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_and_no_second_factor(settings):
    settings.RECONFORT_STAFF_REQUIRE_2FA = False  # the staff second factor has its own tests
    with translation.override("en"):
        yield


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", role=Role.MODERATOR, language="en")


def signed_in(person) -> Client:
    person.language = "en"
    person.save(update_fields=["language"])
    client = Client()
    client.force_login(person)
    return client


def _world(user, other):
    """Tom keeps a memorial, wrote a tribute on Marie's, an appeal and a message in Marie's public circle."""
    memorial = memorial_of(other)
    tribute = tribute_by(other, memorial_of(user))
    return {
        "memorial": (f"/report/memorial/{memorial.key}/", f"/memorials/{memorial.key}/", "Jeanne Martin"),
        "tribute": (f"/report/tribute/{tribute.pk}/", f"/memorials/{tribute.memorial.key}/", tribute.text),
        "appeal": (f"/report/appeal/{appeal_of(other).pk}/", None, "Max, chat roux"),
        "circle_post": (
            f"/report/circle-post/{(post := circle_post_by(other, creator=user)).pk}/",
            f"/circles/{post.circle.slug}/",
            post.text,
        ),
    }


def test_report_links_where_the_things_live(user, other):
    world = _world(user, other)
    marie, tom = signed_in(user), signed_in(other)
    appeal_page = world["appeal"][0].replace("/report/appeal/", "/appeals/")
    for kind, (report_url, page, _text) in world.items():
        page = page or appeal_page
        assert report_url in marie.get(page).text, kind  # someone else's: a link to report it
        assert report_url not in tom.get(page).text, kind  # one's own: none
    assert "/report/" not in Client().get(world["memorial"][1]).text  # visitors do not report


def test_the_form_shows_what_is_reported_and_sends_the_report(user, other):
    marie = signed_in(user)
    for kind, (report_url, _page, text) in _world(user, other).items():
        page = marie.get(report_url)
        assert page.status_code == 200, kind
        assert text in page.text and 'name="posts"' not in page.text, kind
        assert "Report this " in page.text
        response = marie.post(report_url, {"category": "harassment", "comment": "Cruel"})
        assert response.status_code == 302, (kind, response.content[:500])
        assert "moderators will look" in str(list(get_messages(response.wsgi_request))[0])
        assert Report.objects.filter(target_kind=kind, reporter=user, target_account=other).exists()
    refused = marie.post(report_url, {"category": "nonsense"})
    assert refused.status_code == 422 and Report.objects.count() == 4


def test_one_cannot_report_what_one_cannot_see_or_one_s_own(user, other, third):
    world = _world(user, other)
    tom, amina = signed_in(other), signed_in(third)
    for kind, (report_url, _page, _text) in world.items():
        assert tom.get(report_url).status_code == 404, kind  # his own
    assert Client().get(world["appeal"][0]).status_code == 302  # sign in first
    draft = memorial_of(other, publish=False)
    members_only = circle_post_by(other, creator=other, posts_visibility="members")
    for url in (
        f"/report/memorial/{draft.key}/",
        f"/report/circle-post/{members_only.pk}/",
        "/report/tribute/999999/",
        "/report/nonsense/1/",
    ):
        assert amina.get(url).status_code == 404, url
        assert amina.post(url, {"category": "spam"}).status_code == 404, url
    assert not Report.objects.exists()


def test_the_moderator_sees_the_tribute_hides_it_and_the_author_reads_why(user, other, third, moderator):
    tribute = tribute_by(other, memorial_of(user))
    report = services.report_create_about(third, "tribute", tribute.pk, category="harassment", comment="Cruel")
    modo = signed_in(moderator)
    item_url = f"/moderation/items/{report.queue_item_id}/"
    page = modo.get(item_url)
    assert page.status_code == 200
    assert tribute.text in page.text and f"#tribute-{tribute.pk}" in page.text
    assert "Hide the tribute" in page.text and 'name="post"' not in page.text
    assert "Content warning added" not in page.text  # there is no post to warn about
    assert "@tom" in modo.get("/moderation/").text
    response = modo.post(item_url + "decide/", {"action": "hide", "reason": "Hurtful words on a memorial."})
    assert response.status_code == 302
    assert Tribute.objects.get(pk=tribute.pk).state == Tribute.State.HIDDEN
    assert "Hide the tribute" not in modo.get(item_url).text  # already hidden
    decisions = signed_in(other).get("/settings/decisions/").text
    assert "Tribute hidden" in decisions and "Hurtful words on a memorial." in decisions and tribute.text in decisions
    assert "amina" not in decisions  # who reported stays unknown
    outcome = signed_in(third).get(f"/reports/{report.pk}/").text
    assert "you reported a tribute" in outcome and "Action taken" in outcome


def test_a_memorial_report_tells_the_reporter_nothing_of_its_keeper(user, other, moderator):
    memorial = memorial_of(other)
    report = services.report_create_about(user, "memorial", memorial.key, category="false_memorial")
    outcome = signed_in(user).get(f"/reports/{report.pk}/").text
    assert "you reported a memorial page" in outcome and "tom" not in outcome
    page = signed_in(moderator).get(f"/moderation/items/{report.queue_item_id}/").text
    assert "Jeanne Martin" in page and f"/memorials/{memorial.key}/" in page and "@tom" in page
    assert 'value="hide"' not in page and 'value="warn"' in page


def test_a_memorial_nobody_keeps_any_more_can_only_be_dismissed(user, other, moderator):
    memorial = memorial_of(other)
    other.delete()  # the keeper's account is gone, the memorial stays: a report about it is about nobody
    report = services.report_create_about(user, "memorial", memorial.key, category="false_memorial")
    assert report.target_account is None and report.memorial == memorial
    modo = signed_in(moderator)
    item_url = f"/moderation/items/{report.queue_item_id}/"
    page = modo.get(item_url)
    assert page.status_code == 200 and "nobody keeps this memorial" in page.text
    assert "Take this decision" not in page.text
    assert modo.post(item_url + "decide/", {"action": "warn", "reason": "x"}).status_code == 404
    assert modo.get("/moderation/").status_code == 200
    assert modo.post(item_url + "dismiss/", {"note": "Nothing wrong."}).status_code == 302
    assert not Decision.objects.exists() and Report.objects.get().state == Report.State.DISMISSED

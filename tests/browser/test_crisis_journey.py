"""A crisis in a real browser: a moderator (with two-factor) opens a crisis page in one click from a trending
hashtag (listed on the crisis management page, prefilled form) → a member who lives in the area is invited and
marks herself safe → a follower sees it, a stranger does not → the crisis winds down and is archived, and the
check-ins and their notifications are gone."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reconfort.accounts.models import Role
from reconfort.accounts.services import follow_create
from reconfort.crisis.models import CheckIn, Crisis, Invitation
from reconfort.hashtags.services import tags_get_or_create
from reconfort.notifications.models import Notification
from reconfort.trends.models import TagReview, TrendScore
from tests.browser.conftest import log_in
from tests.browser.test_moderation import log_in_with_code, with_authenticator
from tests.factories import PASSWORD, UserFactory, make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_open_a_crisis_check_in_follower_sees_it_archive_and_gone(new_context):
    modo = UserFactory(username="modo", language="en", role=Role.MODERATOR)
    device = with_authenticator(modo)
    marie = UserFactory(username="marie", display_name="Marie", language="en")
    tom = UserFactory(username="tom", display_name="Tom", language="en")
    UserFactory(username="sam", display_name="Sam", language="en")
    follow_create(tom, marie)
    make_post(marie, text="L'eau monte dans notre rue #CrueLyon")
    # The trend detector found #CrueLyon bursting and a moderator approved it as a trend (reconfort.trends).
    now = timezone.now()
    (tag,) = tags_get_or_create(["CrueLyon"])
    TrendScore.objects.create(tag=tag, language="", score=12, accounts=30, expected=2, detected_at=now, computed_at=now)
    TagReview.objects.create(tag=tag, requested_at=now, state=TagReview.State.APPROVED)

    # Marie says, privately, that she lives in Lyon.
    marie_page = new_context(locale="en-GB").new_page()
    log_in(marie_page, "marie", PASSWORD)
    marie_page.goto("/crises/settings/")
    marie_page.locator("#id_place").fill("Lyon")
    marie_page.get_by_role("button", name="Save my home area").click()
    expect(marie_page.locator(".messages")).to_contain_text("Only you can see it.")

    # The moderator passes the second factor and opens the crisis from the hashtag, prefilled.
    modo_page = new_context(locale="en-GB").new_page()
    log_in_with_code(modo_page, modo, device)
    modo_page.goto("/crises/manage/")
    modo_page.get_by_role("link", name="Open a crisis page for #CrueLyon").click()
    expect(modo_page.get_by_label("Hashtags")).to_have_value("#CrueLyon")
    modo_page.get_by_label("Name of the crisis").fill("Crue du Rhône")
    modo_page.locator("#id_place").fill("Lyon")
    modo_page.get_by_label("Area concerned, in km around the town").fill("30")
    modo_page.get_by_role("button", name="Open the crisis page").click()
    expect(modo_page.get_by_role("heading", name="Crue du Rhône", level=1)).to_be_visible()
    modo_page.get_by_role("textbox", name="Official information").fill("Avoid the river banks. Shelters are open.")
    modo_page.get_by_role("button", name="Pin this information").click()
    expect(modo_page.locator(".crisis-notices")).to_contain_text("Shelters are open.")
    crisis = Crisis.objects.get()
    assert crisis.state == "active" and Invitation.objects.get().account == marie

    # Marie is invited in her notifications, and marks herself safe.
    marie_page.goto("/notifications/")
    marie_page.get_by_role("link", name="Crue du Rhône").click()
    expect(marie_page).to_have_url(re.compile(rf"/crises/{crisis.slug}/"))
    expect(marie_page.locator("main")).to_contain_text("Messages")
    expect(marie_page.locator("main")).to_contain_text("L'eau monte dans notre rue")
    marie_page.get_by_role("radio", name="I'm safe").check()
    marie_page.get_by_role("button", name="Tell the people who follow me").click()
    expect(marie_page.locator(".messages")).to_contain_text("The people who follow you will know.")
    expect(marie_page.locator("#my-checkin")).to_contain_text("I'm safe")

    # Tom, who follows her, sees it on the page and in his notifications; Sam, a stranger, does not.
    tom_page = new_context(locale="en-GB").new_page()
    log_in(tom_page, "tom", PASSWORD)
    tom_page.goto(f"/crises/{crisis.slug}/")
    expect(tom_page.locator("#followed-checkins")).to_contain_text("Marie is safe")
    tom_page.goto("/notifications/")
    expect(tom_page.locator("main")).to_contain_text("Marie is safe (Crue du Rhône).")
    sam_page = new_context(locale="en-GB").new_page()
    log_in(sam_page, "sam", PASSWORD)
    sam_page.goto(f"/crises/{crisis.slug}/")
    expect(sam_page.locator("#followed-checkins")).to_contain_text("Nobody you follow has checked in yet.")
    expect(sam_page.locator("main")).not_to_contain_text("Marie is safe")

    # The crisis winds down, then is archived: the check-ins and their notifications are deleted.
    modo_page.goto(f"/crises/{crisis.slug}/")
    modo_page.get_by_role("button", name="Wind down").click()
    expect(modo_page.locator(".messages")).to_contain_text("Winding down")
    modo_page.get_by_role("button", name="Archive").click()
    expect(modo_page.locator("main")).to_contain_text("This crisis is over.")
    assert not CheckIn.objects.exists() and not Invitation.objects.exists()
    assert not Notification.objects.filter(type__in=["crisis_invite", "safety_checkin"]).exists()
    tom_page.goto(f"/crises/{crisis.slug}/")
    expect(tom_page.locator("main")).to_contain_text("the check-ins have been deleted")
    expect(tom_page.locator("main")).not_to_contain_text("Marie is safe")
    tom_page.goto("/notifications/")
    expect(tom_page.locator("main")).not_to_contain_text("Crue du Rhône")

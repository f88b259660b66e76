"""A memorial, end to end in a real browser: Marie creates the memorial of Jeanne Martin, sets her last words and
publishes it; Tom lays flowers and writes a tribute, which waits; Marie approves it; Jeanne appears in the
Hereafter with her last words."""

import pytest
from playwright.sync_api import expect

from reconfort.memorials.models import Memorial, MemorialGesture, Tribute
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_memorial_last_words_flowers_tribute_and_the_hereafter(new_context):
    UserFactory(username="marie", display_name="Marie", language="en")
    UserFactory(username="tom", display_name="Tom", language="en")

    # Marie creates the memorial (a draft), listed in the Hereafter.
    page = new_context(locale="en-GB").new_page()
    log_in(page, "marie", PASSWORD)
    page.goto("/memorials/new/")
    page.get_by_label("Full name").fill("Jeanne Martin")
    page.locator("#id_death_date").fill("2024-03-14")
    page.get_by_label("Place").fill("Brest")
    page.get_by_label("List it in the Hereafter").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("saved as a draft")
    memorial = Memorial.objects.get()
    assert memorial.state == Memorial.State.DRAFT and memorial.listed

    # She sets the last words, with the family's consent, and publishes.
    page.goto(f"/memorials/{memorial.key}/edit/")
    page.get_by_label("Their last words").fill("La mer est calme ce soir. Je vous aime.")
    page.get_by_label("Why they may be shown").select_option("family")
    page.get_by_role("button", name="Save the last words").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    page.goto(f"/memorials/{memorial.key}/edit/")
    page.get_by_role("button", name="Publish").click()
    memorial.refresh_from_db()
    assert memorial.state == Memorial.State.PUBLISHED
    page.goto(f"/memorials/{memorial.key}/")
    expect(page.locator("main")).to_contain_text("La mer est calme ce soir.")

    # Tom lays flowers with a few words, then writes a tribute, which waits for the stewards.
    tom_page = new_context(locale="en-GB").new_page()
    log_in(tom_page, "tom", PASSWORD)
    tom_page.goto(f"/memorials/{memorial.key}/")
    tom_page.locator("#gesture-flowers").fill("Pour Jeanne")
    tom_page.get_by_role("button", name="Lay flowers").click()
    expect(tom_page.get_by_role("button", name="Lay flowers")).to_be_disabled()
    assert MemorialGesture.objects.get().kind == "flowers"
    tom_page.get_by_label("What you would like to leave").select_option("memory")
    tom_page.get_by_label("Your words").fill("Elle m'a appris à nager à Brest.")
    tom_page.get_by_role("button", name="Leave these words").click()
    expect(tom_page.locator(".messages")).to_contain_text("once the family has read them")
    assert Tribute.objects.get().state == Tribute.State.PENDING

    # Marie approves it; it is now on the page for everyone.
    page.reload()
    tribute = page.locator(f"#tribute-{Tribute.objects.get().pk}")
    tribute.get_by_role("button", name="Approve").click()
    expect(tribute.get_by_role("button", name="Hide")).to_be_visible()
    assert Tribute.objects.get().state == Tribute.State.APPROVED
    tom_page.reload()
    expect(tom_page.locator("main")).to_contain_text("Elle m'a appris à nager à Brest.")

    # Jeanne is in the Hereafter, with her last words.
    visitor = new_context(locale="en-GB").new_page()
    visitor.goto("/memorials/")
    entry = visitor.locator(".hereafter__entry", has_text="Jeanne Martin")
    expect(entry).to_contain_text("La mer est calme ce soir.")

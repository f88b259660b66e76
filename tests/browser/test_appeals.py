"""A missing pet, end to end in a real browser: Marie posts an appeal with a photo; Tom, near Lyon, finds it in
"near me" and reports a sighting that only Marie sees; Amina reshares it; Marie marks Max reunited; Amina is told,
and the reshared post reads "Reunited"."""

from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from reconfort.appeals.models import Appeal, Sighting, Status
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _members_old_enough(settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


def test_missing_pet_found_near_me_sighted_and_reunited(new_context, tmp_path):
    marie = UserFactory(username="marie", display_name="Marie", language="en")
    UserFactory(username="tom", display_name="Tom", language="en")
    UserFactory(username="amina", display_name="Amina", language="en")
    photo = tmp_path / "max.png"
    Image.new("RGB", (80, 60), (220, 140, 60)).save(photo)
    last_seen = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    # Marie posts the appeal with a photo.
    page = new_context(locale="en-GB").new_page()
    log_in(page, "marie", PASSWORD)
    page.goto("/appeals/new/missing_pet/")
    page.get_by_label("Title").fill("Max, our ginger cat")
    page.get_by_label("Species").select_option("cat")
    page.locator("#id_d-name").fill("Max")
    page.get_by_label("Colours").fill("ginger and white")
    page.get_by_label("Last seen on").fill(last_seen)
    page.get_by_label("Last seen where").fill("Croix-Rousse")
    page.get_by_label("Town").fill("Lyon, FR")
    page.get_by_label("Photos (up to four)").set_input_files(str(photo))
    page.get_by_role("button", name="Publish the appeal").click()
    expect(page.locator(".messages")).to_contain_text("Your appeal is published.")
    appeal = Appeal.objects.get()
    assert appeal.owner == marie and appeal.photos.count() == 1 and appeal.status == Status.OPEN
    expect(page.locator("img[src*='/media/appeals/']").first).to_be_attached()

    # Tom, in Lyon, finds it in "near me" with its distance, and reports a sighting.
    tom_page = new_context(locale="en-GB").new_page()
    log_in(tom_page, "tom", PASSWORD)
    tom_page.goto("/appeals/")
    tom_page.get_by_label("Town").fill("Lyon, FR")
    tom_page.get_by_role("button", name="Search").click()
    results = tom_page.locator("#appeal-results")
    expect(results).to_contain_text("Max, our ginger cat")
    expect(results).to_contain_text("km")
    results.get_by_role("link", name="Max, our ginger cat").first.click()
    tom_page.get_by_label("What did you see?").fill("A ginger cat under a car, rue d'Austerlitz")
    tom_page.get_by_role("button", name="Send to the owner").click()
    expect(tom_page.locator(".messages")).to_contain_text("Only the person searching will see what you reported.")
    assert Sighting.objects.get().author.username == "tom"

    # Amina reshares the appeal's post.
    amina_page = new_context(locale="en-GB").new_page()
    log_in(amina_page, "amina", PASSWORD)
    amina_page.goto(f"/@marie/{appeal.post_id}")
    amina_page.locator(f"#post-{appeal.post_id}").get_by_role("button", name="Reshare").click()
    expect(amina_page.locator(f"#post-{appeal.post_id}")).to_contain_text("Reshared")

    # Marie sees the sighting (and nobody else does), then marks Max reunited.
    page.reload()
    expect(page.locator("main")).to_contain_text("rue d'Austerlitz")
    page.get_by_label("How did it end?").select_option("reunited")
    page.get_by_role("button", name="Close with this outcome").click()
    expect(page.locator("main")).to_contain_text("Reunited")
    appeal.refresh_from_db()
    assert appeal.status == Status.RESOLVED and appeal.resolution == "reunited"

    # Amina is told, and the post she reshared now leads with the outcome.
    amina_page.goto("/notifications/")
    expect(amina_page.locator("main")).to_contain_text("Max, our ginger cat: reunited!")
    amina_page.goto(f"/@marie/{appeal.post_id}")
    expect(amina_page.locator(f"#post-{appeal.post_id}")).to_contain_text("Update: Reunited.")
    expect(amina_page.locator("main")).not_to_contain_text("rue d'Austerlitz")

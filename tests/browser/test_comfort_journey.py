"""The comfort queue in a real browser: a member asks for comfort → a comforter opts in (the guide), finds the
request in the queue, opens (claims) it and writes a reply → the asker thanks the comforter, privately; the thanks
are on the comforter's own page. (The lead may extend it with a hostile stranger's reply being held.)"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reconfort.accounts.services import follow_create
from reconfort.comfort.models import Claim, SupportRequest, Thanks
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "My dad died on Sunday. I keep listening to his voicemail."


def test_ask_claim_reply_thank(new_context):
    old = timezone.now() - timedelta(days=60)
    UserFactory(username="lea", display_name="Lea", language="en", date_joined=old)
    paul = UserFactory(username="paul", display_name="Paul", language="en", date_joined=old)

    asker = new_context(locale="en-GB").new_page()
    log_in(asker, "lea", PASSWORD)
    asker.goto("/comfort/ask/")
    asker.locator("#id_text").fill(TEXT)
    asker.locator("#id_topic").select_option("grief")
    asker.locator("#id_language").select_option("en")
    asker.get_by_role("button", name="Ask for comfort").click()
    expect(asker.locator(".messages")).to_contain_text("Your request is in the comfort queue")
    request = SupportRequest.objects.get()
    # Lea follows Paul, so the kind-reply guard shows his reply at once (otherwise it waits for her approval).
    follow_create(request.asker, paul)

    comforter = new_context(locale="en-GB").new_page()
    log_in(comforter, "paul", PASSWORD)
    comforter.goto("/comfort/comforter/")
    expect(comforter.locator(".comfort-guide")).to_contain_text("Everything happens for a reason")
    comforter.get_by_label("English").check()
    comforter.get_by_label("I have read the guide above and will follow it").check()
    comforter.get_by_role("button", name="Join the comfort queue").click()
    comforter.wait_for_url("**/comfort/queue/")
    expect(comforter.locator(".comfort-request")).to_contain_text("voicemail")
    comforter.get_by_role("button", name="Open and answer").click()
    expect(comforter.locator(".comfort-claim")).to_contain_text("This request is yours until")
    assert Claim.objects.get().comforter == paul
    comforter.locator("#id_text").fill("I'm so sorry, Lea. Keep listening as long as you need. I'm here.")
    comforter.get_by_role("button", name="Send", exact=True).click()
    expect(comforter.locator(".messages")).to_contain_text("Your reply is sent")
    request.refresh_from_db()
    assert request.kind_replies == 1

    asker.goto(f"/comfort/requests/{request.pk}/")
    expect(asker.locator(".comfort-reply")).to_contain_text("I'm here")
    asker.locator("#thanks_recipient").select_option(str(paul.pk))
    asker.locator("#thanks_text").fill("Thank you, Paul. I slept a little.")
    asker.get_by_role("button", name="Send my thanks").click()
    expect(asker.locator(".messages")).to_contain_text("Only they will see them")
    assert Thanks.objects.get().recipient == paul

    comforter.goto("/comfort/thanks/")
    expect(comforter.locator(".comfort-thanks")).to_contain_text("I slept a little")

"""The comfort queue in a real browser (issue 6): a member asks for comfort → a comforter opts in (the guide), finds
the request in the queue, opens (claims) it and writes a reply, shown at once → a hostile stranger's reply first
gets a kindness nudge, then is held: it reaches the asker's held-replies folder, not her notifications → the asker
thanks the comforter, privately; the thanks are on the comforter's own page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reconfort.comfort.models import Claim, SupportRequest, Thanks
from reconfort.notifications.models import Notification
from reconfort.posts.models import Post
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "My dad died on Sunday. I keep listening to his voicemail."


def test_ask_claim_reply_thank(new_context):
    old = timezone.now() - timedelta(days=60)
    UserFactory(username="lea", display_name="Lea", language="en", date_joined=old)
    paul = UserFactory(username="paul", display_name="Paul", language="en", date_joined=old)
    UserFactory(username="troll", display_name="Troll", language="en", date_joined=old)

    asker = new_context(locale="en-GB").new_page()
    log_in(asker, "lea", PASSWORD)
    asker.goto("/comfort/ask/")
    asker.locator("#id_text").fill(TEXT)
    asker.locator("#id_topic").select_option("grief")
    asker.locator("#id_language").select_option("en")
    asker.get_by_role("button", name="Ask for comfort").click()
    expect(asker.locator(".messages")).to_contain_text("Your request is in the comfort queue")
    request = SupportRequest.objects.get()

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
    assert request.kind_replies == 1  # a comforter answering a request is not held, though Lea does not follow him

    troll = new_context(locale="en-GB").new_page()
    log_in(troll, "troll", PASSWORD)
    troll.goto(f"/compose/?in_reply_to={request.post_id}")
    troll.locator("#id_text").fill("Stop whining, nobody cares about your dead dad, you idiot.")
    troll.get_by_role("button", name="Reply", exact=True).click()
    expect(troll.locator("#kindness-nudge")).to_contain_text("A moment before you send")
    assert not Post.objects.filter(author__username="troll").exists()  # nothing sent yet
    troll.get_by_role("button", name="Send anyway").click()
    expect(troll.locator(".messages")).to_contain_text("once the author approves it")
    hostile = Post.objects.get(author__username="troll")
    assert hostile.held
    assert not Notification.objects.filter(recipient=request.asker, post=hostile).exists()
    asker.goto("/held-replies/")
    expect(asker.locator(".held-reply")).to_contain_text("nobody cares")
    request.refresh_from_db()
    assert request.kind_replies == 1  # a held reply is not a kind one

    asker.goto(f"/comfort/requests/{request.pk}/")
    expect(asker.locator(".comfort-reply")).to_contain_text("I'm here")
    asker.locator("#thanks_recipient").select_option(str(paul.pk))
    asker.locator("#thanks_text").fill("Thank you, Paul. I slept a little.")
    asker.get_by_role("button", name="Send my thanks").click()
    expect(asker.locator(".messages")).to_contain_text("Only they will see them")
    assert Thanks.objects.get().recipient == paul

    comforter.goto("/comfort/thanks/")
    expect(comforter.locator(".comfort-thanks")).to_contain_text("I slept a little")

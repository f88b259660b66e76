"""Trust and safety in a real browser: a member reports a hostile reply; a moderator (with two-factor) hides it and
warns the writer; the writer appeals; another moderator upholds the decision; the audit log holds every step."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from reconfort.accounts.models import Role
from reconfort.moderation.models import AuditEntry, Decision, DecisionAppeal, Report
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory, make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_authenticator(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    user.two_factor_enabled = True
    user.save(update_fields=["two_factor_enabled"])
    return device


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def log_in_with_code(page, user, device):
    log_in(page, user.username, PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/verify/"))
    page.fill("#id_token", current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/accounts/two-factor/" not in url)


def test_report_hide_warn_appeal_uphold_audit(new_context):
    marie = UserFactory(username="marie", display_name="Marie", language="en")
    tom = UserFactory(username="tom", display_name="Tom", language="en")
    modo = UserFactory(username="modo", language="en", role=Role.MODERATOR)
    admin = UserFactory(username="admin", language="en", role=Role.ADMIN)
    modo_device, admin_device = with_authenticator(modo), with_authenticator(admin)
    root = make_post(marie, text="My mother died last night.")
    reply = make_post(tom, text="Nobody cares about your mother.", in_reply_to_id=root.pk)

    # Marie reports the reply from its page.
    page = new_context(locale="en-GB").new_page()
    log_in(page, "marie", PASSWORD)
    page.goto(f"/@tom/{reply.pk}")
    page.locator(f"#post-{reply.pk}").get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name="Report Tom")).to_be_visible()
    page.get_by_label("Harassment").check()
    expect(page.get_by_label("Nobody cares about your mother.", exact=False)).to_be_checked()
    page.get_by_label("Anything the moderators should know?").fill("Cruel to someone grieving.")
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator(".messages")).to_contain_text("Thank you.")
    report = Report.objects.get()
    assert report.reporter == marie and list(report.posts.all()) == [reply]

    # The moderator passes the second factor, opens the report, hides the reply, then warns Tom.
    page = new_context(locale="en-GB").new_page()
    log_in_with_code(page, modo, modo_device)
    page.goto("/moderation/")
    page.get_by_role("link", name="Open").first.click()
    expect(page.locator("main")).to_contain_text("Cruel to someone grieving.")
    expect(page.locator("main")).to_contain_text("My mother died last night.")  # the thread
    page.get_by_label("Action").select_option("hide")
    page.get_by_label("The reason the member will read").fill("Cruel words to a grieving person.")
    page.get_by_role("button", name="Take this decision").click()
    expect(page.locator(".messages")).to_contain_text("The decision is recorded.")
    page.get_by_label("Action").select_option("warn")
    page.get_by_label("Post (to hide it or add a content warning)").select_option("")
    page.get_by_label("The reason the member will read").fill("Please be gentle here.")
    page.get_by_role("button", name="Take this decision").click()
    expect(page.locator(".messages")).to_contain_text("The decision is recorded.")
    reply.refresh_from_db()
    assert reply.hidden_at is not None
    assert list(Decision.objects.order_by("id").values_list("action", flat=True)) == ["hide", "warn"]

    # Tom reads the decisions from his notification and appeals the warning.
    page = new_context(locale="en-GB").new_page()
    log_in(page, "tom", PASSWORD)
    page.goto("/notifications/")
    page.get_by_role("link", name="Read why").first.click()
    warning = Decision.objects.get(action="warn")
    section = page.locator(f"#decision-{warning.pk}")
    expect(section).to_contain_text("Please be gentle here.")
    section.get_by_label("Why should this decision change?").fill("I was angry, I did not mean it.")
    section.get_by_role("button", name="Appeal").click()
    expect(page.locator(".messages")).to_contain_text("Your appeal is sent.")
    appeal = DecisionAppeal.objects.get()

    # The moderator who decided cannot review the appeal; the administrator (another moderator) upholds it.
    page = new_context(locale="en-GB").new_page()
    log_in_with_code(page, admin, admin_device)
    page.goto(f"/moderation/items/{appeal.queue_item.pk}/")
    expect(page.locator("main")).to_contain_text("I was angry, I did not mean it.")
    page.get_by_label("Uphold the decision").check()
    page.get_by_label("Note").fill("The warning stands.")
    page.get_by_role("button", name="Decide the appeal").click()
    expect(page.locator(".messages")).to_contain_text("The appeal is decided.")
    appeal.refresh_from_db()
    assert appeal.state == DecisionAppeal.State.UPHELD and appeal.decided_by == admin

    # Everything is in the audit log, which the administrator reads and filters.
    actions = list(AuditEntry.objects.order_by("id").values_list("action", "actor_name"))
    assert actions == [("decision.hide", "modo"), ("decision.warn", "modo"), ("appeal.decide", "admin")]
    page.goto("/moderation/audit/")
    log = page.locator("table.audit")
    for action in ("decision.hide", "decision.warn", "appeal.decide"):
        expect(log).to_contain_text(action)
    expect(log).to_contain_text("Cruel words to a grieving person.")
    page.get_by_label("Action starts with").fill("decision")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table.audit tbody tr")).to_have_count(2)

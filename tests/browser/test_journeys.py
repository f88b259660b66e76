"""What a person does, in a real browser: join, post, receive comfort; switch the language."""

import pytest
from playwright.sync_api import expect

from reconfort.accounts.models import User
from reconfort.posts.models import Gesture, Post
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_post_receive_a_candle_and_see_the_notification(new_context):
    UserFactory(username="tom", display_name="Tom", language="en")

    # Léa joins and writes her first post, with a hashtag, from the home page (HTMX, no reload).
    lea = new_context().new_page()
    lea.goto("/accounts/signup/")
    lea.fill("#id_username", "lea")
    lea.fill("#id_email", "lea@example.org")
    lea.fill("#id_password", "une bougie pour papa")
    lea.fill("#id_display_name", "Léa")
    lea.select_option("#id_language", "fr")
    lea.select_option("#id_time_zone", "Europe/Paris")
    lea.get_by_role("button", name="Créer mon compte").click()
    expect(lea.get_by_role("heading", name="Comment allez-vous, Léa ?")).to_be_visible()
    lea.get_by_label("Vos mots").fill("Un an sans toi, papa. #souvenir")
    lea.get_by_role("button", name="Publier").click()
    expect(lea.locator("#timeline .post").first).to_contain_text("Un an sans toi, papa.")
    expect(lea.get_by_label("Vos mots")).to_have_value("")  # a fresh form came back with the post
    post = Post.objects.get(author__username="lea")
    assert post.tag_names == ["souvenir"]

    # Tom finds it through the hashtag and lights a candle.
    tom = new_context(locale="en-GB").new_page()
    log_in(tom, "tom", PASSWORD)
    tom.goto("/")
    tom.get_by_role("navigation", name="Main").get_by_role("link", name="Community").click()
    tom.locator(f"#post-{post.pk} a.hashtag").click()
    expect(tom.get_by_role("heading", name="#souvenir")).to_be_visible()
    candle = tom.locator(f"#post-{post.pk}").get_by_role("button", name="Light a candle")
    expect(candle).to_have_attribute("aria-pressed", "false")
    candle.click()
    candle = tom.locator(f"#post-{post.pk}").get_by_role("button", name="Light a candle")
    expect(candle).to_have_attribute("aria-pressed", "true")
    expect(candle).to_contain_text("1")
    expect(candle).to_be_focused()  # the swapped-in button keeps the keyboard focus
    assert Gesture.objects.filter(post=post, kind="candle", account__username="tom").exists()

    # Léa sees a quiet count in the header, then the notification.
    lea.reload()
    notifications = lea.get_by_role("link", name="Notifications")
    expect(notifications.locator(".pill")).to_contain_text("1")
    notifications.click()
    expect(lea.locator(".notification").first).to_contain_text("Tom a allumé une bougie pour votre publication.")
    expect(lea.locator(".notification").first).to_contain_text("Un an sans toi, papa.")
    expect(lea.get_by_role("link", name="Notifications").locator(".pill")).to_have_count(0)


def test_gesture_works_without_javascript(browser, live_server):
    author = UserFactory(username="marie", display_name="Marie")
    UserFactory(username="tom", display_name="Tom", language="en")
    post = Post.objects.create(author=author, text="Merci", content_html="<p>Merci</p>")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, "tom", PASSWORD)
        page.goto("/community/")
        page.locator(f"#post-{post.pk}").get_by_role("button", name="Send a hug").click()
        expect(page).to_have_url(f"{live_server.url}/community/#post-{post.pk}")
        expect(page.locator(f"#post-{post.pk}").get_by_role("button", name="Send a hug")).to_have_attribute(
            "aria-pressed", "true"
        )
    finally:
        context.close()


def test_switching_the_language_changes_the_page(new_context):
    page = new_context(locale="fr-FR").new_page()
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Un lieu doux pour le côté humain des réseaux sociaux")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("A gentle place for the human side of social media")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Community").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Community")


def test_switching_the_language_when_signed_in_keeps_it_in_the_profile(new_context):
    UserFactory(username="marie", display_name="Marie", language="fr")
    page = new_context(locale="fr-FR").new_page()
    log_in(page, "marie", PASSWORD)
    expect(page.get_by_role("heading", name="Comment allez-vous, Marie ?")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="How are you, Marie?")).to_be_visible()
    assert User.objects.get(username="marie").language == "en"

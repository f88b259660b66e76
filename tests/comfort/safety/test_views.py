"""Pages of the safety net: the panel after posting (its country, its dismissal), the helplines page, the country
setting and the « worried » page."""

import pytest
from django.test import Client

from reconfort.comfort.safety.models import RiskSignal, Worry
from reconfort.moderation import services as moderation_services
from reconfort.moderation.models import QueueItem
from reconfort.notifications.models import Notification
from tests.factories import UserFactory, make_post

from .conftest import CALM_TEXT, RISK_TEXT


def _client(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


def _post_through_the_page(client, text):
    response = client.post("/compose/", {"text": text, "visibility": "public", "kind": "ordinary", "language": "fr"})
    assert response.status_code == 302, response.content[:500]
    return client.get(response["Location"])


def test_the_panel_is_on_the_page_right_after_posting_with_french_helplines(user):
    page = _post_through_the_page(_client(user), RISK_TEXT).content.decode()
    assert 'class="safety-panel"' in page
    assert "3114" in page and "09 72 39 40 50" in page and "https://findahelpline.com" in page
    assert "Vous n’êtes pas seul" in page or "You are not alone" in page


def test_no_panel_after_an_ordinary_post(user):
    page = _post_through_the_page(_client(user), CALM_TEXT).content.decode()
    assert 'class="safety-panel"' not in page


def test_only_the_author_sees_the_panel(user, other):
    make_post(user, RISK_TEXT)
    assert 'class="safety-panel"' in _client(user).get("/").content.decode()
    assert 'class="safety-panel"' not in _client(other).get("/").content.decode()
    assert 'class="safety-panel"' not in Client().get("/community/").content.decode()


@pytest.mark.parametrize(
    "zone, present, absent",
    [
        ("America/Toronto", "988", "3114"),
        ("America/New_York", "988", "116 123"),
        ("Europe/London", "116 123", "988"),
        ("Europe/Dublin", "116 123", "3114"),
        ("Europe/Brussels", "0800 32 123", "3114"),
        ("Europe/Zurich", "143", "3114"),
        ("Asia/Tokyo", "findahelpline.com", "3114"),
    ],
)
def test_the_panel_shows_the_helplines_of_the_members_time_zone(db, zone, present, absent):
    member = UserFactory(username="zoned", time_zone=zone)
    make_post(member, "I want to end my life")
    page = _client(member).get("/").content.decode()
    panel = page[page.index('class="safety-panel"') :]
    panel = panel[: panel.index("</section>")]
    assert present in panel and absent not in panel


def test_an_explicit_country_wins_over_the_time_zone(user):
    client = _client(user)  # Europe/Paris
    response = client.post("/settings/safety/", {"country": "BE"})
    assert response.status_code == 302
    make_post(user, RISK_TEXT)
    page = client.get("/").content.decode()
    panel = page[page.index('class="safety-panel"') :]
    assert "0800 32 123" in panel and "1813" in panel and "3114" not in panel[: panel.index("</section>")]


def test_another_country_shows_the_directory_only(user):
    client = _client(user)
    client.post("/settings/safety/", {"country": "ZZ"})
    make_post(user, RISK_TEXT)
    page = client.get("/").content.decode()
    panel = page[page.index('class="safety-panel"') : page.index("</section>", page.index('class="safety-panel"'))]
    assert "findahelpline.com" in panel and "3114" not in panel


def test_unknown_country_is_refused_on_the_settings_page(user):
    response = _client(user).post("/settings/safety/", {"country": "XX"})
    assert response.status_code == 422


def test_dismissing_works_without_javascript_and_is_not_shown_again_for_that_post(user):
    client = _client(user)
    post = make_post(user, RISK_TEXT)
    signal = RiskSignal.objects.get(post=post)
    response = client.post(f"/safety/panel/{signal.pk}/dismiss/", {"next": "/community/"})
    assert response.status_code == 302 and response["Location"] == "/community/"
    assert 'class="safety-panel"' not in client.get("/").content.decode()
    # A later post that expresses risk shows it again.
    make_post(user, "Je pense encore à me suicider.")
    assert 'class="safety-panel"' in client.get("/").content.decode()


def test_dismissing_needs_a_post(user):
    post = make_post(user, RISK_TEXT)
    signal = RiskSignal.objects.get(post=post)
    assert _client(user).get(f"/safety/panel/{signal.pk}/dismiss/").status_code == 405


def test_the_panel_goes_after_its_time(settings, user):
    settings.RECONFORT_SAFETY_PANEL_HOURS = 0
    make_post(user, RISK_TEXT)
    assert 'class="safety-panel"' not in _client(user).get("/").content.decode()


def test_helplines_page_is_public_and_bilingual(user):
    page = Client(HTTP_ACCEPT_LANGUAGE="en").get("/helplines/")
    assert page.status_code == 200
    text = page.content.decode()
    for number in ("3114", "09 72 39 40 50", "988", "116 123", "0800 32 123", "1813", "143", "findahelpline.com"):
        assert number in text
    assert "Helplines" in text
    french = Client(HTTP_ACCEPT_LANGUAGE="fr").get("/helplines/").content.decode()
    assert "24 h/24" in french
    # A member's own country comes first.
    member = UserFactory(username="canadian", time_zone="America/Toronto")
    mine = _client(member).get("/helplines/").content.decode()
    assert mine.index("988.ca") < mine.index("3114.fr")


# --- « Je m'inquiète pour cette personne » -------------------------------------------------------------------


def test_worried_link_on_others_posts_only(user, elder):
    post = make_post(user, "Fatiguée.")
    assert f"/posts/{post.pk}/worried/" in _client(elder).get(f"/@{user.username}/{post.pk}").content.decode()
    assert f"/posts/{post.pk}/worried/" not in _client(user).get(f"/@{user.username}/{post.pk}").content.decode()


def test_worried_page_tells_moderators_and_nothing_to_the_person(user, elder):
    post = make_post(user, "Je ne sais plus quoi faire.")
    client = _client(elder)
    assert client.get(f"/posts/{post.pk}/worried/").status_code == 200
    before = Notification.objects.filter(recipient=user).count()
    response = client.post(f"/posts/{post.pk}/worried/", {"note": "Elle semble aller très mal."})
    assert response.status_code == 302
    assert Worry.objects.get().note == "Elle semble aller très mal."
    assert QueueItem.objects.filter(kind=QueueItem.Kind.CRISIS_ALERT, subject_id=post.pk, risk=0).exists()
    assert Notification.objects.filter(recipient=user).count() == before


def test_worried_page_refuses_new_accounts(user):
    newcomer = UserFactory(username="newcomer")
    post = make_post(user, "Fatiguée.")
    client = _client(newcomer)
    assert client.get(f"/posts/{post.pk}/worried/").status_code == 403
    assert client.post(f"/posts/{post.pk}/worried/", {"note": ""}).status_code == 403
    assert not Worry.objects.exists()


def test_worried_page_rate_limited(user, elder):
    client = _client(elder)
    posts = [make_post(user, f"Fatiguée {i}.") for i in range(6)]
    for post in posts[:5]:
        assert client.post(f"/posts/{post.pk}/worried/", {}).status_code == 302
    assert client.post(f"/posts/{posts[5].pk}/worried/", {}).status_code == 429
    assert Worry.objects.count() == 5


def test_worried_page_hides_what_one_cannot_see(user, elder):
    post = make_post(user, "Pour moi.", visibility="direct")
    assert _client(elder).get(f"/posts/{post.pk}/worried/").status_code == 404
    assert _client(elder).get("/posts/999999/worried/").status_code == 404


def test_moderators_see_the_alert_first_in_their_queue_and_acknowledge_it(settings, user, elder):
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    moderator = UserFactory(username="modo", role="moderator", language="en")
    spam = make_post(elder, "Achetez mes montres")
    report = moderation_services.report_create(user, elder, category="spam", post_ids=[spam.pk])
    post = make_post(user, RISK_TEXT)
    item = QueueItem.objects.get(kind=QueueItem.Kind.CRISIS_ALERT, subject_id=post.pk)
    client = _client(moderator)
    queue = client.get("/moderation/").content.decode()
    # Risk 0 first, although the spam report is older.
    assert queue.index(f"/moderation/items/{item.pk}/") < queue.index(f"/moderation/items/{report.queue_item_id}/")
    page = client.get(f"/moderation/items/{item.pk}/").content.decode()
    assert f"/posts/{post.pk}" in page and "@marie" in page
    response = client.post(f"/moderation/items/{item.pk}/review/", {"outcome": "approve", "reason": ""})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == QueueItem.State.CLOSED
    assert RiskSignal.objects.get(post=post).reviewed_by == moderator

"""Crisis pages: the directory, a crisis page and what it gathers, check-in privacy on the page, the member's
settings, and the moderators' tools behind the staff second factor."""

import pytest
from django.db import transaction
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from reconfort.accounts.models import User
from reconfort.accounts.services import follow_create
from reconfort.appeals import services as appeal_services
from reconfort.core import events
from reconfort.crisis import services
from reconfort.crisis.models import CheckIn, Crisis, CrisisNotice, HiddenPost, SafetySettings, TrustedMarker
from reconfort.hashtags.services import tags_get_or_create
from reconfort.moderation.models import QueueItem
from reconfort.posts.models import Kind
from tests.appeals.conftest import details_for
from tests.factories import UserFactory, make_post

from .conftest import open_crisis

pytestmark = pytest.mark.django_db


def client_for(user, *, verified=False):
    client = Client()
    client.force_login(user)
    if verified:  # pass the second factor through its page, as staff do
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        User.objects.filter(pk=user.pk).update(two_factor_enabled=True)
        code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        assert client.post("/accounts/two-factor/verify/", {"token": code}).status_code == 302
    return client


@pytest.fixture
def english(user, other, third):
    for member in (user, other, third):
        member.language = "en"
        member.save(update_fields=["language"])


def test_directory_lists_active_and_recent_but_not_proposals(client, moderator):
    active = open_crisis(moderator, name="Crue du Rhône")
    old = open_crisis(moderator, name="Incendie des Landes")
    services.crisis_transition(moderator, old, "archived")
    proposal = open_crisis(moderator, name="Rumeur")
    Crisis.objects.filter(pk=proposal.pk).update(state="proposed")
    page = client.get("/crises/").content.decode()
    assert active.name in page and old.name in page and "Rumeur" not in page
    assert client.get(f"/crises/{proposal.slug}/").status_code == 404


def test_the_page_gathers_reviewed_posts_notices_appeals_and_condolences(client, moderator, user, other, settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0
    crisis = open_crisis(moderator)
    services.notice_add(moderator, crisis, text="Évitez les quais.", source_url="https://www.rhone.gouv.fr")
    kept = make_post(user, text="Courage à tous #CrueLyon")
    limited_author = UserFactory(limited=True)
    make_post(limited_author, text="Pas relu #CrueLyon")
    make_post(user, text="Pour mes abonnés #CrueLyon", visibility="private")
    hidden = make_post(other, text="Hors sujet #CrueLyon")
    services.post_hide(moderator, crisis, hidden)
    make_post(other, text="Nos pensées vont aux familles #CrueLyon", kind=Kind.MEMORIAL)
    appeal = appeal_services.appeal_create(
        user, kind="help", title="Repas pour les sinistrés", details=details_for("help"), place="Villeurbanne"
    )
    page = client.get(f"/crises/{crisis.slug}/").content.decode()
    assert "Évitez les quais." in page and "https://www.rhone.gouv.fr" in page
    assert "Courage à tous" in page and f"post-{kept.pk}" in page
    assert "Pas relu" not in page and "Pour mes abonnés" not in page and "Hors sujet" not in page
    assert "Nos pensées vont aux familles" in page
    assert appeal.title in page


def test_checkins_show_to_followers_only_and_never_publicly(moderator, user, other, third, english):
    follow_create(other, user)
    crisis = open_crisis(moderator)
    services.checkin_set(user, crisis, "need_help")
    follower = client_for(other).get(f"/crises/{crisis.slug}/").content.decode()
    assert "needs help" in follower and user.name in follower
    stranger = client_for(third).get(f"/crises/{crisis.slug}/").content.decode()
    assert "needs help" not in stranger
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/crises/{crisis.slug}/").content.decode()
    assert "needs help" not in anonymous and "Sign in to tell" in anonymous


def test_check_in_from_the_page_and_remove(moderator, user):
    crisis = open_crisis(moderator)
    client = client_for(user)
    response = client.post(f"/crises/{crisis.slug}/check-in/", {"status": "safe"})
    assert response.status_code == 302
    assert CheckIn.objects.get().status == "safe"
    assert client.post(f"/crises/{crisis.slug}/check-in/", {"status": "nope"}).status_code == 422
    client.post(f"/crises/{crisis.slug}/check-in/remove/")
    assert not CheckIn.objects.exists()


def test_marking_someone_needs_their_permission_on_the_page(moderator, user, other):
    crisis = open_crisis(moderator)
    refused = client_for(other).post(f"/crises/{crisis.slug}/check-in/", {"status": "safe", "account": "marie"})
    assert refused.status_code == 403 and not CheckIn.objects.exists()
    client_for(user).post("/crises/settings/trusted/", {"username": "tom"})
    assert TrustedMarker.objects.filter(account=user, trusted=other).exists()
    client_for(other).post(f"/crises/{crisis.slug}/check-in/", {"status": "safe", "account": "marie"})
    assert CheckIn.objects.get().marked_by == other


def test_home_area_is_private_and_validated(user, english):
    client = client_for(user)
    assert client.post("/crises/settings/", {"place": "Nowhereville"}).status_code == 422
    assert client.post("/crises/settings/", {"place": "Lyon"}).status_code == 302
    assert SafetySettings.objects.get(account=user).home_place_name == "Lyon"
    assert "Lyon" in client.get("/crises/settings/").content.decode()
    assert Client().get("/crises/settings/").status_code == 302  # to sign in


def test_ask_from_the_page(moderator, user, other, third):
    follow_create(other, user)
    crisis = open_crisis(moderator)
    assert client_for(third).post(f"/crises/{crisis.slug}/ask/marie/").status_code == 403
    assert client_for(other).post(f"/crises/{crisis.slug}/ask/marie/").status_code == 302


def test_staff_tools_need_a_moderator_with_two_factor(moderator, user, settings):
    settings.RECONFORT_STAFF_REQUIRE_2FA = True
    assert client_for(user).get("/crises/new/").status_code == 403
    without = client_for(moderator).get("/crises/new/")
    assert without.status_code == 302 and "/accounts/two-factor/setup/" in without["Location"]
    staff = client_for(moderator, verified=True)
    assert staff.get("/crises/new/").status_code == 200
    response = staff.post(
        "/crises/new/", {"name": "Séisme", "place": "Nice", "radius_km": 40, "tags": "#SeismeNice", "sources": ""}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    crisis = Crisis.objects.get(name="Séisme")
    assert staff.post(f"/crises/{crisis.slug}/notices/", {"text": "Abris ouverts."}).status_code == 302
    assert CrisisNotice.objects.get().text == "Abris ouverts."
    post = make_post(user, text="Ici #SeismeNice")
    assert staff.post(f"/crises/{crisis.slug}/posts/{post.pk}/hide/").status_code == 302
    assert HiddenPost.objects.filter(crisis=crisis, post=post).exists()
    page = staff.get(f"/crises/{crisis.slug}/").content.decode()
    assert "Taken off this page" in page and f"/posts/{post.pk}/unhide/" in page
    assert staff.post(f"/crises/{crisis.slug}/posts/{post.pk}/unhide/").status_code == 302
    assert not HiddenPost.objects.exists()
    assert staff.post(f"/crises/{crisis.slug}/state/", {"state": "winding_down"}).status_code == 302
    assert staff.post(f"/crises/{crisis.slug}/state/", {"state": "proposed"}).status_code == 409
    assert client_for(user).post(f"/crises/{crisis.slug}/state/", {"state": "archived"}).status_code == 403
    assert Crisis.objects.get(pk=crisis.pk).state == "winding_down"


def test_one_click_from_a_trending_tag_prefills_the_form(moderator, user):
    make_post(user, text="Tout tremble #SéismeNice")
    page = client_for(moderator, verified=True).get("/crises/new/?tag=séismenice").content.decode()
    assert 'value="#SéismeNice"' in page


def test_feeds_carry_notices_and_reviewed_posts(client, moderator, user):
    crisis = open_crisis(moderator)
    services.notice_add(moderator, crisis, text="Appelez le 112 en cas de danger")
    make_post(user, text="Tout va bien ici #CrueLyon")
    rss = client.get(f"/crises/{crisis.slug}/feed/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Appelez le 112 en cas de danger" in body
    assert "Tout va bien ici" in body
    atom = client.get(f"/crises/{crisis.slug}/feed/atom/")
    assert atom.status_code == 200 and "<feed" in atom.content.decode()
    assert client.get("/crises/unknown/feed/rss/").status_code == 404


def test_a_proposal_is_decided_from_the_moderation_queue(moderator, user):
    (tag,) = tags_get_or_create(["Tempete"])
    with transaction.atomic():
        events.emit(events.TAG_BURST, tag_id=tag.pk, language="fr", score=7.0)
    item = QueueItem.objects.get(kind="crisis_proposed")
    staff = client_for(moderator, verified=True)
    page = staff.get(f"/moderation/items/{item.pk}/").content.decode()
    assert "#Tempete" in page and "trend detector" in page
    response = staff.post(f"/moderation/items/{item.pk}/review/", {"outcome": "approve", "reason": ""})
    assert response.status_code == 302
    assert Crisis.objects.get().state == "active"

"""Joining, logging in, settings, and follow / block / mute through the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Block, Follow, Mute, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signup_data(**extra):
    return {
        "username": "Claire_B",
        "email": "claire@example.org",
        "password": "des fleurs pour maman",
        "display_name": "Claire",
        "language": "en",
        "time_zone": "Europe/Brussels",
        **extra,
    }


# --- Sign up ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language, text", [("fr", "Rejoindre"), ("en", "Join")])
def test_signup_page_renders(client, db, language, text):
    response = client.get(reverse("accounts:signup"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert text in response.content.decode()
    assert 'name="time_zone"' in response.content.decode()


def test_signup_creates_the_member_and_logs_them_in(client, db):
    response = client.post(reverse("accounts:signup"), signup_data())
    assert response.status_code == 302
    user = User.objects.get(username="Claire_B")
    assert (user.language, user.time_zone, user.display_name) == ("en", "Europe/Brussels", "Claire")
    assert user.password.startswith("argon2")
    html = client.get("/").content.decode()
    assert "How are you, Claire?" in html


def test_signup_refuses_a_taken_username_whatever_its_case(client, user):
    response = client.post(reverse("accounts:signup"), signup_data(username="MARIE"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 422
    assert "déjà pris" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    "field, value",
    [("username", "marie dupont"), ("email", "pas-une-adresse"), ("password", "123"), ("time_zone", "Mars/Olympus")],
)
def test_signup_refuses_invalid_fields(client, db, field, value):
    response = client.post(reverse("accounts:signup"), signup_data(**{field: value}))
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.exists()


def test_signup_in_approval_mode_needs_a_reason_and_waits(client, db, settings):
    settings.RECONFORT_REGISTRATION_MODE = "approval"
    response = client.post(reverse("accounts:signup"), signup_data())
    assert response.status_code == 422
    assert not User.objects.exists()
    response = client.post(reverse("accounts:signup"), signup_data(reason="J'ai perdu mon frère."))
    assert response.status_code == 200
    assert "Votre demande est bien partie" in response.content.decode()
    user = User.objects.get()
    assert not user.is_active and not user.approved
    response = client.post(reverse("accounts:login"), {"username": "claire_b", "password": "des fleurs pour maman"})
    assert response.status_code == 422
    assert "attend la validation de la modération" in response.content.decode()


def test_pending_message_needs_the_right_password(client, db, settings):
    settings.RECONFORT_REGISTRATION_MODE = "approval"
    client.post(reverse("accounts:signup"), signup_data(reason="Pour ma mère."))
    response = client.post(reverse("accounts:login"), {"username": "claire_b", "password": "wrong password"})
    html = response.content.decode()
    assert "attend la validation" not in html
    assert "ne correspondent pas" in html


def test_signup_when_closed(client, db, settings):
    settings.RECONFORT_REGISTRATION_MODE = "closed"
    assert "fermées" in client.get(reverse("accounts:signup"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert client.post(reverse("accounts:signup"), signup_data()).status_code == 403
    assert not User.objects.exists()


# --- Log in, log out, password ------------------------------------------------------------------


def test_login_is_case_insensitive_and_logout_is_a_post(client, user):
    response = client.post(reverse("accounts:login"), {"username": "MARIE", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 200
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_login_with_a_wrong_password(client, user):
    response = client.post(reverse("accounts:login"), {"username": "marie", "password": "nope"})
    assert response.status_code == 422
    assert "ne correspondent pas" in response.content.decode()


def test_password_change(client, user):
    client.force_login(user)
    url = reverse("accounts:password")
    new = "un jardin au printemps"
    bad = {"old_password": "wrong", "new_password": new, "new_password_again": new}
    assert client.post(url, bad).status_code == 422
    mismatch = {**bad, "old_password": PASSWORD, "new_password_again": "autre chose"}
    assert client.post(url, mismatch).status_code == 422
    good = {**bad, "old_password": PASSWORD}
    assert client.post(url, good).status_code == 302
    user.refresh_from_db()
    assert user.check_password("un jardin au printemps")
    assert client.get(reverse("accounts:settings")).status_code == 200  # still logged in


# --- Settings (profile) -------------------------------------------------------------------------


def profile_data(**extra):
    return {
        "display_name": "Marie D.",
        "bio": "Je parle de #deuil avec douceur.",
        "language": "fr",
        "time_zone": "Europe/Paris",
        "locked": "on",
        "discoverable": "",
        **extra,
    }


def test_profile_edit_saves_and_renders_bio(client, user, png):
    client.force_login(user)
    response = client.post(reverse("accounts:settings"), profile_data(avatar=png()))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Marie D."
    assert user.locked and not user.discoverable
    assert user.avatar.name.startswith("avatars/")
    assert 'href="/tags/deuil"' in client.get("/@marie").content.decode()


def test_profile_edit_with_a_file_that_is_not_an_image_changes_nothing(client, user):
    client.force_login(user)
    fake = SimpleUploadedFile("me.jpg", b"%PDF-1.4 definitely not an image", content_type="image/jpeg")
    response = client.post(reverse("accounts:settings"), profile_data(avatar=fake))
    assert response.status_code == 422
    assert "pas une image" in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Marie" and not user.locked and not user.avatar


def test_profile_edit_language_switches_the_pages(client, user):
    client.force_login(user)
    client.post(reverse("accounts:settings"), profile_data(language="en"))
    assert '<html lang="en">' in client.get("/").content.decode()


# --- Follow, block, mute ------------------------------------------------------------------------


def test_follow_plain_post_redirects_back(client, user, other):
    client.force_login(user)
    response = client.post(reverse("accounts:follow", args=["tom"]), {"next": "/@tom"})
    assert response.status_code == 302 and response["Location"] == "/@tom"
    assert Follow.objects.filter(follower=user, target=other, state="accepted").exists()


def test_follow_with_htmx_returns_the_relationship_box(client, user, other):
    client.force_login(user)
    response = client.post(reverse("accounts:follow", args=["tom"]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="relationship"')
    assert reverse("accounts:unfollow", args=["tom"]) in html
    assert 'role="status"' in html
    response = client.post(reverse("accounts:unfollow", args=["tom"]), HTTP_HX_REQUEST="true")
    assert reverse("accounts:follow", args=["tom"]) in response.content.decode()
    assert not Follow.objects.exists()


def test_follow_a_locked_account_asks_and_waits_for_approval(client, user, other):
    other.locked = True
    other.save()
    client.force_login(user)
    client.post(reverse("accounts:follow", args=["tom"]))
    assert Follow.objects.get().state == "pending"
    client.force_login(other)
    html = client.get(reverse("accounts:follow_requests")).content.decode()
    assert "@marie" in html
    notifications = client.get(reverse("notifications:list")).content.decode()
    assert reverse("accounts:follow_request_accept", args=["marie"]) in notifications
    response = client.post(reverse("accounts:follow_request_accept", args=["marie"]))
    assert response.status_code == 302
    assert Follow.objects.get().state == "accepted"


def test_reject_a_follow_request(client, user, other):
    other.locked = True
    other.save()
    account_services.follow_create(user, other)
    client.force_login(other)
    client.post(reverse("accounts:follow_request_reject", args=["marie"]))
    assert not Follow.objects.exists()


def test_accept_without_a_request_is_404(client, user, other):
    client.force_login(other)
    assert client.post(reverse("accounts:follow_request_accept", args=["marie"])).status_code == 404


def test_block_and_mute(client, user, other):
    account_services.follow_create(user, other)
    client.force_login(user)
    client.post(reverse("accounts:block", args=["tom"]))
    assert Block.objects.filter(account=user, target=other).exists()
    assert not Follow.objects.exists()
    client.post(reverse("accounts:unblock", args=["tom"]))
    assert not Block.objects.exists()
    client.post(reverse("accounts:mute", args=["tom"]))
    assert Mute.objects.filter(account=user, target=other).exists()
    client.post(reverse("accounts:unmute", args=["tom"]))
    assert not Mute.objects.exists()


def test_cannot_follow_oneself_or_someone_who_blocked_you(client, user, other):
    client.force_login(user)
    assert client.post(reverse("accounts:follow", args=["marie"])).status_code == 422
    account_services.block_create(other, user)
    assert client.post(reverse("accounts:follow", args=["tom"])).status_code == 403
    assert not Follow.objects.exists()


def test_relationship_actions_need_login_and_a_real_account(client, user):
    assert client.post(reverse("accounts:follow", args=["tom"])).status_code == 302
    client.force_login(user)
    assert client.post(reverse("accounts:follow", args=["nobody"])).status_code == 404


def test_inactive_accounts_are_not_shown(client, db):
    UserFactory(username="gone", is_active=False)
    assert client.get("/@gone").status_code == 404

"""Getting back in: password reset by e-mail (rate-limited per address and per e-mail, no account enumeration),
and the e-mail confirmation link sent at sign-up with its banner."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from reconfort.accounts import email_confirmation
from reconfort.accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "une chanson douce pour la nuit"


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def ask_reset(email, address="10.0.0.1"):
    return Client(REMOTE_ADDR=address).post("/accounts/password-reset/", {"email": email})


def test_reset_by_e_mail_then_sign_in_with_the_new_password(user):
    assert Client().get("/accounts/password-reset/").status_code == 200
    response = ask_reset(user.email.upper())
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    client = Client()
    form = client.get(link_in(mail.outbox[0]), follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    short = client.post(form.redirect_chain[-1][0], {"new_password1": "a", "new_password2": "a"})
    assert short.status_code == 422
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/accounts/password-reset/done/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)
    # The link works once.
    again = Client().get(link_in(mail.outbox[0]), follow=True)
    assert not again.context["validlink"]


def test_unknown_addresses_look_the_same_and_get_no_mail(user):
    response = ask_reset("nobody@example.org")
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []
    assert ask_reset("not an address").status_code == 422


def test_reset_requests_limited_per_e_mail_and_per_address(user, other, settings):
    settings.RECONFORT_RATE_LIMITS = {"password_reset": (2, 3600)}
    # One e-mail asked from many machines:
    assert ask_reset(user.email, "10.0.0.1").status_code == 302
    assert ask_reset(user.email, "10.0.0.2").status_code == 302
    refused = ask_reset(user.email, "10.0.0.3")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.context["form"].non_field_errors()
    assert len(mail.outbox) == 2
    # Many e-mails asked from one machine:
    assert ask_reset(other.email, "10.0.0.9").status_code == 302
    assert ask_reset("someone@example.org", "10.0.0.9").status_code == 302
    assert ask_reset("else@example.org", "10.0.0.9").status_code == 429
    assert len(mail.outbox) == 3


def signup(client, **extra):
    data = {
        "username": "claire",
        "email": "claire@example.org",
        "password": "des fleurs pour maman",
        "language": "en",
        "time_zone": "Europe/Paris",
        **extra,
    }
    return client.post("/accounts/signup/", data)


def test_sign_up_sends_a_confirmation_link_and_the_banner_invites_to_follow_it(db):
    client = Client()
    assert signup(client).status_code == 302
    member = User.objects.get(username="claire")
    assert not member.email_confirmed
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["claire@example.org"]
    assert "confirm" in mail.outbox[0].subject.lower()
    home = client.get("/").text
    assert "Please confirm your e-mail address" in home and "claire@example.org" in home
    page = client.get(link_in(mail.outbox[0]))
    assert page.status_code == 200
    member.refresh_from_db()
    assert member.email_confirmed
    assert "Please confirm your e-mail address" not in client.get("/").text
    assert Client().get(link_in(mail.outbox[0])).status_code == 200  # following it twice is harmless


def test_bad_expired_or_outdated_links_confirm_nothing(user, monkeypatch):
    User.objects.filter(pk=user.pk).update(email_confirmed=False)
    token = email_confirmation.confirmation_token(user)
    assert Client().get(f"/accounts/confirm-email/{token}x/").status_code == 400
    monkeypatch.setattr(email_confirmation, "VALID_FOR", timedelta(seconds=-1))
    assert Client().get(f"/accounts/confirm-email/{token}/").status_code == 400
    monkeypatch.undo()
    User.objects.filter(pk=user.pk).update(email="new@example.org")
    assert Client().get(f"/accounts/confirm-email/{token}/").status_code == 400  # sent to the old address
    user.refresh_from_db()
    assert not user.email_confirmed


def test_the_link_can_be_sent_again_a_few_times(user, settings):
    User.objects.filter(pk=user.pk).update(email_confirmed=False)
    settings.RECONFORT_RATE_LIMITS = {"email_confirmation": (1, 3600)}
    client = Client()
    client.force_login(user)
    assert client.post("/accounts/confirm-email/", {"next": "/settings/"})["Location"] == "/settings/"
    assert len(mail.outbox) == 1
    client.post("/accounts/confirm-email/")
    assert len(mail.outbox) == 1  # refused, with a kind message
    assert Client().post("/accounts/confirm-email/").status_code == 302  # members only: to the login page

"""The security settings page: sessions listed and ended one by one or everywhere else; apps revoked at once."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import get_access_token_model

from reconfort.accounts.models import SignedInSession
from reconfort.api.services import application_create
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(user, agent):
    client = Client(HTTP_USER_AGENT=agent)
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_sessions_listed_and_ended_from_the_page(user, other):
    here, phone, laptop = sign_in(user, "Here"), sign_in(user, "Phone"), sign_in(user, "Laptop")
    theirs = sign_in(other, "Elsewhere")
    page = here.get("/settings/security/")
    assert page.status_code == 200
    assert "Phone" in page.text and "Laptop" in page.text and "Elsewhere" not in page.text
    phone_row = SignedInSession.objects.get(user=user, user_agent="Phone")
    other_row = SignedInSession.objects.get(user=other)
    # Another member's session is not found, and stays.
    assert here.post(f"/settings/security/sessions/{other_row.pk}/end/").status_code == 404
    assert theirs.get("/settings/security/").status_code == 200
    assert here.post(f"/settings/security/sessions/{phone_row.pk}/end/").status_code == 302
    assert phone.get("/settings/security/").status_code == 302  # signed out: back to the login page
    assert laptop.get("/settings/security/").status_code == 200
    assert here.post("/settings/security/sessions/end-others/").status_code == 302
    assert laptop.get("/settings/security/").status_code == 302
    assert here.get("/settings/security/").status_code == 200  # the asking session stays
    assert Session.objects.filter(session_key=theirs.session.session_key).exists()
    assert here.get("/settings/security/sessions/end-others/").status_code == 405


def test_apps_listed_and_revoked_at_once(user, other, client):
    app, _secret = application_create(name="Tusky", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read")
    Token = get_access_token_model()
    for owner, raw in [(user, "a" * 30), (other, "b" * 30)]:
        Token.objects.create(
            user=owner, application=app, token=raw, scope="read", expires=timezone.now() + timedelta(days=1)
        )
    client.force_login(user)
    assert "Tusky" in client.get("/settings/security/").text
    assert client.post("/settings/security/apps/999999/revoke/").status_code == 404
    assert client.post(f"/settings/security/apps/{app.pk}/revoke/").status_code == 302
    assert not Token.objects.filter(user=user).exists() and Token.objects.filter(user=other).exists()
    assert "Tusky" not in client.get("/settings/security/").text
    assert client.post(f"/settings/security/apps/{app.pk}/revoke/").status_code == 404


def test_the_page_needs_a_member(client):
    assert client.get("/settings/security/")["Location"].startswith("/accounts/login/")

"""security.json: sessions, apps and two-factor by names and dates, never a secret."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import get_access_token_model, get_application_model

from tests.privacy.lives import exported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def test_sessions_and_authorised_apps_without_their_secrets(user, other):
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)
    first_key, second_key = first.session.session_key, second.session.session_key
    Session.objects.filter(session_key=first_key).delete()  # expired (clearsessions), its record left behind
    app = get_application_model().objects.create(
        name="Tusky", client_type="public", authorization_grant_type="authorization-code", user=other
    )
    get_access_token_model().objects.create(
        user=user, application=app, token="SECRET-TOKEN-42", scope="read", expires=timezone.now() + timedelta(days=1)
    )
    data = exported(user)[0]
    sessions = data["security.json"]["sessions"]
    assert [s["still_signed_in"] for s in sessions] == [False, True]
    [token] = data["security.json"]["authorised_apps"]["access_tokens"]
    assert token["app"] == "Tusky" and token["scopes"] == "read" and token["expires_at"]
    assert data["security.json"]["apps_registered"] == []  # Tusky was registered by someone else
    assert data["security.json"]["two_factor"] == {
        "enabled": False,
        "authenticator_added_at": None,
        "authenticator_last_used_at": None,
        "recovery_codes_left": 0,
    }
    raw = data["__raw__"]
    assert "SECRET-TOKEN-42" not in raw and app.client_secret not in raw
    assert first_key not in raw and second_key not in raw

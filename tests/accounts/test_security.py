from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import get_access_token_model

from reconfort.accounts import security
from reconfort.accounts.models import SignedInSession
from reconfort.api.services import application_create
from reconfort.core.errors import NotFound
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(user, agent):
    client = Client(HTTP_USER_AGENT=agent)
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client


def test_sessions_listed_and_ended_one_by_one_or_all(user, other):
    phone, laptop = sign_in(user, "Phone"), sign_in(user, "Laptop")
    sign_in(other, "Elsewhere")
    listed = list(security.sessions_list(user))
    assert [s.user_agent for s in listed] == ["Laptop", "Phone"]
    security.session_end(user, listed[1].pk)
    assert not Session.objects.filter(session_key=phone.session.session_key).exists()
    with pytest.raises(NotFound):
        security.session_end(other, listed[0].pk)  # not theirs
    assert security.sessions_end_all(user) == 1
    assert not Session.objects.filter(session_key=laptop.session.session_key).exists()
    assert SignedInSession.objects.filter(user=other).count() == 1


def test_sign_out_everywhere_keeps_the_asking_session(user):
    here, there = sign_in(user, "Here"), sign_in(user, "There")
    assert security.sessions_end_all(user, keep_session_key=here.session.session_key) == 1
    assert Session.objects.filter(session_key=here.session.session_key).exists()
    assert not Session.objects.filter(session_key=there.session.session_key).exists()


def test_authorized_apps_listed_and_revoked_at_once(user, other):
    app, _secret = application_create(name="Tusky", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read")
    Token = get_access_token_model()
    Token.objects.create(
        user=user, application=app, token="a" * 30, scope="read", expires=timezone.now() + timedelta(days=1)
    )
    assert [a.name for a in security.authorized_apps_list(user)] == ["Tusky"]
    assert list(security.authorized_apps_list(other)) == []
    with pytest.raises(NotFound):
        security.authorized_app_revoke(other, app.pk)
    security.authorized_app_revoke(user, app.pk)
    assert not Token.objects.filter(user=user).exists()

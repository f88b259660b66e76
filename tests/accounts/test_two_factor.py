import pytest
from django.test import Client
from django_otp import devices_for_user
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from reconfort.accounts import two_factor
from reconfort.accounts.models import Role
from reconfort.core.errors import ServiceError
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def current_code(user) -> str:
    device = TOTPDevice.objects.filter(user=user).order_by("-id").first()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def signed_in(user) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def turn_on(client, user) -> list[str]:
    page = client.get("/accounts/two-factor/setup/")
    assert page.status_code == 200 and b"data:image/svg+xml;base64," in page.content
    assert client.post("/accounts/two-factor/setup/", {"token": "000000"}).status_code == 422
    for device in TOTPDevice.objects.filter(user=user):
        device.throttle_reset()  # as waiting a moment after a wrong code would
    again = client.get("/accounts/two-factor/setup/")
    assert again.context["secret"] == page.context["secret"]  # a wrong code does not change the QR code
    done = client.post("/accounts/two-factor/setup/", {"token": current_code(user)})
    assert done.status_code == 200
    return done.context["codes"]


def test_turn_on_then_every_sign_in_asks_for_a_code(user):
    client = signed_in(user)
    codes = turn_on(client, user)
    user.refresh_from_db()
    assert user.two_factor_enabled and len(codes) == 10
    assert client.get("/").status_code == 200  # this session passed the second factor while turning it on

    fresh = signed_in(user)
    response = fresh.get("/notifications/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/verify/")
    assert fresh.post("/accounts/two-factor/verify/", {"token": "123456"}).status_code == 422
    # A wrong code slows the next tries down (django-otp's throttling); lift it as waiting would.
    for device in devices_for_user(user):
        device.throttle_reset()
    assert fresh.post("/accounts/two-factor/verify/?next=/notifications/", {"token": codes[0]}).status_code == 302
    assert fresh.get("/notifications/").status_code == 200

    spent = signed_in(user)
    assert spent.post("/accounts/two-factor/verify/", {"token": codes[0]}).status_code == 422  # used once only


def test_the_api_is_not_behind_the_page_check(user):
    client = signed_in(user)
    turn_on(client, user)
    assert signed_in(user).get("/api/v1/instance").status_code == 200


def test_staff_must_turn_it_on_before_the_admin(db):
    admin = UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True)
    client = signed_in(admin)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/setup/")
    turn_on(client, admin)
    assert client.get("/admin/").status_code == 200
    with pytest.raises(ServiceError):
        two_factor.two_factor_disable(admin, password=PASSWORD)


def test_turning_off_needs_the_password(user):
    client = signed_in(user)
    turn_on(client, user)
    assert client.post("/accounts/two-factor/disable/", {"password": "wrong"}).status_code == 422
    user.refresh_from_db()
    assert user.two_factor_enabled
    assert client.post("/accounts/two-factor/disable/", {"password": PASSWORD}).status_code == 302
    user.refresh_from_db()
    assert not user.two_factor_enabled and not TOTPDevice.objects.filter(user=user).exists()

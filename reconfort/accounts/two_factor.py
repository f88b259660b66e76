"""Two-factor authentication with django-otp: a TOTP app plus ten single-use recovery codes.

Moderators and administrators must use it to moderate; any member may turn it on. Once a member has a confirmed
device, every page asks for a code after the password (see middleware.TwoFactorMiddleware).
"""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from reconfort.core.errors import ServiceError

from .models import User

RECOVERY_CODES = 10


def has_two_factor(user: User) -> bool:
    return bool(user.is_authenticated and user.two_factor_enabled)


def _sync_flag(user: User) -> None:
    user.two_factor_enabled = user_has_device(user, confirmed=True)
    user.save(update_fields=["two_factor_enabled"])


def staff_must_use_two_factor(user: User) -> bool:
    return settings.RECONFORT_STAFF_REQUIRE_2FA and user.is_authenticated and user.is_moderator


def is_verified(user) -> bool:
    """True when this request's session passed the second factor (django-otp's middleware sets it)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


@transaction.atomic
def totp_begin(user: User) -> TOTPDevice:
    """The unconfirmed authenticator the member is scanning (the same one until confirmed, so a mistyped code
    does not change the QR code under them)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code, in a data: URI (no inline markup for the CSP to refuse)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@transaction.atomic
def totp_confirm(user: User, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the authenticator with a first code; return it and the recovery codes (shown once)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        raise ServiceError(_("Start again: scan a new code."), code="no_pending_device")
    if not device.verify_token((token or "").replace(" ", "")):
        raise ServiceError(
            _("This code is not right. Check your phone's clock and try again."), field="token", code="wrong_code"
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_renew(user)
    _sync_flag(user)
    return device, codes


@transaction.atomic
def recovery_codes_renew(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


def verify(user: User, token: str):
    """The device that accepts this code (TOTP or an unused recovery code, which is then spent), or an error."""
    device = match_token(user, (token or "").replace(" ", "").strip())
    if device is None:
        raise ServiceError(_("This code is not right."), field="token", code="wrong_code")
    return device


@transaction.atomic
def two_factor_disable(user: User, *, password: str) -> None:
    if not user.check_password(password or ""):
        raise ServiceError(_("Your password is not correct."), field="password", code="wrong_password")
    if staff_must_use_two_factor(user):
        raise ServiceError(
            _("Moderators and administrators must keep two-factor authentication."), code="required_for_staff"
        )
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    _sync_flag(user)

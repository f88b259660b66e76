"""E-mail confirmation at sign-up: a signed link (django.core.signing), tied to the address it was sent to, so a
link for an old address confirms nothing once the member changes it."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from reconfort.core import ratelimit
from reconfort.core.errors import ServiceError

from .models import User

SALT = "reconfort.accounts.email-confirmation"
VALID_FOR = timedelta(days=3)


def confirmation_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=SALT, compress=True)


def confirmation_send(user: User, *, base_url: str, count: bool = True) -> None:
    """E-mail the link, in the member's language. `base_url` is the site's address (scheme and host).
    Re-sending is rate-limited; the first sending at sign-up is not (`count=False`)."""
    if user.email_confirmed or not user.email:
        return
    if count:
        ratelimit.hit_account("email_confirmation", user)
    link = base_url.rstrip("/") + reverse("security:email_confirm", args=[confirmation_token(user)])
    context = {"user": user, "link": link, "site": settings.RECONFORT_INSTANCE_NAME, "days": VALID_FOR.days}
    with translation.override(user.language):
        subject = render_to_string("accounts/email_confirmation_subject.txt", context).strip()
        body = render_to_string("accounts/email_confirmation_email.txt", context)
    send_mail(subject, body, None, [user.email], fail_silently=True)


def email_confirm(token: str) -> User:
    """Mark the address confirmed; safe to follow twice."""
    try:
        data = signing.loads(token, salt=SALT, max_age=VALID_FOR)
    except signing.SignatureExpired as exc:
        raise ServiceError(_("This link has expired. Sign in to receive a new one."), code="expired") from exc
    except signing.BadSignature as exc:
        raise ServiceError(_("This link is not valid."), code="invalid_link") from exc
    user = User.objects.filter(pk=data.get("u")).first() if isinstance(data, dict) else None
    if user is None or user.email.lower() != data.get("e"):
        raise ServiceError(_("This link is not valid."), code="invalid_link")
    if not user.email_confirmed:
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
    return user

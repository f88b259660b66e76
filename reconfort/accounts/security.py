"""Account security: the sessions a member is signed in with, and the apps holding tokens for them."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import get_access_token_model, get_application_model, get_refresh_token_model

from reconfort.core.errors import NotFound

from .models import SignedInSession, User


def session_record(user: User, *, session_key: str, user_agent: str = "", ip_address: str | None = None) -> None:
    """Called when a member signs in (from the `user_logged_in` signal Django sends)."""
    if not session_key:
        return
    SignedInSession.objects.update_or_create(
        session_key=session_key,
        defaults={"user": user, "user_agent": (user_agent or "")[:300], "ip_address": ip_address or None},
    )


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    """Django's own sign-in hook: remember the session so the member can list and end it later."""
    if request is None or not hasattr(request, "session"):
        return
    if not request.session.session_key:
        request.session.save()
    session_record(
        user,
        session_key=request.session.session_key,
        user_agent=request.headers.get("User-Agent", ""),
        ip_address=request.META.get("REMOTE_ADDR"),
    )


def sessions_list(user: User):
    """The member's sessions that still exist, newest first."""
    live = Session.objects.filter(session_key__in=SignedInSession.objects.filter(user=user).values("session_key"))
    return SignedInSession.objects.filter(user=user, session_key__in=live.values("session_key")).order_by(
        "-created_at", "-id"
    )


@transaction.atomic
def session_end(user: User, session_id) -> None:
    try:
        row = SignedInSession.objects.get(pk=int(session_id), user=user)
    except (SignedInSession.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(_("There is no such session.")) from exc
    Session.objects.filter(session_key=row.session_key).delete()
    row.delete()


@transaction.atomic
def sessions_end_all(user: User, *, keep_session_key: str | None = None) -> int:
    """Sign out everywhere (except, if given, the session asking). Returns how many sessions ended."""
    rows = SignedInSession.objects.filter(user=user)
    if keep_session_key:
        rows = rows.exclude(session_key=keep_session_key)
    keys = list(rows.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    rows.delete()
    return len(keys)


def authorized_apps_list(user: User):
    """Apps holding a valid token for the member, with when each was last authorised."""
    app_ids = get_access_token_model().objects.filter(user=user).values("application_id")
    return (
        get_application_model()
        .objects.filter(pk__in=app_ids)
        .annotate(last_authorised=Max("accesstoken__created"))
        .order_by("-last_authorised")
    )


@transaction.atomic
def authorized_app_revoke(user: User, application_id) -> None:
    """Revoke every token of one app for the member; takes effect at the next request."""
    try:
        app_id = int(application_id)
    except (TypeError, ValueError) as exc:
        raise NotFound(_("There is no such app.")) from exc
    deleted, _rows = get_access_token_model().objects.filter(user=user, application_id=app_id).delete()
    get_refresh_token_model().objects.filter(user=user, application_id=app_id).delete()
    if not deleted:
        raise NotFound(_("There is no such app."))

"""Settings pages for account security: the sessions a member is signed in with, and the apps holding tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from reconfort.core.errors import ServiceError

from . import security


@login_required
@require_GET
def overview(request):
    context = {
        "sessions": security.sessions_list(request.user),
        "current_key": request.session.session_key,
        "apps": security.authorized_apps_list(request.user),
        "tab": "security",
        "nav": "settings",
    }
    return TemplateResponse(request, "accounts/security.html", context)


@login_required
@require_POST
def session_end(request, session_id: int):
    try:
        security.session_end(request.user, session_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    messages.success(request, _("That session is signed out."))
    return redirect("security:overview")


@login_required
@require_POST
def sessions_end_others(request):
    count = security.sessions_end_all(request.user, keep_session_key=request.session.session_key)
    messages.success(
        request,
        ngettext(
            "You are signed out of %(count)d other session.", "You are signed out of %(count)d other sessions.", count
        )
        % {"count": count},
    )
    return redirect("security:overview")


@login_required
@require_POST
def app_revoke(request, app_id: int):
    try:
        security.authorized_app_revoke(request.user, app_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    messages.success(request, _("The app no longer has access to your account."))
    return redirect("security:overview")

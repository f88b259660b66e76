"""Kindred spirits pages: my facets, suggestions with their reasons, requests. Plain forms, no JS needed."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reconfort.accounts.selectors import account_get
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response

from . import forms, selectors, services


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def _other(account_id):
    try:
        return account_get(account_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


@login_required
def index(request):
    profile = selectors.profile_of(request.user)
    status = 200
    if request.method == "POST":
        form = forms.ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_save(request.user, **form.cleaned_data)
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                messages.success(request, _("Your answers are saved. Suggestions come from them."))
                return redirect("kindred:index")
        else:
            status = 400
    elif profile is not None:
        form = forms.ProfileForm(
            initial={
                "loss": profile.loss,
                "since": profile.since,
                "languages": profile.languages,
                "region": profile.region,
                "cause": profile.cause,
                "cause_use": profile.cause_use,
            }
        )
    else:
        form = forms.ProfileForm(initial={"languages": [request.user.language]})
    received = [
        (link, selectors.explanation_with(request.user, link.requester))
        for link in selectors.requests_received(request.user)
    ]
    context = {
        "nav": "kindred",
        "form": form,
        "profile": profile,
        "suggestions": selectors.suggestions(request.user, limit=settings.RECONFORT_KINDRED_SUGGESTIONS),
        "received": received,
        "sent": selectors.requests_sent(request.user),
        "kindred": selectors.kindred_of(request.user),
    }
    return TemplateResponse(request, "kindred/index.html", context, status=status)


@login_required
@require_POST
def opt_out(request):
    services.profile_delete(request.user)
    messages.success(request, _("Your answers are deleted. You will no longer be suggested to anyone."))
    return redirect("kindred:index")


def _action(request, account_id, service, message):
    other = _other(account_id)
    try:
        service(request.user, other)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, message)
    return redirect("kindred:index")


@login_required
@require_POST
def request_(request, account_id: int):
    return _action(
        request, account_id, services.kindred_request, _("Your request is sent. Nothing happens unless they say yes.")
    )


@login_required
@require_POST
def accept(request, account_id: int):
    return _action(request, account_id, services.kindred_accept, _("You are now kindred spirits."))


@login_required
@require_POST
def decline(request, account_id: int):
    return _action(request, account_id, services.kindred_decline, _("Declined. They will not be told."))


@login_required
@require_POST
def dismiss(request, account_id: int):
    return _action(request, account_id, services.kindred_dismiss, _("This suggestion will not come back."))

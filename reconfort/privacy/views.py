"""Settings pages for a member's rights over their data: an export prepared in the background (its progress
polled with HTMX, the archive downloaded by its owner only), and account deletion with a 30-day grace."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from reconfort.core.errors import RateLimited, ServiceError

from . import selectors, services
from .forms import DeletionForm
from .models import DELETION_GRACE


def _overview(request, *, status: int = 200, form=None, problem=None) -> TemplateResponse:
    context = {
        "exports": selectors.exports_list(request.user),
        "deletion": selectors.deletion_of(request.user),
        "grace_days": DELETION_GRACE.days,
        "form": form or DeletionForm(),
        "problem": problem,
        "tab": "privacy",
        "nav": "settings",
    }
    return TemplateResponse(request, "privacy/privacy.html", context, status=status)


@login_required
@require_GET
def overview(request):
    return _overview(request)


@login_required
@require_POST
def export_start(request):
    try:
        services.export_request(request.user)
    except RateLimited as exc:
        response = _overview(request, status=429, problem=exc.message)
        response["Retry-After"] = str(exc.retry_after)
        return response
    messages.success(request, _("Your archive is being prepared. You can leave this page: it will wait for you here."))
    return redirect("privacy:overview")


@login_required
@require_GET
def export_progress(request, export_id: int):
    """The export's progress, polled every 2 seconds by HTMX while it is being prepared."""
    try:
        export = selectors.export_get(request.user, export_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    return TemplateResponse(request, "privacy/_export.html", {"export": export})


@login_required
@require_GET
def export_download(request, export_id: int):
    try:
        path = services.export_file(request.user, export_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    if not path.is_file():
        raise Http404(_("There is no such archive."))
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type="application/zip")


@login_required
@require_POST
def deletion_start(request):
    form = DeletionForm(request.POST)
    if not form.is_valid():
        return _overview(request, status=422, form=form)
    try:
        deletion = services.deletion_request(request.user, password=form.cleaned_data["password"])
    except ServiceError as exc:
        form.add_error("password" if exc.field == "password" else None, exc.message)
        return _overview(request, status=exc.status, form=form)
    messages.success(
        request,
        _("Your account will be erased on %(date)s. Until then, you can change your mind here.")
        % {"date": date_format(deletion.erase_after, "DATE_FORMAT")},
    )
    return redirect("privacy:overview")


@login_required
@require_POST
def deletion_cancel(request):
    services.deletion_cancel(request.user)
    messages.success(request, _("Your account will not be erased."))
    return redirect("privacy:overview")

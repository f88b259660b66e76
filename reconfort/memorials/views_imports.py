"""Archive import pages: upload, live progress (HTMX polling a fragment), review with exclusions, import; and
the memorial's kept posts. Thin: each view parses input and calls a service or a selector."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response

from . import policies, selectors, services
from .forms import ArchiveUploadForm, ImportLastWordsForm
from .views import _detail_url, _get, _problem, _robots

REVIEW_PAGE = 50
POSTS_PAGE = 30


def _imports_url(memorial) -> str:
    return reverse("memorials:imports", args=[memorial.key])


def _import_url(job) -> str:
    return reverse("memorials:import_detail", args=[job.memorial.key, job.pk])


def _editor(request, key):
    memorial, access = _get(request, key)
    if not policies.can_edit_memorial(access):
        raise ServiceError(_("Only the owner and editors of this memorial can do this."), status=403)
    return memorial


@login_required
def imports(request, key: str):
    try:
        memorial = _editor(request, key)
    except ServiceError as exc:
        return _problem(request, exc)
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            job = services.archive_import_upload(request.user, memorial, form.cleaned_data["file"])
        except ServiceError as exc:
            form.add_error("file", exc.message)
            status = exc.status
        else:
            return redirect(_import_url(job))
    elif request.method == "POST":
        status = 422
    context = {"memorial": memorial, "form": form, "imports": selectors.imports_list(memorial)}
    return TemplateResponse(request, "memorials/imports.html", context, status=status)


@login_required
def import_detail(request, key: str, import_id: int):
    try:
        memorial = _editor(request, key)
        job = selectors.import_get(memorial, import_id)
    except ServiceError as exc:
        return _problem(request, exc)
    posts = Paginator(selectors.import_posts(job), REVIEW_PAGE).get_page(request.GET.get("page"))
    proposal = selectors.last_words_proposal(job) if not job.running else None
    context = {
        "memorial": memorial,
        "job": job,
        "posts": posts,
        "proposal": proposal,
        "words_form": ImportLastWordsForm(initial={"post": proposal.pk}) if proposal else None,
    }
    return TemplateResponse(request, "memorials/import_detail.html", context)


@login_required
def import_progress(request, key: str, import_id: int):
    """The polled fragment. Once the job is done, HTMX reloads the page to show what was found."""
    try:
        memorial = _editor(request, key)
        job = selectors.import_get(memorial, import_id)
    except ServiceError as exc:
        return _problem(request, exc)
    response = TemplateResponse(request, "memorials/_import_progress.html", {"memorial": memorial, "job": job})
    if not job.running and getattr(request, "htmx", None):
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def import_action(request, key: str, import_id: int, action: str):
    try:
        memorial = _editor(request, key)
        job = selectors.import_get(memorial, import_id)
        if action in ("exclude", "include"):
            services.archive_import_exclude(
                request.user, job, request.POST.getlist("posts"), excluded=action == "exclude"
            )
        elif action == "confirm":
            services.archive_import_confirm(request.user, job)
            messages.success(request, _("The posts are kept on the memorial."))
            return redirect(_detail_url(memorial))
        elif action == "discard":
            services.archive_import_discard(request.user, job)
            return redirect(_imports_url(memorial))
        elif action == "last-words":
            form = ImportLastWordsForm(request.POST)
            if not form.is_valid():
                return problem_response(request, _("Say why these words may be shown."), 422)
            post = selectors.imported_post_get(memorial, form.cleaned_data["post"])
            services.last_words_from_import(request.user, post, consent=form.cleaned_data["consent"])
            messages.success(request, _("These are now the last words shown on the memorial."))
        else:
            return problem_response(request, _("Unknown action."), 404)
    except ServiceError as exc:
        return _problem(request, exc)
    page = request.POST.get("page")
    return redirect(_import_url(job) + (f"?page={int(page)}" if page and page.isdigit() else ""))


def archive_posts(request, key: str):
    """The person's posts kept from other platforms, with their original dates."""
    memorial, access = _get(request, key)
    posts = Paginator(selectors.imported_posts_shown(memorial), POSTS_PAGE).get_page(request.GET.get("page"))
    context = {"memorial": memorial, "posts": posts, "can_edit": policies.can_edit_memorial(access)}
    return _robots(TemplateResponse(request, "memorials/archive_posts.html", context), memorial)

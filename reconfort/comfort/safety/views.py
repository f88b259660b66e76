"""Pages of the safety net: the helplines of every country, the member's country, closing the panel, and
« je m'inquiète pour cette personne ». Views parse input, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from reconfort.core.errors import ServiceError
from reconfort.core.htmx import redirect_back
from reconfort.posts.authors import post_path
from reconfort.posts.models import Post

from . import forms, helplines, selectors, services


def helplines_page(request):
    """Every country's helplines, the member's own first; open to everyone, signed in or not."""
    mine = selectors.member_country(request.user) if request.user.is_authenticated else None
    countries = list(helplines.countries().values())
    countries.sort(key=lambda c: (c.code != mine, c.name))
    return TemplateResponse(
        request,
        "comfort_safety/helplines.html",
        {"countries": countries, "mine": mine, "directory": helplines.directory()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    form = forms.CountryForm(request.POST or None, initial={"country": selectors.preferred_country(request.user)})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.preference_set(request.user, form.cleaned_data["country"])
            except ServiceError as exc:
                form.add_error("country", exc.message)
                status = exc.status
            else:
                messages.success(request, _("Saved. These are the helplines we will show you."))
                return redirect("safety:settings")
        else:
            status = 422
    code = selectors.member_country(request.user)
    context = {
        "form": form,
        "country": selectors.helplines_for(code),
        "guessed": helplines.country_for_time_zone(request.user.time_zone),
        "directory": helplines.directory(),
    }
    return TemplateResponse(request, "comfort_safety/settings.html", context, status=status)


@login_required
@require_POST
def panel_dismiss(request, signal_id: int):
    try:
        services.panel_dismiss(request.user, signal_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    return redirect_back(request, reverse("web:home"))


def _post_or_404(post_id: int) -> Post:
    post = Post.objects.select_related("author", "reblog_of__author").filter(pk=post_id).first()
    if post is None:
        raise Http404(_("This post does not exist or is not visible to you."))
    return post.reblog_of or post


@login_required
@require_http_methods(["GET", "POST"])
def worried(request, post_id: int):
    post = _post_or_404(post_id)
    form = forms.WorryForm(request.POST if request.method == "POST" else None)
    context = {"post": post, "form": form, "refused": None}
    try:
        services.worry_check(request.user, post)
    except ServiceError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        context["refused"] = exc.message
        return TemplateResponse(request, "comfort_safety/worried.html", context, status=exc.status)
    if request.method == "POST":
        if not form.is_valid():
            return TemplateResponse(request, "comfort_safety/worried.html", context, status=422)
        try:
            services.worry_create(request.user, post, note=form.cleaned_data["note"])
        except ServiceError as exc:
            if exc.status == 404:
                raise Http404(exc.message) from exc
            form.add_error("note" if exc.field == "note" else None, exc.message)
            return TemplateResponse(request, "comfort_safety/worried.html", context, status=exc.status)
        messages.success(
            request,
            _("Thank you for caring. A moderator will look at it soon. Nothing is sent to this person."),
        )
        return redirect(post_path(post))  # /posts/<id> for an anonymous request (decision 0038)
    return TemplateResponse(request, "comfort_safety/worried.html", context)

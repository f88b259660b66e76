"""Pages for hashtags and trends: the trending tags, following a tag, featuring tags on one's profile.
The tag page itself is web.views.tag. Views parse input, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reconfort.accounts.models import Language
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response, redirect_back
from reconfort.core.text import tag_path
from reconfort.hashtags import selectors as tag_selectors
from reconfort.hashtags import services as tag_services

from . import selectors

LANGUAGES = [("", _("Every language")), *Language.choices]


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def trends(request):
    """Hashtags many different people are using right now, each approved by a moderator."""
    if "language" in request.GET:
        language = request.GET["language"]
    else:
        language = request.user.language if request.user.is_authenticated else ""
    if language not in dict(LANGUAGES):
        language = ""
    found = selectors.trends_list(language)
    history = selectors.tag_history([t.tag_id for t in found])
    items = [{"trend": t, "tag": t.tag, "history": history[t.tag_id]} for t in found]
    context = {"items": items, "language": language, "languages": LANGUAGES, "nav": "trends"}
    return TemplateResponse(request, "trends/trends.html", context)


@login_required
@require_POST
def follow(request, name: str):
    try:
        tag = tag_services.tag_follow(request.user, name)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(
        request, _("You follow #%(name)s: its public posts will come into your home.") % {"name": tag.name}
    )
    return redirect_back(request, tag_path(tag.name))


@login_required
@require_POST
def unfollow(request, name: str):
    try:
        tag = tag_services.tag_unfollow(request.user, name)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("You no longer follow #%(name)s.") % {"name": tag.name})
    return redirect_back(request, tag_path(tag.name))


@login_required
def followed(request):
    follows = list(tag_selectors.tag_follows_of(request.user).order_by("tag__key")[:500])
    return TemplateResponse(request, "trends/followed.html", {"follows": follows})


@login_required
def featured(request):
    """My featured hashtags (shown on my profile): add from a suggestion or by name, remove."""
    status = 200
    error = None
    if request.method == "POST":
        try:
            tag_services.featured_tag_add(request.user, request.POST.get("name", ""))
        except ServiceError as exc:
            if exc.status == 404:
                raise Http404(exc.message) from exc
            error, status = exc.message, exc.status
        else:
            messages.success(request, _("This hashtag is now featured on your profile."))
            return redirect_back(request, reverse("trends:featured"))
    featured_tags = tag_selectors.featured_tags_of(request.user)
    stats = selectors.featured_tag_stats(featured_tags)
    context = {
        "featured": [
            {"featured": f, "tag": f.tag, "count": stats[f.pk][0], "last": stats[f.pk][1]} for f in featured_tags
        ],
        "suggestions": selectors.featured_tag_suggestions(request.user),
        "error": error,
        "name": request.POST.get("name", "") if error else "",
    }
    return TemplateResponse(request, "trends/featured.html", context, status=status)


@login_required
@require_POST
def featured_remove(request, featured_id: int):
    try:
        tag_services.featured_tag_remove(request.user, featured_id)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("This hashtag is no longer featured on your profile."))
    return redirect_back(request, reverse("trends:featured"))

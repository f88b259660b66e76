"""The « Humain » front page: for visitors and members, without JS."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from reconfort.posts.views import posts_context

from . import selectors


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:  # a capability not installed: its link is left out
        return None


def index(request):
    viewer = request.user
    language = viewer.language if viewer.is_authenticated else (get_language() or "fr")[:2]
    page = selectors.front_page(viewer, language)
    # One prefetch and one viewer state for both lists of posts (the posts partial reads `state`).
    posts = posts_context(viewer, page.memorial_posts + page.gratitude)
    context = {
        "nav": "humain",
        "page": page,
        "memorial_posts": page.memorial_posts,
        "gratitude_posts": page.gratitude,
        "state": posts["state"],
        "queue_url": _url("comfort:queue"),
        "appeals_url": _url("appeals:near"),
        "hereafter_url": _url("memorials:directory"),
    }
    return TemplateResponse(request, "humain/index.html", context)

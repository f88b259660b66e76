"""The search page: one box, five tabs (posts, people, tags, memorials, appeals); works without JavaScript."""

from __future__ import annotations

from urllib.parse import urlencode

from django.template.response import TemplateResponse

from reconfort.posts.views import posts_context

from . import selectors
from .forms import TYPE_CHOICES, SearchForm
from .selectors import SearchType

PAGE_SIZE = 20
MAX_PAGE = 50


def search(request):
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "nav": "search", "kind": SearchType.POSTS, "results": [], "query": ""}
    if form.is_valid():
        query, kind, page = form.cleaned_data["q"], form.cleaned_data["type"] or SearchType.POSTS, form.page_number
        offset = (page - 1) * PAGE_SIZE
        viewer = request.user
        context.update(query=query, kind=kind)
        if kind == SearchType.POSTS:
            results = selectors.post_search(viewer, query, limit=PAGE_SIZE, offset=offset)
            context.update(posts_context(viewer, results))
        elif kind == SearchType.ACCOUNTS:
            results = selectors.account_search(viewer, query, limit=PAGE_SIZE, offset=offset)
        elif kind == SearchType.TAGS:
            results = selectors.tag_search(query, limit=PAGE_SIZE, offset=offset)
        elif kind == SearchType.MEMORIALS:
            results = selectors.memorial_search(viewer, query, limit=PAGE_SIZE, offset=offset)
        else:
            results = selectors.appeal_search(viewer, query, limit=PAGE_SIZE, offset=offset)
        context["results"] = results
        context["tabs"] = [(t, label, f"?{urlencode({'q': query, 'type': t})}") for t, label in TYPE_CHOICES]
        if len(results) == PAGE_SIZE and page < MAX_PAGE:
            context["next_url"] = f"?{urlencode({'q': query, 'type': kind, 'page': page + 1})}"
        if page > 1:
            context["previous_url"] = f"?{urlencode({'q': query, 'type': kind, 'page': page - 1})}"
    return TemplateResponse(request, "search/search.html", context)

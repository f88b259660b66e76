"""RSS 2.0 and Atom feeds of a crisis page: the information pinned by moderators and the reviewed public posts
under its hashtags (django.contrib.syndication, as reconfort.feeds does for profiles and tags). Never check-ins.
A proposal under review has no feed (404). Posts under a content warning show only the warning."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from reconfort.core.errors import NotFound
from reconfort.posts.authors import post_path, public_name

from . import selectors
from .models import Crisis, CrisisNotice

ITEMS = 30


class CrisisRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        # A fresh object per request, so nothing of one request stays on the shared instance.
        return Feed.__call__(CrisisRssFeed(), request, *args, **kwargs)

    def get_object(self, request, slug: str) -> Crisis:
        try:
            # Anonymous: a feed is public and cached by readers; it never depends on who asks.
            return selectors.crisis_get_visible(AnonymousUser(), slug)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    def title(self, crisis: Crisis) -> str:
        return _("%(name)s — information and messages") % {"name": crisis.name}

    def link(self, crisis: Crisis) -> str:
        return reverse("crisis:detail", args=[crisis.slug])

    def description(self, crisis: Crisis) -> str:
        return crisis.description or _("Information pinned by the moderators, and public messages.")

    def items(self, crisis: Crisis) -> list:
        notices = list(selectors.notices_of(crisis)[:ITEMS])
        posts = selectors.crisis_posts(AnonymousUser(), crisis, limit=ITEMS)
        merged = sorted(notices + posts, key=lambda item: item.created_at, reverse=True)
        return merged[:ITEMS]

    def item_title(self, item) -> str:
        if isinstance(item, CrisisNotice):
            return _("Official information")
        if item.spoiler_text:
            return _("Content warning: %(warning)s") % {"warning": item.spoiler_text}
        return _("A post by %(name)s") % {"name": public_name(item)}

    def item_description(self, item) -> str:
        if isinstance(item, CrisisNotice):
            text = linebreaks(escape(item.text))
            if item.source_url:
                text += f'<p><a href="{escape(item.source_url)}">{escape(_("Source"))}</a></p>'
            return text
        if item.spoiler_text:
            return "<p>" + escape(_("Content warning: %(warning)s") % {"warning": item.spoiler_text}) + "</p>"
        return item.content_html

    def item_link(self, item) -> str:
        if isinstance(item, CrisisNotice):
            return reverse("crisis:detail", args=[item.crisis.slug]) + f"#notice-{item.pk}"
        return post_path(item)

    def item_guid(self, item) -> str:
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item) -> str:
        if isinstance(item, CrisisNotice):
            return _("The moderators")
        return public_name(item)  # an anonymous request's pseudonym (decision 0038)


class CrisisAtomFeed(CrisisRssFeed):
    feed_type = Atom1Feed
    subtitle = CrisisRssFeed.description

    def __call__(self, request, *args, **kwargs):
        return Feed.__call__(CrisisAtomFeed(), request, *args, **kwargs)

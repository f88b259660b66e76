"""RSS 2.0 and Atom feeds with Django's syndication framework (decision 0035): a member's public posts and a
hashtag's public posts. Never followers-only, mentioned-only or unlisted posts, never replies or reshares,
never posts hidden by moderators. A suspended member has no feed (404); a memorialised member's feed stays,
titled in remembrance. A post under a content warning shows only the warning, as on the pages. An anonymous
request for comfort is in no member's feed, and signed with its pseudonym in a hashtag's feed (decision 0038)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from reconfort.accounts import selectors as account_selectors
from reconfort.core.errors import NotFound
from reconfort.core.text import tag_path
from reconfort.hashtags.selectors import tag_get
from reconfort.memorials.selectors import account_memorial_of
from reconfort.posts.authors import post_path, public_name
from reconfort.posts.models import Post, Visibility
from reconfort.posts.selectors import exclude_hidden

ITEMS = 20


def view(feed_class):
    """A fresh feed object per request (the object keeps the viewer; one shared instance would not be safe)."""

    def handler(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    handler.__name__ = feed_class.__name__
    return handler


def _public(viewer):
    qs = Post.objects.with_related().filter(
        visibility=Visibility.PUBLIC, reblog_of__isnull=True, in_reply_to__isnull=True, hidden_at__isnull=True
    )
    return exclude_hidden(viewer, qs)


class _PostItems:
    """How one post becomes a feed item."""

    def item_title(self, post: Post) -> str:
        if post.title:
            return post.title
        if post.spoiler_text:
            return _("Content warning: %(warning)s") % {"warning": post.spoiler_text}
        return _("A post by %(name)s") % {"name": self.item_author_name(post)}

    def item_description(self, post: Post) -> str:
        if post.spoiler_text:
            return "<p>" + escape(_("Content warning: %(warning)s") % {"warning": post.spoiler_text}) + "</p>"
        return post.content_html

    def item_link(self, post: Post) -> str:
        return post_path(post)

    def item_guid(self, post: Post) -> str:
        return self.item_link(post)

    def item_pubdate(self, post: Post):
        return post.created_at

    def item_updateddate(self, post: Post):
        return post.edited_at or post.created_at

    def item_author_name(self, post: Post) -> str:
        return public_name(post)

    def item_categories(self, post: Post) -> list[str]:
        return list(post.tag_names or [])


class AccountRss(_PostItems, Feed):
    def get_object(self, request, username: str):
        try:
            account = account_selectors.account_get_by_username(username)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        if account_selectors.is_blocked_either_way(request.user, account):
            raise Http404(_("This account does not exist."))
        self.viewer = request.user
        return account

    def title(self, account) -> str:
        if account_memorial_of(account):
            return _("Remembering %(name)s") % {"name": account.name}
        return _("%(name)s (@%(username)s)") % {"name": account.name, "username": account.username}

    def link(self, account) -> str:
        return reverse("web:profile", args=[account.username])

    def description(self, account) -> str:
        return account.bio or _("Public posts of %(name)s on %(site)s.") % {
            "name": account.name,
            "site": settings.RECONFORT_INSTANCE_NAME,
        }

    def language(self, account) -> str:
        return account.language

    def items(self, account):
        # Never an anonymous request: the feed is public and carries the account's name (decision 0038).
        qs = _public(self.viewer).filter(author=account, author_alias="")
        return list(qs.order_by("-id")[:ITEMS])


class AccountAtom(AccountRss):
    feed_type = Atom1Feed
    subtitle = AccountRss.description


class TagRss(_PostItems, Feed):
    def get_object(self, request, name: str):
        tag = tag_get(name)
        if tag is None:
            raise Http404(_("Nobody used this hashtag yet."))
        self.viewer = request.user
        return tag

    def title(self, tag) -> str:
        return f"#{tag.name}"

    def link(self, tag) -> str:
        return tag_path(tag.name)

    def description(self, tag) -> str:
        return _("Public posts with the hashtag #%(name)s on %(site)s.") % {
            "name": tag.name,
            "site": settings.RECONFORT_INSTANCE_NAME,
        }

    def items(self, tag):
        qs = _public(self.viewer).filter(tags=tag, author__limited=False)
        return list(qs.order_by("-id")[:ITEMS])


class TagAtom(TagRss):
    feed_type = Atom1Feed
    subtitle = TagRss.description

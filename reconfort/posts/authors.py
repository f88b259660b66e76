"""Who a post shows as its author, for one viewer (decision 0038).

A request for comfort asked anonymously, and its asker's own replies in that thread, carry a pseudonym
(`Post.author_alias`). Everyone but the author and moderators sees the pseudonym instead of the account, through
every door: pages, the Mastodon API, feeds, notifications, the list of who gave a gesture. What the asker does in
that thread (a gesture on a reply, say) is shown under the same pseudonym. Renderers ask here; none of them reads
`post.author` to name someone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.text import slugify

from reconfort.accounts.urls_helpers import profile_path

from . import policies
from .models import Post

ALIAS_ID_PREFIX = "anon-"


def post_path(post: Post) -> str:
    """The page of a post. An anonymous one is at /posts/<id> for everyone: /@username/<id> would name its author
    (the asker's own links too, so that one they share does not)."""
    if post.author_alias:
        return f"/posts/{post.pk}"
    return f"{profile_path(post.author.username)}/{post.pk}"


def post_absolute_url(post: Post) -> str:
    scheme = "https" if settings.RECONFORT_HTTPS else "http"
    return f"{scheme}://{settings.RECONFORT_DOMAIN}{post_path(post)}"


def alias_handle(alias: str) -> str:
    """The pseudonym as a handle ("Lantern 427" → "lantern-427"): the `acct` Mastodon clients show and put at the
    start of a reply. It always holds a "-", which no username may (accounts.USERNAME_RE): no member can be its
    namesake, so looking the handle up or mentioning it finds nobody (core.text.MENTION_RE does not stop at the
    "-" to mention "@lantern")."""
    handle = slugify(alias) or "anonymous"
    return handle if "-" in handle else f"{handle}-anon"


@dataclass(frozen=True)
class ThreadAlias:
    """The pseudonym an anonymous request's thread was asked under, and who asked it."""

    alias: str
    asker_id: int
    root_id: int  # the request's post
    created_at: datetime

    @property
    def alias_id(self) -> str:
        """The pseudonym's opaque id in the API: never the account's."""
        return f"{ALIAS_ID_PREFIX}{self.root_id}"


def thread_alias(post: Post | None) -> ThreadAlias | None:
    """The pseudonym of the anonymous request this post belongs to, if any (the post itself, or its thread's first
    post: load lists with select_related("thread_root") to spare a query each)."""
    if post is None:
        return None
    if post.author_alias:
        if post.thread_root_id is None:
            return ThreadAlias(post.author_alias, post.author_id, post.pk, post.created_at)
        # The asker's reply: the request's date when it is at hand, else the reply's (no query for a date).
        root = post.thread_root if Post.thread_root.is_cached(post) else None
        created_at = root.created_at if root is not None else post.created_at
        return ThreadAlias(post.author_alias, post.author_id, post.thread_root_id, created_at)
    if post.thread_root_id is None:
        return None
    root = post.thread_root
    if root is None or not root.author_alias:
        return None
    return ThreadAlias(root.author_alias, root.author_id, root.pk, root.created_at)


@dataclass(frozen=True)
class ShownAuthor:
    """Someone as one viewer may see them. Under a pseudonym `account` is None; `name`, `avatar` and `pk` are what
    the avatar partial needs either way (a pseudonym has no picture; its tone comes from the request)."""

    name: str
    account: object | None
    thread: ThreadAlias | None = None  # set when this is the asker of an anonymous request, seen or not

    @property
    def hidden(self) -> bool:
        return self.account is None

    @property
    def alias(self) -> str:
        return self.thread.alias if self.thread else ""

    @property
    def alias_id(self) -> str:
        return self.thread.alias_id if self.thread else ""

    @property
    def username(self) -> str | None:
        return None if self.account is None else self.account.username

    @property
    def avatar(self):
        return None if self.account is None else self.account.avatar

    @property
    def url(self) -> str:
        """Where the name links: the profile, or under a pseudonym the request it stands for."""
        if self.account is not None:
            return profile_path(self.account.username)
        return f"/posts/{self.thread.root_id}"

    @property
    def pk(self) -> int:
        return self.account.pk if self.account is not None else self.thread.root_id


def _shown(viewer, account, found: ThreadAlias | None) -> ShownAuthor:
    if found is None or account.pk != found.asker_id:
        return ShownAuthor(account.name, account)
    if policies.can_see_anonymous_author(viewer, account.pk):
        return ShownAuthor(account.name, account, found)
    return ShownAuthor(found.alias, None, found)


def shown_author(viewer, post: Post) -> ShownAuthor:
    """The author of this post as the viewer may see them."""
    if not post.author_alias:
        return ShownAuthor(post.author.name, post.author)
    return _shown(viewer, post.author, thread_alias(post))


def public_name(post: Post) -> str:
    """The author's name where anyone may read it (feeds): the pseudonym of an anonymous post."""
    return shown_author(AnonymousUser(), post).name


def shown_actor(viewer, actor, post: Post | None) -> ShownAuthor:
    """Someone who acted on a post (replied, mentioned, gave a gesture, reshared): the asker of an anonymous request
    acts in its thread under its pseudonym."""
    return _shown(viewer, actor, thread_alias(post))

"""Status (docs.joinmastodon.org/entities/Status), with Pleroma's emoji reactions for gestures of comfort.

The ❤️ gesture is Mastodon's favourite; the other gestures (🫂 🕯️ 🙏 💐) appear in `pleroma.emoji_reactions`.
Rendering a page of statuses costs 4 queries at most whatever its size: the media of all posts at once, the
viewer's own gestures and reshares (posts.selectors.viewer_state), and which replied-to posts are anonymous.
The author of an anonymous request for comfort is a pseudonym account to all but them and moderators
(posts.authors, decision 0038).
"""

from __future__ import annotations

from collections import defaultdict

from django.utils.html import escape
from ninja import Field, Schema

from reconfort.posts import policies
from reconfort.posts.authors import ALIAS_ID_PREFIX, post_path, shown_author
from reconfort.posts.models import GESTURE_EMOJI, GestureKind, MediaAttachment, Post
from reconfort.posts.selectors import ViewerState, viewer_state

from .. import links
from .account import Account, render_shown_account
from .common import iso, sid
from .media import Attachment, render_media

# The gestures shown as emoji reactions (the heart is the favourite).
REACTION_KINDS = [k for k in GestureKind.values if k != GestureKind.HEART]


class StatusMention(Schema):
    id: str
    username: str
    url: str
    acct: str


class StatusTag(Schema):
    name: str
    url: str


class EmojiReaction(Schema):
    name: str
    count: int
    me: bool


class PleromaStatus(Schema):
    emoji_reactions: list[EmojiReaction]
    local: bool


class ReconfortStatus(Schema):
    """Our own additions: the kind of post, stories, and every gesture's count."""

    kind: str
    is_story: bool
    title: str | None
    gestures: dict[str, int]
    held: bool = Field(
        False,
        description="Only its writer sees this: the reply waits for the approval of the author of the support request "
        "or memorial post it answers (kind-reply guard), also after an edit into words that may hurt.",
    )


class StatusApplication(Schema):
    name: str
    website: str | None


class Status(Schema):
    id: str
    uri: str
    url: str | None
    created_at: str
    edited_at: str | None
    account: Account
    content: str
    text: str | None = None
    visibility: str
    sensitive: bool
    spoiler_text: str
    media_attachments: list[Attachment]
    application: StatusApplication | None
    mentions: list[StatusMention]
    tags: list[StatusTag]
    emojis: list[dict]
    reblogs_count: int
    favourites_count: int
    replies_count: int
    in_reply_to_id: str | None
    in_reply_to_account_id: str | None
    reblog: Status | None
    poll: dict | None
    card: dict | None
    language: str | None
    favourited: bool
    reblogged: bool
    muted: bool
    bookmarked: bool
    pinned: bool
    filtered: list[dict]
    pleroma: PleromaStatus
    reconfort: ReconfortStatus


def post_content_html(post: Post) -> str:
    """A story is shown by clients as its title followed by the article."""
    if post.is_story and post.title:
        return f"<p><strong>{escape(post.title)}</strong></p>{post.content_html}"
    return post.content_html


def emoji_reactions(post: Post, state: ViewerState) -> list[dict]:
    return [
        {"name": GESTURE_EMOJI[kind], "count": post.gesture_count(kind), "me": state.gave(post.pk, kind)}
        for kind in REACTION_KINDS
        if post.gesture_count(kind) or state.gave(post.pk, kind)
    ]


class StatusRenderer:
    """Renders statuses for one viewer, loading what a page needs up front (4 queries at most)."""

    def __init__(self, viewer, posts: list[Post], state: ViewerState | None = None):
        self.viewer = viewer
        every = list(posts) + [p.reblog_of for p in posts if p.reblog_of_id]
        self.media: dict[int, list[MediaAttachment]] = defaultdict(list)
        ids = {p.pk for p in every}
        if ids:
            for media in MediaAttachment.objects.filter(post_id__in=ids).order_by("id"):
                self.media[media.post_id].append(media)
        self.state = state if state is not None else viewer_state(viewer, list(posts))
        # Replies to a post under a pseudonym: whom they answer is the pseudonym for all but its author and
        # moderators (one query, only when the page has replies).
        parent_ids = {p.in_reply_to_id for p in every if p.in_reply_to_id}
        self.hidden_parents: dict[int, str] = {}
        if parent_ids:
            rows = Post.objects.filter(pk__in=parent_ids).exclude(author_alias="")
            for pk, root_id, author_id in rows.values_list("pk", "thread_root_id", "author_id"):
                if not policies.can_see_anonymous_author(viewer, author_id):
                    self.hidden_parents[pk] = f"{ALIAS_ID_PREFIX}{root_id or pk}"

    def in_reply_to_account_id(self, post: Post) -> str | None:
        return self.hidden_parents.get(post.in_reply_to_id) or sid(post.in_reply_to_account_id)

    def render(self, post: Post) -> dict:
        url = links.absolute(post_path(post))
        reblog = post.reblog_of
        state = self.state
        data = {
            "id": str(post.pk),
            "uri": url,
            "url": url,
            "created_at": iso(post.created_at),
            "edited_at": iso(post.edited_at),
            "account": render_shown_account(shown_author(self.viewer, post)),
            "content": "" if reblog else post_content_html(post),
            "text": None,
            "visibility": post.visibility,
            "sensitive": post.sensitive,
            "spoiler_text": post.spoiler_text,
            "media_attachments": [render_media(m) for m in self.media.get(post.pk, ())],
            "application": None,
            "mentions": [
                {
                    "id": str(m["id"]),
                    "username": m["username"],
                    "url": links.profile_url(m["username"]),
                    "acct": m["username"],
                }
                for m in post.mentions_data
            ],
            "tags": [{"name": name, "url": links.tag_url(name)} for name in post.tag_names],
            "emojis": [],
            "reblogs_count": post.reblogs_count,
            "favourites_count": post.heart_count,
            "replies_count": post.replies_count,
            "in_reply_to_id": sid(post.in_reply_to_id),
            "in_reply_to_account_id": self.in_reply_to_account_id(post),
            "reblog": self.render(reblog) if reblog else None,
            "poll": None,
            "card": None,
            "language": post.language or None,
            "favourited": state.gave(post.pk, GestureKind.HEART),
            "reblogged": post.pk in state.reblogged,
            "muted": False,
            "bookmarked": False,
            "pinned": False,
            "filtered": [],
            "pleroma": {"emoji_reactions": emoji_reactions(post, state), "local": True},
            "reconfort": {
                "kind": post.kind,
                "is_story": post.is_story,
                "title": post.title or None,
                "gestures": post.gesture_counts,
                "held": post.held,
            },
        }
        return data


def render_statuses(viewer, posts: list[Post]) -> list[dict]:
    renderer = StatusRenderer(viewer, posts)
    return [renderer.render(p) for p in posts]


def render_status(viewer, post: Post) -> dict:
    return StatusRenderer(viewer, [post]).render(post)

"""Reads of posts, always through what the viewer may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Block, Follow, User
from reconfort.accounts.selectors import blocked_ids_either_way, hidden_account_ids, is_blocked_either_way
from reconfort.core.errors import NotFound
from reconfort.core.text import normalize_tag

from . import policies
from .models import Gesture, GestureKind, Mention, Post, Visibility


def post_not_found() -> NotFound:
    return NotFound(_("This post does not exist or is not visible to you."))


def posts_visible_to(viewer, queryset: QuerySet | None = None) -> QuerySet:
    """Posts the viewer may see by visibility (block filtering is separate: see exclude_hidden)."""
    qs = queryset if queryset is not None else Post.objects.all()
    qs = qs.filter(author__is_active=True)
    if not viewer.is_authenticated:
        return qs.filter(visibility__in=[Visibility.PUBLIC, Visibility.UNLISTED], held=False)
    qs = qs.filter(Q(held=False) | Q(author=viewer))  # comfort guard: held replies are their writer's alone
    follows = Follow.objects.filter(follower=viewer, target=OuterRef("author"), state=Follow.State.ACCEPTED)
    mentioned = Mention.objects.filter(post=OuterRef("pk"), account=viewer)
    return qs.filter(
        Q(visibility__in=[Visibility.PUBLIC, Visibility.UNLISTED])
        | Q(author=viewer)
        | (Q(visibility=Visibility.PRIVATE) & Q(Exists(follows)))
        | Q(Exists(mentioned))
    )


def exclude_hidden(viewer, queryset: QuerySet, *, include_mutes: bool = True) -> QuerySet:
    """Drop what the viewer must not see in a list: posts of suspended members; posts and reshares by accounts
    they block, mute or are blocked by; posts hidden by moderators (except their own); reshares of suspended
    accounts' or hidden posts (a suspended member's words must not come back through a reshare).

    A post under a pseudonym (decision 0038) is left out only when its author blocked the viewer: the viewer's own
    blocks and mutes of an account must not make its anonymous posts vanish, or they would tell who wrote them."""
    queryset = queryset.filter(author__is_active=True).filter(
        Q(reblog_of__isnull=True)
        | Q(reblog_of__author__is_active=True, reblog_of__hidden_at__isnull=True, reblog_of__held=False)
    )
    if not viewer.is_authenticated:
        return queryset.filter(hidden_at__isnull=True, held=False)
    # Hidden by moderators, or held by the comfort guard: only the author still sees it.
    queryset = queryset.filter(Q(hidden_at__isnull=True, held=False) | Q(author=viewer))
    hidden = hidden_account_ids(viewer) if include_mutes else blocked_ids_either_way(viewer)
    blockers = Block.objects.filter(target=viewer).values("account_id")
    return (
        queryset.exclude(author_id__in=hidden, author_alias="")
        .exclude(author_id__in=blockers)
        .exclude(reblog_of__author_id__in=hidden, reblog_of__author_alias="")
        .exclude(reblog_of__author_id__in=blockers)
    )


def posts_in_order(ids: list[int]) -> list[Post]:
    """The posts with these ids with their authors, in this order, in one query (one deleted in between is left
    out): the second step of reading a page whose ids were chosen first (timelines, search)."""
    if not ids:
        return []
    found = Post.objects.with_related().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def keeps_apart(viewer, post: Post) -> bool:
    """A block between the viewer and the post's author. Under a pseudonym only the author's own block counts
    (a refusal caused by the viewer's block would tell them who wrote it)."""
    if not viewer.is_authenticated:
        return False
    if post.author_alias and viewer.pk != post.author_id:
        return Block.objects.filter(account_id=post.author_id, target=viewer).exists()
    return is_blocked_either_way(viewer, post.author)


def post_get(post_id) -> Post:
    try:
        return Post.objects.with_related().get(pk=int(post_id))
    except (Post.DoesNotExist, ValueError, TypeError) as exc:
        raise post_not_found() from exc


def can_view(viewer, post: Post) -> bool:
    target = post.reblog_of or post
    for p in {post, target}:
        if viewer.is_authenticated and viewer.pk == p.author_id:
            continue
        # Following the author or being mentioned only matters to a followers-only or direct post.
        restricted = viewer.is_authenticated and p.visibility not in (Visibility.PUBLIC, Visibility.UNLISTED)
        follows = (
            restricted
            and Follow.objects.filter(follower=viewer, target_id=p.author_id, state=Follow.State.ACCEPTED).exists()
        )
        mentioned = restricted and Mention.objects.filter(post=p, account=viewer).exists()
        if not policies.can_view_post(
            viewer,
            p,
            follows_author=follows,
            mentioned=mentioned,
            blocked_either_way=keeps_apart(viewer, p),
        ):
            return False
    return True


def post_get_visible(viewer, post_id) -> Post:
    """The post, or NotFound (never 403: a hidden post must not reveal that it exists)."""
    post = post_get(post_id)
    if not can_view(viewer, post):
        raise post_not_found()
    return post


@dataclass
class Context:
    ancestors: list[Post] = field(default_factory=list)
    descendants: list[Post] = field(default_factory=list)


def post_context(viewer, post: Post) -> Context:
    """Ancestors (oldest first) and descendants (depth-first, in order) the viewer may see."""
    root_id = post.thread_root_id or post.pk
    if not post.in_reply_to_id and not Post.objects.filter(thread_root_id=root_id).exists():
        return Context()  # a post alone in its thread (most are): no need for the rules' query
    thread = exclude_hidden(
        viewer, posts_visible_to(viewer, Post.objects.with_related().filter(Q(pk=root_id) | Q(thread_root_id=root_id)))
    )
    by_id = {p.pk: p for p in thread}
    ancestors: list[Post] = []
    parent_id = post.in_reply_to_id
    while parent_id and parent_id in by_id:
        ancestors.append(by_id[parent_id])
        parent_id = by_id[parent_id].in_reply_to_id
    ancestors.reverse()
    children: dict[int, list[Post]] = {}
    for p in sorted(by_id.values(), key=lambda p: p.pk):
        if p.in_reply_to_id:
            children.setdefault(p.in_reply_to_id, []).append(p)
    descendants: list[Post] = []
    stack = list(reversed(children.get(post.pk, [])))
    while stack:
        p = stack.pop()
        descendants.append(p)
        stack.extend(reversed(children.get(p.pk, [])))
    return Context(ancestors=ancestors, descendants=descendants)


def account_posts(
    viewer,
    account: User,
    *,
    exclude_replies=False,
    exclude_reblogs=False,
    only_stories=False,
    tagged: str | None = None,
) -> QuerySet:
    qs = posts_visible_to(viewer, Post.objects.with_related().filter(author=account))
    qs = exclude_hidden(viewer, qs, include_mutes=False)
    if not policies.can_see_anonymous_author(viewer, account.pk):
        qs = qs.filter(author_alias="")  # anonymous requests are not listed under their asker's name
    if exclude_replies:
        qs = qs.filter(Q(in_reply_to__isnull=True) | Q(in_reply_to_account=account))
    if exclude_reblogs:
        qs = qs.filter(reblog_of__isnull=True)
    if only_stories:
        qs = qs.filter(is_story=True)
    if tagged:
        qs = qs.filter(tags__key=normalize_tag(tagged))
    return qs


@dataclass
class ViewerState:
    gestures: dict[int, set[str]] = field(default_factory=dict)
    reblogged: set[int] = field(default_factory=set)

    def gave(self, post_id: int, kind: str) -> bool:
        return kind in self.gestures.get(post_id, set())


def viewer_state(viewer, posts: list[Post]) -> ViewerState:
    """The viewer's own gestures and reshares on these posts (and on the posts they reshare): one query, a plain
    UNION ALL of two indexed look-ups (every API timeline page asks it; see decision 0039)."""
    state = ViewerState()
    if not viewer.is_authenticated or not posts:
        return state
    ids = sorted({p.pk for p in posts} | {p.reblog_of_id for p in posts if p.reblog_of_id})
    marks = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT post_id, kind FROM {Gesture._meta.db_table} WHERE account_id = %s AND post_id IN ({marks}) "
        f"UNION ALL SELECT reblog_of_id, '' FROM {Post._meta.db_table} "
        f"WHERE author_id = %s AND reblog_of_id IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [viewer.pk, *ids, viewer.pk, *ids])
        for post_id, kind in cursor.fetchall():
            if kind:
                state.gestures.setdefault(post_id, set()).add(kind)
            else:
                state.reblogged.add(post_id)
    return state


def gesture_givers(post: Post, kind: str | None = None) -> QuerySet:
    # One filter() call, so post and kind constrain the same gesture (two calls would join twice).
    conditions = {"gestures__post": post, "is_active": True}
    if kind:
        conditions["gestures__kind"] = kind
    return User.objects.filter(**conditions).distinct()


def gestures_by_kind(post: Post) -> dict[str, list[User]]:
    result: dict[str, list[User]] = {k: [] for k in GestureKind.values}
    for g in Gesture.objects.filter(post=post, account__is_active=True).select_related("account").order_by("id"):
        result[g.kind].append(g.account)
    return result


def reblogged_by(post: Post) -> QuerySet:
    return User.objects.filter(posts__reblog_of=post, is_active=True)

"""Reads for the kind-reply guard: the guarded post of a reply, its policy, held-reply folders."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Follow
from reconfort.comfort import models as comfort_models
from reconfort.core.errors import NotFound
from reconfort.memorials.models import Memorial
from reconfort.posts.models import Kind, Post

from . import policies
from .models import Audience, HeldReply, ReplyPolicy

DEFAULTS = {
    Kind.SUPPORT_REQUEST: "RECONFORT_GUARD_POLICY_SUPPORT_REQUEST",
    Kind.MEMORIAL: "RECONFORT_GUARD_POLICY_MEMORIAL",
}


def guarded_post_for(parent: Post | None) -> Post | None:
    """The post whose author guards a reply to `parent`: the parent itself when it is a support request or a
    memorial post, else the thread's first post when that one is (a troll answering a comforter still reaches the
    asker's thread)."""
    if parent is None:
        return None
    if policies.is_guarded(parent):
        return parent
    if parent.thread_root_id:
        root = Post.objects.select_related("author").filter(pk=parent.thread_root_id).first()
        if policies.is_guarded(root):
            return root
    return None


def default_audience(kind: str) -> str:
    value = getattr(settings, DEFAULTS.get(kind, ""), Audience.GUARDED) if kind in DEFAULTS else Audience.GUARDED
    return value if value in Audience.values else Audience.GUARDED


def audience_for(post: Post) -> str:
    row = ReplyPolicy.objects.filter(post=post).values_list("audience", flat=True).first()
    return row or default_audience(post.kind)


def follows(follower_id, target_id) -> bool:
    return Follow.objects.filter(follower_id=follower_id, target_id=target_id, state=Follow.State.ACCEPTED).exists()


# The comfort queue's opt-in (reconfort.comfort.models.Comforter). Without it, "comforters" means people I follow.
Comforter = getattr(comfort_models, "Comforter", None)


def is_comforter(user) -> bool:
    return Comforter is not None and Comforter.objects.filter(user_id=user.pk, active=True).exists()


def steward_memorials(user) -> QuerySet:
    return Memorial.objects.filter(stewards__user_id=user.pk, stewards__accepted=True)


def is_steward_for(user, author_id) -> bool:
    """An accepted steward of the memorial of a memorialised account: they decide on replies held on its posts
    (nobody can sign in as the account any more)."""
    return user.is_authenticated and steward_memorials(user).filter(subject_account_id=author_id).exists()


def held_for(viewer) -> QuerySet:
    """Held replies waiting for this person: on their own guarded posts, and on the posts of memorialised
    accounts whose memorial they steward."""
    if not viewer.is_authenticated:
        return HeldReply.objects.none()
    stewarded = steward_memorials(viewer).exclude(subject_account__isnull=True).values("subject_account_id")
    return (
        HeldReply.objects.filter(state=HeldReply.State.HELD)
        .filter(Q(owner=viewer) | Q(owner_id__in=stewarded))
        .filter(reply__author__is_active=True)
        .select_related("reply", "reply__author", "guarded_post", "guarded_post__author")
        .order_by("-id")
    )


def held_not_found() -> NotFound:
    return NotFound(_("This held reply does not exist or is not yours to decide."))


def held_get_for_decision(viewer, held_id) -> HeldReply:
    """A held reply the viewer may decide on (any state, so deciding twice answers calmly), or NotFound."""
    try:
        held = HeldReply.objects.select_related("reply", "reply__author", "guarded_post").get(pk=int(held_id))
    except (HeldReply.DoesNotExist, ValueError, TypeError) as exc:
        raise held_not_found() from exc
    if not policies.can_decide_held(
        viewer, is_owner=viewer.pk == held.owner_id, is_steward=is_steward_for(viewer, held.owner_id)
    ):
        raise held_not_found()
    return held

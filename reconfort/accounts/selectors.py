"""Reads about accounts and the relationships between them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import NotFound

from .models import Block, Follow, Mute, User


def account_get(account_id) -> User:
    try:
        return User.objects.get(pk=int(account_id), is_active=True)
    except (User.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(_not_found()) from exc


def account_get_by_username(username: str) -> User:
    try:
        return User.objects.get(username__iexact=username.lstrip("@").split("@")[0], is_active=True)
    except User.DoesNotExist as exc:
        raise NotFound(_not_found()) from exc


def _not_found():
    return _("This account does not exist.")


def is_blocked_either_way(a: User, b: User) -> bool:
    if not a.is_authenticated:
        return False
    return Block.objects.filter(Q(account=a, target=b) | Q(account=b, target=a)).exists()


def hidden_account_ids(viewer: User) -> QuerySet:
    """Ids of the accounts whose content the viewer should not see: those they block, mute, or who block them.

    A union of indexed look-ups of the viewer's own blocks and mutes, not joins from every account: the database
    reads the viewer's few rows instead of the whole accounts table on every timeline page."""
    return (
        Block.objects.filter(account=viewer)
        .values("target_id")
        .union(
            Mute.objects.filter(account=viewer).values("target_id"),
            Block.objects.filter(target=viewer).values("account_id"),
        )
    )


def blocked_ids_either_way(viewer: User) -> QuerySet:
    return (
        Block.objects.filter(account=viewer)
        .values("target_id")
        .union(Block.objects.filter(target=viewer).values("account_id"))
    )


def followers_list(account: User) -> QuerySet:
    return User.objects.filter(
        following_set__target=account, following_set__state=Follow.State.ACCEPTED, is_active=True
    )


def following_list(account: User) -> QuerySet:
    return User.objects.filter(
        follower_set__follower=account, follower_set__state=Follow.State.ACCEPTED, is_active=True
    )


def follow_requests_list(account: User) -> QuerySet:
    return User.objects.filter(following_set__target=account, following_set__state=Follow.State.PENDING)


@dataclass
class Relationship:
    id: int
    following: bool = False
    requested: bool = False
    followed_by: bool = False
    requested_by: bool = False
    blocking: bool = False
    blocked_by: bool = False
    muting: bool = False
    muting_notifications: bool = False


def relationships(viewer: User, targets: list[int]) -> list[Relationship]:
    """Relationship of the viewer to each target id, in 4 queries whatever the number of targets."""
    result = {tid: Relationship(id=tid) for tid in targets}
    for f in Follow.objects.filter(follower=viewer, target_id__in=targets):
        rel = result[f.target_id]
        rel.following = f.state == Follow.State.ACCEPTED
        rel.requested = f.state == Follow.State.PENDING
    for f in Follow.objects.filter(target=viewer, follower_id__in=targets):
        rel = result[f.follower_id]
        rel.followed_by = f.state == Follow.State.ACCEPTED
        rel.requested_by = f.state == Follow.State.PENDING
    for b in Block.objects.filter(Q(account=viewer, target_id__in=targets) | Q(target=viewer, account_id__in=targets)):
        if b.account_id == viewer.pk:
            result[b.target_id].blocking = True
        else:
            result[b.account_id].blocked_by = True
    for m in Mute.objects.filter(account=viewer, target_id__in=targets):
        result[m.target_id].muting = True
        result[m.target_id].muting_notifications = m.hide_notifications
    return [result[t] for t in targets]


def relationship(viewer: User, target: User) -> Relationship:
    return relationships(viewer, [target.pk])[0]


def account_search(viewer, query: str, *, limit: int = 10, offset: int = 0) -> list[User]:
    """Active members whose username starts with, or display name contains, the query (blocks left out)."""
    text = query.strip().lstrip("@").split("@")[0].strip()
    if not text:
        return []
    qs = User.objects.filter(is_active=True).filter(Q(username__istartswith=text) | Q(display_name__icontains=text))
    if viewer.is_authenticated:
        qs = qs.exclude(id__in=blocked_ids_either_way(viewer))
    return list(qs.order_by("-followers_count", "id")[offset : offset + limit])

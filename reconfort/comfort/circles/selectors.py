"""Reads about circles, filtered for the viewer: members-only posts, member lists, blocks and mutes."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.selectors import hidden_account_ids
from reconfort.core.errors import Forbidden, NotFound

from . import policies
from .models import Circle, CirclePost, Membership, MembershipState, Role


def circle_not_found() -> NotFound:
    return NotFound(_("This circle does not exist."), code="circle_not_found")


def posts_forbidden() -> Forbidden:
    return Forbidden(_("The posts of this circle are for its members."), code="members_only")


def circle_list(viewer) -> QuerySet:
    """Every circle, those in the viewer's language first (a visitor's: the page's), then by name."""
    language = viewer.language if viewer.is_authenticated else (get_language() or "fr")[:2]
    return Circle.objects.annotate(
        members_count=Count("memberships", filter=Q(memberships__state=MembershipState.MEMBER)),
        mine=Case(When(language=language, then=Value(0)), default=Value(1), output_field=IntegerField()),
    ).order_by("mine", "name", "id")


def circle_get(slug: str) -> Circle:
    circle = (
        Circle.objects.annotate(members_count=Count("memberships", filter=Q(memberships__state=MembershipState.MEMBER)))
        .filter(slug=str(slug)[:60])
        .first()
    )
    if circle is None:
        raise circle_not_found()
    return circle


def membership_of(viewer, circle: Circle) -> Membership | None:
    if not viewer.is_authenticated:
        return None
    return Membership.objects.filter(circle=circle, account=viewer).first()


def memberships_by_circle(viewer) -> dict[int, Membership]:
    if not viewer.is_authenticated:
        return {}
    return {m.circle_id: m for m in Membership.objects.filter(account=viewer)}


def _visible_posts(viewer, queryset: QuerySet) -> QuerySet:
    """Removed posts only for their author; nothing from people the viewer blocks or mutes, or who block them."""
    if viewer.is_authenticated:
        return queryset.filter(Q(removed_at__isnull=True) | Q(author=viewer)).exclude(
            author_id__in=hidden_account_ids(viewer)
        )
    return queryset.filter(removed_at__isnull=True)


def circle_posts(viewer, circle: Circle, membership: Membership | None) -> QuerySet:
    """The circle's feed (messages, newest first, each with its replies oldest first) if the viewer may read it."""
    if not policies.can_read_posts(viewer, circle, membership):
        raise posts_forbidden()
    replies = _visible_posts(viewer, CirclePost.objects.select_related("author")).order_by("id")
    base = CirclePost.objects.filter(circle=circle, parent__isnull=True, author__is_active=True)
    return (
        _visible_posts(viewer, base)
        .select_related("author", "removed_by")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
        .order_by("-id")
    )


def circle_post_get(viewer, circle: Circle, membership: Membership | None, post_id) -> CirclePost:
    try:
        pk = int(post_id)
    except (TypeError, ValueError):
        pk = 0
    post = None
    if policies.can_read_posts(viewer, circle, membership):
        post = _visible_posts(viewer, CirclePost.objects.filter(circle=circle, pk=pk)).select_related("author").first()
    if post is None:
        raise NotFound(_("This message does not exist."), code="post_not_found")
    return post


def circle_members(viewer, circle: Circle, membership: Membership | None) -> QuerySet:
    """Members (moderators first) for those who may see them."""
    if not policies.can_see_members(viewer, membership):
        raise Forbidden(_("Who belongs to this circle is known to its members only."), code="members_only")
    order = Case(When(role=Role.MODERATOR, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        Membership.objects.filter(circle=circle, state=MembershipState.MEMBER, account__is_active=True)
        .select_related("account")
        .annotate(order=order)
        .order_by("order", "joined_at", "id")
    )


def circle_requests(circle: Circle) -> QuerySet:
    return Membership.objects.filter(circle=circle, state=MembershipState.REQUESTED).select_related("account")


def circle_bans(circle: Circle) -> QuerySet:
    return Membership.objects.filter(circle=circle, state=MembershipState.BANNED).select_related("account")


def moderator_ids(circle_id: int) -> list[int]:
    return list(
        Membership.objects.filter(circle_id=circle_id, state=MembershipState.MEMBER, role=Role.MODERATOR).values_list(
            "account_id", flat=True
        )
    )


def newcomer_memberships(account) -> QuerySet:
    """The circles where this account is still a newcomer (see policies.is_newcomer)."""
    since = timezone.now() - policies.newcomer_period()
    return Membership.objects.filter(
        account=account, state=MembershipState.MEMBER, role=Role.MEMBER, joined_at__gt=since
    )

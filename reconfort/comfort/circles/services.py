"""Every write about circles: create, join (or ask), decide requests, leave, moderators, bans, posts, removals.

Each function takes `now=` (the clock) so tests can move time without a library.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.selectors import is_blocked_either_way
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.core.text import URL_RE

from . import policies
from .models import Circle, CirclePost, JoinPolicy, Language, Membership, MembershipState, PostsVisibility, Role

# Links written without a scheme still count as links for a newcomer.
BARE_LINK_HINTS = ("www.", "http:", "https:")
RESERVED_SLUGS = {"new"}  # /circles/new/ is the creation page


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _membership(circle: Circle, account) -> Membership | None:
    if not account.is_authenticated:
        return None
    return Membership.objects.filter(circle=circle, account=account).first()


def _require_moderator(actor, circle: Circle) -> Membership | None:
    membership = _membership(circle, actor)
    if not policies.can_moderate(actor, membership):
        raise Forbidden(_("Only the moderators of this circle can do this."), code="not_moderator")
    return membership


def _clean(value, *, limit: int, field: str, required: bool = False, label=None) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ServiceError(label or _("This field is required."), field=field, code="required")
    if len(value) > limit:
        raise ServiceError(_("%(limit)s characters at most, please.") % {"limit": limit}, field=field, code="too_long")
    return value


def _unique_slug(name: str) -> str:
    base = slugify(name)[:50].strip("-") or "cercle"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Circle.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- circles ------------------------------------------------------------------------------------


def circle_create(
    creator,
    *,
    name: str,
    description: str = "",
    language: str = Language.FR,
    rules: str = "",
    join_policy: str = JoinPolicy.OPEN,
    posts_visibility: str = PostsVisibility.MEMBERS,
    slug: str = "",
    now: datetime | None = None,
) -> Circle:
    """A new circle; its creator is its first moderator."""
    now = _now(now)
    if not policies.can_create_circle(creator, now=now):
        raise Forbidden(
            _("Circles can be created by members whose account is at least %(days)s days old.")
            % {"days": policies.min_account_age().days},
            code="not_eligible",
        )
    name = _clean(name, limit=80, field="name", required=True, label=_("Give the circle a name."))
    description = _clean(description, limit=2000, field="description")
    rules = _clean(rules, limit=3000, field="rules")
    if language not in Language.values:
        raise ServiceError(_("Choose French or English."), field="language", code="invalid_language")
    if join_policy not in JoinPolicy.values:
        raise ServiceError(_("Choose how people join."), field="join_policy", code="invalid_join_policy")
    if posts_visibility not in PostsVisibility.values:
        raise ServiceError(_("Choose who can read the posts."), field="posts_visibility", code="invalid_visibility")
    slug = slugify(slug or "")[:60]
    with transaction.atomic():
        if slug and (slug in RESERVED_SLUGS or Circle.objects.filter(slug=slug).exists()):
            raise ServiceError(_("This address is already taken."), field="slug", code="slug_taken", status=409)
        circle = Circle.objects.create(
            slug=slug or _unique_slug(name),
            name=name,
            description=description,
            language=language,
            rules=rules,
            join_policy=join_policy,
            posts_visibility=posts_visibility,
            created_by=creator,
            created_at=now,
        )
        Membership.objects.create(
            circle=circle,
            account=creator,
            state=MembershipState.MEMBER,
            role=Role.MODERATOR,
            requested_at=now,
            joined_at=now,
        )
    return circle


def circle_edit(
    actor,
    circle: Circle,
    *,
    name: str | None = None,
    description: str | None = None,
    rules: str | None = None,
    join_policy: str | None = None,
    posts_visibility: str | None = None,
) -> Circle:
    """The circle's moderators change its name, description, rules, join policy or who reads its posts.

    Opening a circle's posts to everyone is allowed (its members see the change on the page), as is closing them.
    """
    _require_moderator(actor, circle)
    if name is not None:
        circle.name = _clean(name, limit=80, field="name", required=True, label=_("Give the circle a name."))
    if description is not None:
        circle.description = _clean(description, limit=2000, field="description")
    if rules is not None:
        circle.rules = _clean(rules, limit=3000, field="rules")
    if join_policy is not None:
        if join_policy not in JoinPolicy.values:
            raise ServiceError(_("Choose how people join."), field="join_policy", code="invalid_join_policy")
        circle.join_policy = join_policy
    if posts_visibility is not None:
        if posts_visibility not in PostsVisibility.values:
            raise ServiceError(_("Choose who can read the posts."), field="posts_visibility", code="invalid_visibility")
        circle.posts_visibility = posts_visibility
    with transaction.atomic():
        circle.save(update_fields=["name", "description", "rules", "join_policy", "posts_visibility"])
    return circle


# --- joining and leaving --------------------------------------------------------------------------


def circle_join(user, circle: Circle, *, now: datetime | None = None) -> Membership:
    """Join an open circle, or ask to join a circle on request (its moderators are told)."""
    now = _now(now)
    membership = _membership(circle, user)
    if membership is not None and membership.state == MembershipState.BANNED:
        raise Forbidden(_("You cannot join this circle."), code="banned")
    if membership is not None:
        return membership  # already a member, or already asked: nothing to do
    if not policies.can_join(user, membership):
        raise Forbidden(_("You cannot join this circle."), code="not_allowed")
    ratelimit.hit_account("circle_join", user)
    on_request = policies.joins_on_request(circle)
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                circle=circle,
                account=user,
                state=MembershipState.REQUESTED if on_request else MembershipState.MEMBER,
                requested_at=now,
                joined_at=None if on_request else now,
            )
            if on_request:
                events.emit(events.CIRCLE_JOIN_REQUESTED, circle_id=circle.pk, account_id=user.pk)
    except IntegrityError:  # two clicks at once: the first one won
        membership = Membership.objects.get(circle=circle, account=user)
    return membership


def circle_request_decide(actor, circle: Circle, account_id, *, accept: bool, now: datetime | None = None) -> None:
    """A moderator lets someone in (they are told), or declines (the request goes quietly)."""
    now = _now(now)
    _require_moderator(actor, circle)
    with transaction.atomic():
        request = (
            Membership.objects.select_for_update()
            .filter(circle=circle, account_id=account_id, state=MembershipState.REQUESTED)
            .first()
        )
        if request is None:
            raise NotFound(_("There is no such request."), code="request_not_found")
        if not accept:
            request.delete()
            return
        request.state, request.joined_at = MembershipState.MEMBER, now
        request.save(update_fields=["state", "joined_at"])
        events.emit(
            events.CIRCLE_REQUEST_ACCEPTED, circle_id=circle.pk, account_id=request.account_id, moderator_id=actor.pk
        )


def circle_leave(user, circle: Circle) -> None:
    """Leave (or withdraw a request). Messages already written stay in the circle."""
    membership = _membership(circle, user)
    if not policies.can_leave(user, membership):
        raise Forbidden(_("You are not in this circle."), code="not_member")
    membership.delete()


def circle_moderator_add(actor, circle: Circle, account_id) -> Membership:
    _require_moderator(actor, circle)
    membership = Membership.objects.filter(circle=circle, account_id=account_id, state=MembershipState.MEMBER).first()
    if membership is None:
        raise NotFound(_("Only a member of the circle can become one of its moderators."), code="not_member")
    if membership.role != Role.MODERATOR:
        membership.role = Role.MODERATOR
        membership.save(update_fields=["role"])
    return membership


def circle_ban(actor, circle: Circle, target, *, reason: str, now: datetime | None = None) -> Membership:
    """Ban someone from the circle: they leave it, cannot ask again, and cannot write there."""
    now = _now(now)
    actor_membership = _require_moderator(actor, circle)
    reason = _clean(reason, limit=1000, field="reason", required=True, label=_("Say why, briefly."))
    target_membership = _membership(circle, target)
    if not policies.can_ban(actor, actor_membership, target, target_membership):
        raise Forbidden(_("You cannot ban this person from the circle."), code="cannot_ban")
    with transaction.atomic():
        membership, _created = Membership.objects.get_or_create(
            circle=circle, account=target, defaults={"state": MembershipState.BANNED}
        )
        membership.state, membership.role = MembershipState.BANNED, Role.MEMBER
        membership.banned_at, membership.ban_reason, membership.banned_by = now, reason, actor
        membership.save()
    return membership


def circle_unban(actor, circle: Circle, account_id) -> None:
    _require_moderator(actor, circle)
    deleted, _rows = Membership.objects.filter(
        circle=circle, account_id=account_id, state=MembershipState.BANNED
    ).delete()
    if not deleted:
        raise NotFound(_("This person is not banned from the circle."), code="not_banned")


# --- posts ------------------------------------------------------------------------------------------


def has_link(text: str) -> bool:
    lowered = text.lower()
    return bool(URL_RE.search(text)) or any(hint in lowered for hint in BARE_LINK_HINTS)


def circle_post_create(author, circle: Circle, *, text: str, parent_id=None, now: datetime | None = None) -> CirclePost:
    """Write in the circle (or reply to a message there). Newcomers write without links for their first days."""
    now = _now(now)
    membership = _membership(circle, author)
    if not policies.can_post(author, membership):
        raise Forbidden(_("Only the members of this circle can write in it."), code="not_member")
    text = _clean(text, limit=5000, field="text", required=True, label=_("Write something first."))
    if policies.is_newcomer(membership, now=now) and has_link(text):
        raise ServiceError(
            _(
                "Links are for members who have been in the circle for more than %(days)s days. "
                "Please write your message without a link for now."
            )
            % {"days": policies.newcomer_period().days},
            field="text",
            code="newcomer_link",
        )
    parent = None
    if parent_id not in (None, ""):
        try:
            parent_pk = int(parent_id)
        except (TypeError, ValueError):
            parent_pk = 0
        parent = (
            CirclePost.objects.filter(circle=circle, pk=parent_pk, parent__isnull=True, removed_at__isnull=True)
            .select_related("author")
            .first()
        )
        if parent is None or is_blocked_either_way(author, parent.author):
            raise NotFound(_("This message does not exist."), field="parent", code="post_not_found")
    ratelimit.hit_account("circle_post", author)
    with transaction.atomic():
        return CirclePost.objects.create(circle=circle, author=author, parent=parent, text=text, created_at=now)


def circle_post_remove(actor, post: CirclePost, *, reason: str, now: datetime | None = None) -> CirclePost:
    """A moderator removes a message; its author still sees it, with the reason."""
    now = _now(now)
    _require_moderator(actor, post.circle)
    reason = _clean(reason, limit=1000, field="reason", required=True, label=_("Say why, briefly."))
    if post.removed_at is None:
        post.removed_at, post.removed_reason, post.removed_by = now, reason, actor
        post.save(update_fields=["removed_at", "removed_reason", "removed_by"])
    return post


def circle_post_restore(actor, post: CirclePost) -> CirclePost:
    """Show a removed message again (a moderator's removal overturned on appeal)."""
    _require_moderator(actor, post.circle)
    if post.removed_at is not None:
        post.removed_at, post.removed_reason, post.removed_by = None, "", None
        post.save(update_fields=["removed_at", "removed_reason", "removed_by"])
    return post

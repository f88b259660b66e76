"""Reads of crises, always through what the viewer may see. Check-ins only for the person and their followers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Follow
from reconfort.accounts.selectors import blocked_ids_either_way
from reconfort.appeals import gazetteer
from reconfort.appeals.models import Appeal, AppealKind
from reconfort.appeals.selectors import appeals_visible_to
from reconfort.core.errors import NotFound
from reconfort.memorials.models import Memorial
from reconfort.posts.models import Kind, Post, Visibility
from reconfort.posts.selectors import exclude_hidden
from reconfort.trends.selectors import trends_list

from . import policies
from .models import (
    CheckIn,
    Crisis,
    CrisisNotice,
    HiddenPost,
    Invitation,
    LinkedAppeal,
    LinkedMemorial,
    SafetyQuestion,
    SafetySettings,
    SharedLocation,
    State,
    TrustedMarker,
)

POSTS_SHOWN = 30
# Kinds of appeals shown as "needs and offers" (the others are the calls for blood and for missing people).
NEEDS_KINDS = (AppealKind.HELP,)


def crisis_not_found() -> NotFound:
    return NotFound(_("This crisis does not exist or is not visible to you."))


def crisis_get_visible(viewer, slug) -> Crisis:
    """The crisis, or NotFound (a proposal under review does not reveal that it exists)."""
    crisis = Crisis.objects.filter(slug=str(slug)[:80]).first()
    if crisis is None or not policies.can_view_crisis(viewer, crisis):
        raise crisis_not_found()
    return crisis


def crisis_list_directory() -> tuple[list[Crisis], list[Crisis]]:
    """(active and winding down, archived in the last RECONFORT_CRISIS_RECENT_DAYS days)."""
    recent = timezone.now() - timedelta(days=getattr(settings, "RECONFORT_CRISIS_RECENT_DAYS", 30))
    current = Crisis.objects.filter(state__in=[State.ACTIVE, State.WINDING_DOWN]).order_by("state", "-started_at")
    past = Crisis.objects.filter(state=State.ARCHIVED, archived_at__gte=recent).order_by("-archived_at")
    return list(current.prefetch_related("tags")), list(past.prefetch_related("tags"))


def crisis_list_public() -> QuerySet:
    return Crisis.objects.filter(state__in=[State.ACTIVE, State.WINDING_DOWN, State.ARCHIVED]).order_by("-id")


def crisis_list_all() -> QuerySet:
    return Crisis.objects.all().order_by("-id")


def trending_without_crisis(limit: int = 20) -> list:
    """Approved trending tags (every language) that no open crisis carries yet: one click opens a crisis page."""
    taken = set(
        Crisis.objects.filter(state__in=[State.PROPOSED, State.ACTIVE, State.WINDING_DOWN]).values_list(
            "tags", flat=True
        )
    )
    return [trend.tag for trend in trends_list(limit=limit) if trend.tag_id not in taken]


def notices_of(crisis: Crisis) -> QuerySet:
    return CrisisNotice.objects.filter(crisis=crisis).select_related("crisis")


def crisis_posts(viewer, crisis: Crisis, *, limit: int = POSTS_SHOWN, kinds=None, exclude_kinds=None) -> list[Post]:
    """Reviewed posts under the crisis's hashtags: public, by members who are neither limited nor suspended, not
    hidden by a moderator (anywhere, or from this page), not held; newest first."""
    tag_ids = list(crisis.tags.values_list("pk", flat=True))
    if not tag_ids:
        return []
    qs = Post.objects.with_related().filter(
        tags__in=tag_ids,
        visibility=Visibility.PUBLIC,
        reblog_of__isnull=True,
        held=False,
        hidden_at__isnull=True,
        author__is_active=True,
        author__limited=False,
        author__suspended_at__isnull=True,
        created_at__gte=crisis.started_at - timedelta(days=1),
    )
    qs = qs.exclude(pk__in=HiddenPost.objects.filter(crisis=crisis).values("post_id"))
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if exclude_kinds:
        qs = qs.exclude(kind__in=exclude_kinds)
    return list(exclude_hidden(viewer, qs).distinct().order_by("-id")[:limit])


def crisis_memorial_posts(viewer, crisis: Crisis, *, limit: int = POSTS_SHOWN) -> list[Post]:
    return crisis_posts(viewer, crisis, limit=limit, kinds=[Kind.MEMORIAL])


def hidden_post_ids(crisis: Crisis) -> set[int]:
    return set(HiddenPost.objects.filter(crisis=crisis).values_list("post_id", flat=True))


def hidden_posts(crisis: Crisis) -> list[Post]:
    """The posts moderators took off this page, newest first (for them to put back)."""
    ids = HiddenPost.objects.filter(crisis=crisis).values("post_id")
    return list(Post.objects.with_related().filter(pk__in=ids).order_by("-id")[:100])


def crisis_appeals(viewer, crisis: Crisis) -> list[Appeal]:
    """Appeals linked to the crisis, and those placed in its area since it started; as the viewer may see them."""
    linked = LinkedAppeal.objects.filter(crisis=crisis).values("appeal_id")
    condition = Q(pk__in=linked)
    if crisis.has_place:
        min_lat, max_lat, lon_ranges = gazetteer.bounding_box(crisis.latitude, crisis.longitude, crisis.radius_km)
        box = Q()
        for west, east in lon_ranges:
            box |= Q(longitude__gte=west, longitude__lte=east)
        condition |= Q(latitude__gte=min_lat, latitude__lte=max_lat, created_at__gte=crisis.started_at) & box
    qs = appeals_visible_to(viewer).filter(condition).select_related("owner").order_by("-id")[:200]
    linked_ids = set(LinkedAppeal.objects.filter(crisis=crisis).values_list("appeal_id", flat=True))
    found = []
    for appeal in qs:
        if appeal.pk in linked_ids or (
            crisis.has_place
            and appeal.has_place
            and gazetteer.distance_km(crisis.latitude, crisis.longitude, appeal.latitude, appeal.longitude)
            <= crisis.radius_km
        ):
            found.append(appeal)
    return found


def crisis_memorials(crisis: Crisis) -> list[Memorial]:
    ids = LinkedMemorial.objects.filter(crisis=crisis).values("memorial_id")
    return list(Memorial.objects.listed().filter(pk__in=ids).order_by("full_name"))


# --- check-ins -------------------------------------------------------------------------------------------


def _followed_ids(viewer) -> QuerySet:
    return Follow.objects.filter(follower=viewer, state=Follow.State.ACCEPTED).values("target_id")


def checkins_followed(viewer, crisis: Crisis) -> list[CheckIn]:
    """Check-ins of the people the viewer follows (and not blocked either way); never anyone else's."""
    if not viewer.is_authenticated:
        return []
    qs = (
        CheckIn.objects.filter(crisis=crisis, account_id__in=_followed_ids(viewer), account__is_active=True)
        .exclude(account_id__in=blocked_ids_either_way(viewer))
        .select_related("account", "marked_by")
        .order_by("-updated_at", "-id")
    )
    return list(qs)


def checkin_own(viewer, crisis: Crisis) -> CheckIn | None:
    if not viewer.is_authenticated:
        return None
    return CheckIn.objects.filter(crisis=crisis, account=viewer).select_related("marked_by").first()


def is_invited(viewer, crisis: Crisis) -> bool:
    return viewer.is_authenticated and Invitation.objects.filter(crisis=crisis, account=viewer).exists()


def shared_location(viewer, crisis: Crisis) -> SharedLocation | None:
    if not viewer.is_authenticated:
        return None
    return SharedLocation.objects.filter(crisis=crisis, account=viewer).first()


def safety_settings(viewer) -> SafetySettings | None:
    return SafetySettings.objects.filter(account=viewer).first()


def trusted_by_me(viewer) -> QuerySet:
    return TrustedMarker.objects.filter(account=viewer).select_related("trusted").order_by("trusted__username")


def people_i_may_mark(viewer) -> list:
    """Members who put the viewer on their "who may mark me safe" list."""
    if not viewer.is_authenticated:
        return []
    rows = TrustedMarker.objects.filter(trusted=viewer, account__is_active=True).select_related("account")
    return [row.account for row in rows.order_by("account__username")]


def questions_for(viewer, crisis: Crisis) -> list[SafetyQuestion]:
    """Who asked me "are you safe?" (only I see it)."""
    if not viewer.is_authenticated:
        return []
    return list(SafetyQuestion.objects.filter(crisis=crisis, account=viewer).select_related("asker").order_by("id"))


def asked_ids(viewer, crisis: Crisis) -> set[int]:
    if not viewer.is_authenticated:
        return set()
    return set(SafetyQuestion.objects.filter(crisis=crisis, asker=viewer).values_list("account_id", flat=True))


def followed_without_checkin(viewer, crisis: Crisis, *, limit: int = 200) -> list:
    """People I follow who have not checked in, to ask them "are you safe?". Invitations (which would say who
    lives in the area) are never used here: a home area stays private."""
    if not viewer.is_authenticated or crisis.state != State.ACTIVE:
        return []
    checked = CheckIn.objects.filter(crisis=crisis).values("account_id")
    rows = (
        Follow.objects.filter(follower=viewer, state=Follow.State.ACCEPTED, target__is_active=True)
        .exclude(target_id__in=checked)
        .exclude(target_id__in=blocked_ids_either_way(viewer))
        .select_related("target")
        .order_by("target__username")[:limit]
    )
    return [row.target for row in rows]


@dataclass
class CrisisPage:
    crisis: Crisis
    notices: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    memorial_posts: list = field(default_factory=list)
    appeals: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    memorials: list = field(default_factory=list)
    followed_checkins: list = field(default_factory=list)
    own_checkin: CheckIn | None = None
    invited: bool = False
    location: SharedLocation | None = None
    questions: list = field(default_factory=list)
    may_mark: list = field(default_factory=list)
    not_checked_in: list = field(default_factory=list)
    asked: set = field(default_factory=set)


def crisis_page(viewer, crisis: Crisis) -> CrisisPage:
    appeals = crisis_appeals(viewer, crisis)
    checkins_open = crisis.checkins_expired_at is None
    return CrisisPage(
        crisis=crisis,
        notices=list(notices_of(crisis)),
        sources=list(crisis.sources.all()),
        posts=crisis_posts(viewer, crisis, exclude_kinds=[Kind.MEMORIAL]),
        memorial_posts=crisis_memorial_posts(viewer, crisis),
        appeals=[a for a in appeals if a.kind not in NEEDS_KINDS],
        needs=[a for a in appeals if a.kind in NEEDS_KINDS],
        memorials=crisis_memorials(crisis),
        followed_checkins=checkins_followed(viewer, crisis) if checkins_open else [],
        own_checkin=checkin_own(viewer, crisis) if checkins_open else None,
        invited=is_invited(viewer, crisis),
        location=shared_location(viewer, crisis),
        questions=questions_for(viewer, crisis),
        may_mark=people_i_may_mark(viewer) if crisis.is_active else [],
        not_checked_in=followed_without_checkin(viewer, crisis),
        asked=asked_ids(viewer, crisis),
    )

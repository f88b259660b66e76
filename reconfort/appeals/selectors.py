"""Reads of appeals, always through what the viewer may see. Sightings and offers only for their owner."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Follow
from reconfort.accounts.selectors import blocked_ids_either_way, is_blocked_either_way
from reconfort.core.errors import Forbidden, NotFound
from reconfort.posts.models import Post

from . import gazetteer, policies
from .models import Appeal, AppealFollow, Audience, HelpOffer, Notice, Sighting, Status

MAX_NEAR_RESULTS = 100
# Statuses a stranger may filter "near me" by (never pending or rejected).
LISTABLE_STATUSES = [Status.OPEN, Status.RESOLVED, Status.EXPIRED, Status.WITHDRAWN]


def appeal_not_found() -> NotFound:
    return NotFound(_("This appeal does not exist or is not visible to you."))


def _follows_owner(viewer, appeal: Appeal) -> bool:
    return (
        viewer.is_authenticated
        and Follow.objects.filter(follower=viewer, target_id=appeal.owner_id, state=Follow.State.ACCEPTED).exists()
    )


def can_view(viewer, appeal: Appeal) -> bool:
    blocked = viewer.is_authenticated and viewer.pk != appeal.owner_id and is_blocked_either_way(viewer, appeal.owner)
    return policies.can_view_appeal(
        viewer,
        appeal,
        blocked_either_way=blocked,
        follows_owner=appeal.audience != Audience.PUBLIC and _follows_owner(viewer, appeal),
    )


def appeal_get_visible(viewer, appeal_id) -> Appeal:
    """The appeal, or NotFound (never 403: an appeal under review must not reveal that it exists)."""
    try:
        appeal = Appeal.objects.select_related("owner", "post").get(pk=int(appeal_id))
    except (Appeal.DoesNotExist, ValueError, TypeError) as exc:
        raise appeal_not_found() from exc
    if not can_view(viewer, appeal):
        raise appeal_not_found()
    return appeal


def appeals_visible_to(viewer, queryset: QuerySet | None = None) -> QuerySet:
    """Approved, not hidden, by active members the viewer has no block with; followers-only ones to followers."""
    qs = (queryset if queryset is not None else Appeal.objects.all()).listed().filter(owner__is_active=True)
    if not viewer.is_authenticated:
        return qs.filter(audience=Audience.PUBLIC)
    follows = Follow.objects.filter(follower=viewer, target=OuterRef("owner"), state=Follow.State.ACCEPTED)
    qs = qs.filter(Q(audience=Audience.PUBLIC) | Q(owner=viewer) | Q(Exists(follows)))
    return qs.exclude(owner_id__in=blocked_ids_either_way(viewer))


@dataclass(frozen=True)
class Nearby:
    appeal: Appeal
    distance_km: float


def appeals_near(
    viewer,
    *,
    latitude: float,
    longitude: float,
    radius_km: float,
    kinds: list[str] | None = None,
    statuses: list[str] | None = None,
    limit: int = 50,
) -> list[Nearby]:
    """Appeals within `radius_km` of a point, nearest first.

    A bounding box on the stored coordinates narrows the rows in SQL (index on status, latitude, longitude);
    the exact great-circle distance is then computed here, from the public (rounded) point, so the distance
    shown never reveals more than the map would.
    """
    statuses = [s for s in (statuses or [Status.OPEN]) if s in LISTABLE_STATUSES] or [Status.OPEN]
    min_lat, max_lat, lon_ranges = gazetteer.bounding_box(latitude, longitude, radius_km)
    box = Q()
    for west, east in lon_ranges:
        box |= Q(longitude__gte=west, longitude__lte=east)
    qs = appeals_visible_to(viewer).filter(status__in=statuses, latitude__gte=min_lat, latitude__lte=max_lat)
    qs = qs.filter(box)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    rows = []
    for pk, lat, lon, exact in qs.values_list("pk", "latitude", "longitude", "exact_location_public"):
        if not exact:
            lat, lon = round(lat, 2), round(lon, 2)
        distance = gazetteer.distance_km(latitude, longitude, lat, lon)
        if distance <= radius_km:
            rows.append((distance, -pk))
    rows.sort()
    rows = rows[: max(1, min(limit, MAX_NEAR_RESULTS))]
    by_id = Appeal.objects.select_related("owner").prefetch_related("photos").in_bulk([-pk for _d, pk in rows])
    return [Nearby(by_id[-pk], distance) for distance, pk in rows if -pk in by_id]


def appeals_of_owner(viewer, owner) -> QuerySet:
    """An owner's appeals: all of them for the owner, the visible ones for others."""
    qs = Appeal.objects.filter(owner=owner).select_related("owner").order_by("-id")
    if viewer.is_authenticated and viewer.pk == owner.pk:
        return qs
    return appeals_visible_to(viewer, qs)


def appeals_pending_review(viewer) -> QuerySet:
    if not (viewer.is_authenticated and viewer.is_moderator):
        raise Forbidden(_("Only moderators review appeals."))
    return Appeal.objects.filter(status=Status.PENDING_REVIEW).select_related("owner").order_by("id")


def sightings_for(viewer, appeal: Appeal) -> QuerySet:
    if not policies.can_see_private(viewer, appeal):
        raise Forbidden(_("Only the person who wrote this appeal sees the sightings."), code="private")
    return Sighting.objects.filter(appeal=appeal).select_related("author")


def offers_for(viewer, appeal: Appeal) -> QuerySet:
    if not policies.can_see_private(viewer, appeal):
        raise Forbidden(_("Only the person who wrote this appeal sees the offers."), code="private")
    return HelpOffer.objects.filter(appeal=appeal).select_related("author")


def own_offer(viewer, appeal: Appeal) -> HelpOffer | None:
    if not viewer.is_authenticated:
        return None
    return HelpOffer.objects.filter(appeal=appeal, author=viewer).first()


def is_following(viewer, appeal: Appeal) -> bool:
    return viewer.is_authenticated and AppealFollow.objects.filter(appeal=appeal, account=viewer).exists()


def involved_ids(appeal: Appeal) -> set[int]:
    """Everyone to tell when the appeal ends: followers, resharers, helpers and sighters (not the owner)."""
    ids = set(AppealFollow.objects.filter(appeal=appeal).values_list("account_id", flat=True))
    if appeal.post_id:
        ids |= set(Post.objects.filter(reblog_of_id=appeal.post_id).values_list("author_id", flat=True))
    ids |= set(HelpOffer.objects.filter(appeal=appeal).values_list("author_id", flat=True))
    ids |= set(Sighting.objects.filter(appeal=appeal).values_list("author_id", flat=True))
    ids.discard(appeal.owner_id)
    return ids


def notices_for(user) -> QuerySet:
    return Notice.objects.filter(recipient=user).select_related("appeal")


def unread_notice_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()

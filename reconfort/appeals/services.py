"""Every write about appeals: create, edit, news, the life-cycle, reviews, sightings, offers, follows, notices.

Each function takes `now=` (the clock) so tests can freeze time without a library.
"""

from __future__ import annotations

import math
import zoneinfo
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.selectors import is_blocked_either_way
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.core.images import clean_image
from reconfort.posts.models import Post

from . import announce, gazetteer, kinds, policies
from .models import (
    Appeal,
    AppealFollow,
    AppealKind,
    AppealPhoto,
    AppealUpdate,
    Audience,
    HelpOffer,
    Notice,
    Sighting,
    Status,
)
from .selectors import appeal_not_found

MAX_PHOTOS = 4
PHOTO_MAX_SIDE = 1600
LAPSE_AFTER = timedelta(days=30)  # pets, prayers, help: closed unless the owner reconfirms
REMIND_BEFORE = timedelta(days=3)
ASK_EVERY = timedelta(days=7)  # missing people never expire silently: the owner is asked every week
MAX_RADIUS_KM = 500


# --- helpers ------------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _coordinate(value, low: float, high: float, field: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or not low <= number <= high:
        raise ServiceError(_("These coordinates are not on the map."), field=field, code="invalid_coordinates")
    return number


def resolve_place(*, place: str = "", latitude=None, longitude=None) -> tuple[str, str, float, float] | None:
    """(name, country code, latitude, longitude) from coordinates, or else from a city name in the gazetteer."""
    place = (place or "").strip()[:200]
    if latitude not in (None, "") or longitude not in (None, ""):
        lat = _coordinate(latitude, -90, 90, "latitude")
        lon = _coordinate(longitude, -180, 180, "longitude")
        return place, "", lat, lon
    if not place:
        return None
    found = gazetteer.resolve(place)
    if found is None:
        raise ServiceError(
            _("We do not know this town. Choose one from the list, or give coordinates."),
            field="place",
            code="unknown_place",
        )
    return found.name, found.country_code, found.latitude, found.longitude


def _expiry(appeal: Appeal, now: datetime) -> datetime | None:
    if appeal.kind == AppealKind.MISSING_PERSON:
        return None
    if appeal.kind == AppealKind.BLOOD:
        until = datetime.fromisoformat(appeal.details["until"]).date()
        try:
            zone = zoneinfo.ZoneInfo(appeal.owner.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo("UTC")
        return datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone)
    return now + LAPSE_AFTER


def _clean_photos(photos) -> list:
    photos = [p for p in (photos or []) if p]
    if len(photos) > MAX_PHOTOS:
        raise ServiceError(_("Four photos at most."), field="photos", code="too_many_photos")
    try:
        return [clean_image(p, max_side=PHOTO_MAX_SIDE) for p in photos]
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], field="photos", code="invalid_image") from exc


def _notify(recipient_ids, appeal: Appeal, kind: str, *, note: str = "", now: datetime) -> None:
    Notice.objects.bulk_create(
        [Notice(recipient_id=rid, appeal=appeal, kind=kind, note=note, created_at=now) for rid in set(recipient_ids)]
    )


def _require_owner(actor, appeal: Appeal) -> None:
    if not policies.can_manage_appeal(actor, appeal):
        raise Forbidden(_("Only the person who wrote this appeal can do this."), code="not_owner")


def _set_status(appeal: Appeal, status: str, *, now: datetime, resolution: str = "", note: str = "") -> None:
    if not policies.can_transition(appeal.status, status):
        raise ServiceError(
            _("This appeal cannot go from “%(current)s” to “%(target)s”.")
            % {"current": appeal.get_status_display(), "target": Status(status).label},
            status=409,
            code="invalid_transition",
        )
    appeal.status, appeal.resolution, appeal.updated_at = status, resolution, now
    appeal.closed_at = now if status in (Status.RESOLVED, Status.WITHDRAWN, Status.EXPIRED, Status.REJECTED) else None
    if status in (Status.RESOLVED, Status.WITHDRAWN):
        appeal.resolution_note = note
    appeal.save()
    AppealUpdate.objects.create(appeal=appeal, text=note, status=status, resolution=resolution, created_at=now)


# --- create and edit ----------------------------------------------------------------------------


def appeal_create(
    owner,
    *,
    kind: str,
    title: str,
    description: str = "",
    details: dict | None = None,
    place: str = "",
    latitude=None,
    longitude=None,
    exact_location_public: bool = False,
    radius_km: int = 10,
    audience: str = Audience.PUBLIC,
    photos=(),
    now: datetime | None = None,
) -> Appeal:
    """Write an appeal. Missing people wait for a moderator; the others are public at once, with their post."""
    now = _now(now)
    if not policies.can_create_appeal(owner, now=now):
        raise Forbidden(
            _("Appeals can be published by members whose account is at least a day old. Please come back soon."),
            code="not_eligible",
        )
    if kind not in AppealKind.values:
        raise ServiceError(_("Unknown kind of appeal."), field="kind", code="invalid_kind")
    title = (title or "").strip()
    if not title or len(title) > 140:
        raise ServiceError(_("Give the appeal a title of 140 characters at most."), field="title", code="title")
    description = (description or "").strip()
    if len(description) > 5000:
        raise ServiceError(_("The description has 5000 characters at most."), field="description", code="too_long")
    if audience not in Audience.values or (audience != Audience.PUBLIC and kind != AppealKind.PRAYER):
        raise ServiceError(_("Only prayer appeals can be kept to your followers."), field="audience")
    try:
        radius_km = int(radius_km)
    except (TypeError, ValueError):
        radius_km = 0
    if not 1 <= radius_km <= MAX_RADIUS_KM:
        raise ServiceError(_("The radius is between 1 and 500 km."), field="radius_km", code="invalid_radius")
    public, private = kinds.validate_details(kind, details or {}, now=now)
    where = resolve_place(place=place, latitude=latitude, longitude=longitude)
    if where is None and kind in kinds.PLACE_REQUIRED:
        raise ServiceError(_("Say where: a town, or coordinates."), field="place", code="place_required")
    cleaned = _clean_photos(photos)
    ratelimit.hit_account("appeal", owner)

    with transaction.atomic():
        appeal = Appeal(
            owner=owner,
            kind=kind,
            status=Status.PENDING_REVIEW if kind in kinds.NEEDS_REVIEW else Status.OPEN,
            audience=audience,
            title=title,
            description=description,
            details=public,
            private_details=private,
            is_child=kind == AppealKind.MISSING_PERSON and public["age"] < 18,
            exact_location_public=bool(exact_location_public),
            radius_km=radius_km,
            created_at=now,
            updated_at=now,
            confirmed_at=now,
        )
        if where:
            appeal.place_name, appeal.country_code, appeal.latitude, appeal.longitude = where
        appeal.expires_at = _expiry(appeal, now)
        appeal.save()
        for position, content in enumerate(cleaned):
            AppealPhoto.objects.create(appeal=appeal, file=content, position=position)
        AppealUpdate.objects.create(appeal=appeal, status=appeal.status, created_at=now)
        if appeal.status == Status.OPEN:
            announce.announce(appeal)
        else:
            events.emit(events.APPEAL_REVIEW_REQUESTED, appeal_id=appeal.pk, is_child=appeal.is_child)
    return appeal


def appeal_edit(
    owner,
    appeal: Appeal,
    *,
    title: str | None = None,
    description: str | None = None,
    details: dict | None = None,
    exact_location_public: bool | None = None,
    now: datetime | None = None,
) -> Appeal:
    now = _now(now)
    _require_owner(owner, appeal)
    if appeal.is_closed:
        raise ServiceError(_("This appeal is closed."), status=409, code="closed")
    if title is not None:
        title = title.strip()
        if not title or len(title) > 140:
            raise ServiceError(_("Give the appeal a title of 140 characters at most."), field="title")
        appeal.title = title
    if description is not None:
        if len(description) > 5000:
            raise ServiceError(_("The description has 5000 characters at most."), field="description")
        appeal.description = description.strip()
    if details is not None:
        merged = {**appeal.details, **appeal.private_details, **details}
        appeal.details, appeal.private_details = kinds.validate_details(appeal.kind, merged, now=now)
        if appeal.kind == AppealKind.MISSING_PERSON:
            appeal.is_child = appeal.details["age"] < 18
        appeal.expires_at = _expiry(appeal, now) if appeal.kind == AppealKind.BLOOD else appeal.expires_at
    if exact_location_public is not None:
        appeal.exact_location_public = bool(exact_location_public)
    appeal.updated_at = now
    with transaction.atomic():
        appeal.save()
        announce.refresh(appeal)
    return appeal


def appeal_update_add(owner, appeal: Appeal, *, text: str, now: datetime | None = None) -> AppealUpdate:
    """News from the owner, shown on the appeal's timeline."""
    now = _now(now)
    _require_owner(owner, appeal)
    text = (text or "").strip()
    if not text or len(text) > 2000:
        raise ServiceError(_("Write the news (2000 characters at most)."), field="text", code="empty")
    if appeal.status in (Status.WITHDRAWN, Status.REJECTED):
        raise ServiceError(_("This appeal is closed."), status=409, code="closed")
    with transaction.atomic():
        update = AppealUpdate.objects.create(appeal=appeal, text=text, created_at=now)
        Appeal.objects.filter(pk=appeal.pk).update(updated_at=now)
    return update


# --- the life-cycle -----------------------------------------------------------------------------


def _close(appeal: Appeal, status: str, *, now: datetime, resolution: str = "", note: str = "") -> Appeal:
    with transaction.atomic():
        _set_status(appeal, status, now=now, resolution=resolution, note=note)
        announce.refresh(appeal)
        # Those involved hear it in their main notifications (reconfort.notifications subscribes).
        events.emit(events.APPEAL_CLOSED, appeal_id=appeal.pk, status=status)
    return appeal


def appeal_resolve(owner, appeal: Appeal, *, resolution: str, note: str = "", now: datetime | None = None) -> Appeal:
    """The appeal ended: everyone who reshared, followed, offered or reported a sighting is told."""
    now = _now(now)
    _require_owner(owner, appeal)
    if resolution not in kinds.RESOLUTIONS[appeal.kind]:
        raise ServiceError(_("This outcome does not fit this kind of appeal."), field="resolution", code="resolution")
    if len(note or "") > 2000:
        raise ServiceError(_("The note has 2000 characters at most."), field="note", code="too_long")
    return _close(appeal, Status.RESOLVED, now=now, resolution=resolution, note=(note or "").strip())


def appeal_withdraw(owner, appeal: Appeal, *, note: str = "", now: datetime | None = None) -> Appeal:
    now = _now(now)
    _require_owner(owner, appeal)
    return _close(appeal, Status.WITHDRAWN, now=now, note=(note or "").strip()[:2000])


def appeal_reconfirm(owner, appeal: Appeal, *, now: datetime | None = None) -> Appeal:
    """ "Still searching": restarts the clock; an expired appeal (not a blood one) opens again."""
    now = _now(now)
    _require_owner(owner, appeal)
    if appeal.kind == AppealKind.BLOOD:
        raise ServiceError(
            _("A blood appeal ends at its date: change the date instead."), status=409, code="blood_has_date"
        )
    with transaction.atomic():
        if appeal.status == Status.EXPIRED:
            _set_status(appeal, Status.OPEN, now=now)
        elif appeal.status != Status.OPEN:
            raise ServiceError(_("This appeal is closed."), status=409, code="closed")
        appeal.confirmed_at, appeal.reminder_sent_at, appeal.updated_at = now, None, now
        appeal.expires_at = _expiry(appeal, now)
        appeal.save()
        announce.refresh(appeal)
    return appeal


def appeals_run_clock(*, now: datetime | None = None) -> dict[str, int]:
    """The periodic job: expire what lapsed, remind owners before it does, ask the families of missing people
    every week whether they are still searching. Safe to run twice (reminders are remembered)."""
    now = _now(now)
    counts = {"expired": 0, "reminded": 0, "asked": 0}
    lapsed = Appeal.objects.filter(status=Status.OPEN, expires_at__lte=now).select_related("owner", "post")
    for appeal in lapsed:
        with transaction.atomic():
            _set_status(appeal, Status.EXPIRED, now=now)
            announce.refresh(appeal)
            _notify([appeal.owner_id], appeal, Notice.Kind.EXPIRED, now=now)
            events.emit(events.APPEAL_CLOSED, appeal_id=appeal.pk, status=Status.EXPIRED)
        counts["expired"] += 1
    soon = Appeal.objects.filter(
        status=Status.OPEN, expires_at__gt=now, expires_at__lte=now + REMIND_BEFORE, reminder_sent_at__isnull=True
    ).exclude(kind=AppealKind.BLOOD)
    for appeal in soon:
        with transaction.atomic():
            _notify([appeal.owner_id], appeal, Notice.Kind.EXPIRY_REMINDER, now=now)
            Appeal.objects.filter(pk=appeal.pk).update(reminder_sent_at=now)
        counts["reminded"] += 1
    missing = Appeal.objects.filter(
        status=Status.OPEN, kind=AppealKind.MISSING_PERSON, confirmed_at__lte=now - ASK_EVERY
    )
    for appeal in missing:
        if appeal.reminder_sent_at and appeal.reminder_sent_at > now - ASK_EVERY:
            continue
        with transaction.atomic():
            _notify([appeal.owner_id], appeal, Notice.Kind.RECONFIRM, now=now)
            Appeal.objects.filter(pk=appeal.pk).update(reminder_sent_at=now)
        counts["asked"] += 1
    return counts


# --- moderators -----------------------------------------------------------------------------------


def appeal_approve(moderator, appeal: Appeal, *, now: datetime | None = None) -> Appeal:
    now = _now(now)
    if not policies.can_review_appeal(moderator, appeal):
        raise Forbidden(_("Only moderators review appeals."), code="not_moderator")
    with transaction.atomic():
        _set_status(appeal, Status.OPEN, now=now)
        announce.announce(appeal)
        _notify([appeal.owner_id], appeal, Notice.Kind.APPROVED, now=now)
    return appeal


def appeal_reject(moderator, appeal: Appeal, *, reason: str, now: datetime | None = None) -> Appeal:
    now = _now(now)
    if not policies.can_review_appeal(moderator, appeal):
        raise Forbidden(_("Only moderators review appeals."), code="not_moderator")
    with transaction.atomic():
        _set_status(appeal, Status.REJECTED, now=now, note="")
        _notify([appeal.owner_id], appeal, Notice.Kind.REJECTED, note=reason, now=now)
    return appeal


def appeal_hide(moderator, appeal: Appeal, *, reason: str, now: datetime | None = None) -> Appeal:
    """A moderator hides an appeal (and its post) from everyone but its owner and the moderators."""
    now = _now(now)
    if not policies.can_hide_appeal(moderator):
        raise Forbidden(_("Only moderators can hide an appeal."), code="not_moderator")
    if not (reason or "").strip():
        raise ServiceError(_("Give the reason the member will read."), field="reason", code="empty_reason")
    with transaction.atomic():
        appeal.hidden_at, appeal.hidden_reason = now, reason.strip()
        appeal.save(update_fields=["hidden_at", "hidden_reason"])
        # posts has no hiding service of its own (moderation hides posts this same way).
        Post.objects.filter(pk=appeal.post_id).update(hidden_at=now)
    return appeal


def appeal_unhide(moderator, appeal: Appeal) -> Appeal:
    """Show a hidden appeal (and its post) again, e.g. when another moderator overturns the hiding on appeal."""
    if not policies.can_hide_appeal(moderator):
        raise Forbidden(_("Only moderators can hide an appeal."), code="not_moderator")
    with transaction.atomic():
        appeal.hidden_at, appeal.hidden_reason = None, ""
        appeal.save(update_fields=["hidden_at", "hidden_reason"])
        Post.objects.filter(pk=appeal.post_id).update(hidden_at=None)
    return appeal


# --- sightings, offers, follows -----------------------------------------------------------------------


def _respond_check(actor, appeal: Appeal, allowed) -> None:
    blocked = actor.is_authenticated and is_blocked_either_way(actor, appeal.owner)
    if blocked:
        raise appeal_not_found()
    if not allowed(actor, appeal, blocked_either_way=False):
        raise Forbidden(_("You cannot answer this appeal."), code="cannot_respond")


def sighting_create(
    actor,
    appeal: Appeal,
    *,
    note: str,
    seen_at: datetime | None = None,
    place: str = "",
    latitude=None,
    longitude=None,
    photo=None,
    contact: str = "",
    now: datetime | None = None,
) -> Sighting:
    """ "I saw them": goes to the owner alone (and the moderators for missing people)."""
    now = _now(now)
    _respond_check(actor, appeal, policies.can_report_sighting)
    note = (note or "").strip()
    if not note or len(note) > 2000:
        raise ServiceError(_("Say what you saw (2000 characters at most)."), field="note", code="empty")
    seen_at = seen_at or now
    if seen_at > now + timedelta(minutes=5):
        raise ServiceError(_("This moment is in the future."), field="seen_at", code="future")
    where = resolve_place(place=place, latitude=latitude, longitude=longitude) if (place or latitude) else None
    cleaned = _clean_photos([photo] if photo else [])
    ratelimit.hit_account("post", actor)
    with transaction.atomic():
        sighting = Sighting(
            appeal=appeal,
            author=actor,
            seen_at=seen_at,
            note=note,
            contact=(contact or "").strip()[:200],
            created_at=now,
        )
        if where:
            sighting.place_name, _cc, sighting.latitude, sighting.longitude = where
        if cleaned:
            sighting.photo = cleaned[0]
        sighting.save()
        _notify([appeal.owner_id], appeal, Notice.Kind.SIGHTING, now=now)
    return sighting


def sighting_delete(actor, sighting: Sighting) -> None:
    """The owner (or the sighter) removes a sighting."""
    if not actor.is_authenticated or actor.pk not in (sighting.appeal.owner_id, sighting.author_id):
        raise NotFound(_("This sighting does not exist."))
    sighting.delete()


def offer_create(
    actor, appeal: Appeal, *, message: str, blood_group: str = "", contact: str = "", now: datetime | None = None
) -> HelpOffer:
    now = _now(now)
    _respond_check(actor, appeal, policies.can_offer_help)
    message = (message or "").strip()
    if not message or len(message) > 2000:
        raise ServiceError(_("Say what you offer (2000 characters at most)."), field="message", code="empty")
    blood_group = (blood_group or "").strip().upper().replace("−", "-")
    if blood_group and (appeal.kind != AppealKind.BLOOD or blood_group not in kinds.BLOOD_GROUPS):
        raise ServiceError(_("Unknown blood group."), field="blood_group", code="invalid_blood_group")
    ratelimit.hit_account("post", actor)
    try:
        with transaction.atomic():
            offer = HelpOffer.objects.create(
                appeal=appeal,
                author=actor,
                message=message,
                blood_group=blood_group,
                contact=(contact or "").strip()[:200],
                created_at=now,
            )
            _notify([appeal.owner_id], appeal, Notice.Kind.OFFER, now=now)
    except IntegrityError:
        raise ServiceError(_("You have already offered to help."), status=409, code="already_offered") from None
    return offer


def offer_decide(owner, offer: HelpOffer, *, accept: bool, now: datetime | None = None) -> HelpOffer:
    now = _now(now)
    _require_owner(owner, offer.appeal)
    if offer.state != HelpOffer.State.OFFERED:
        raise ServiceError(_("This offer has already been answered."), status=409, code="answered")
    with transaction.atomic():
        offer.state = HelpOffer.State.ACCEPTED if accept else HelpOffer.State.DECLINED
        offer.save(update_fields=["state"])
        if accept:
            _notify([offer.author_id], offer.appeal, Notice.Kind.OFFER_ACCEPTED, now=now)
    return offer


def appeal_follow(actor, appeal: Appeal) -> AppealFollow:
    blocked = actor.is_authenticated and is_blocked_either_way(actor, appeal.owner)
    if blocked:
        raise appeal_not_found()
    if not policies.can_follow_appeal(actor, appeal, blocked_either_way=False):
        raise Forbidden(_("You cannot follow this appeal."), code="cannot_follow")
    follow, _created = AppealFollow.objects.get_or_create(appeal=appeal, account=actor)
    return follow


def appeal_unfollow(actor, appeal: Appeal) -> None:
    AppealFollow.objects.filter(appeal=appeal, account_id=actor.pk).delete()


def notices_mark_read(user, *, now: datetime | None = None) -> None:
    Notice.objects.filter(recipient=user, read_at__isnull=True).update(read_at=_now(now))

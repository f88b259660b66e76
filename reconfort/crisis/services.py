"""Every write about crises: open, edit, the life-cycle, notices, what the page gathers, and the check-ins.

Each function takes `now=` (the clock) so tests can move time without a library.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Follow, User
from reconfort.accounts.selectors import is_blocked_either_way
from reconfort.appeals.models import Appeal
from reconfort.appeals.services import resolve_place  # the same places as appeals: gazetteer or coordinates
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.core.text import normalize_tag
from reconfort.hashtags.models import Tag
from reconfort.hashtags.services import tags_get_or_create
from reconfort.memorials.models import Memorial
from reconfort.posts.models import Post

from . import policies, tasks
from .models import (
    TRANSITIONS,
    CheckIn,
    Crisis,
    CrisisNotice,
    CrisisSource,
    HiddenPost,
    LinkedAppeal,
    LinkedMemorial,
    SafetyQuestion,
    SafetySettings,
    SharedLocation,
    State,
    TrustedMarker,
)

MAX_RADIUS_KM = 1000
RESERVED_SLUGS = {"manage", "new", "settings"}  # page paths under /crises/
MAX_TAGS = 10
MAX_SOURCES = 10
TAG_SPLIT = re.compile(r"[\s,;]+")
NAME_NEEDED = _("Give the crisis a name.")
NOTICE_NEEDED = _("Write the information (2000 characters at most).")


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _require_moderator(actor) -> None:
    if not policies.can_moderate_crisis(actor):
        raise Forbidden(_("Only moderators can do this."), code="not_moderator")


# --- input ----------------------------------------------------------------------------------------


def parse_tags(value) -> list[str]:
    """Hashtags from "#Crue #Lyon, inondations" or a list; the spelling given is kept for display."""
    names = TAG_SPLIT.split(value) if isinstance(value, str) else list(value or [])
    seen: dict[str, str] = {}
    for raw in names:
        name = str(raw).strip().lstrip("#").strip()
        if not name:
            continue
        if len(name) > 100 or not re.fullmatch(r"\w+", name) or name.isdigit():
            raise ServiceError(
                _("“%(tag)s” is not a hashtag: letters, digits and _ only.") % {"tag": name[:40]},
                field="tags",
                code="invalid_tag",
            )
        seen.setdefault(normalize_tag(name), name)
    if len(seen) > MAX_TAGS:
        raise ServiceError(_("Ten hashtags at most."), field="tags", code="too_many_tags")
    return list(seen.values())


def parse_sources(value) -> list[str]:
    urls = [u.strip() for u in (value.split() if isinstance(value, str) else list(value or [])) if str(u).strip()]
    if len(urls) > MAX_SOURCES:
        raise ServiceError(_("Ten sources at most."), field="sources", code="too_many_sources")
    check = URLValidator(schemes=["http", "https"])
    for url in urls:
        try:
            check(url)
        except ValidationError as exc:
            raise ServiceError(
                _("“%(url)s” is not a web address (http or https).") % {"url": url[:80]},
                field="sources",
                code="invalid_url",
            ) from exc
    return list(dict.fromkeys(urls))


def _clean_text(value, *, limit: int, field: str, required: bool = False, message=None) -> str:
    text = (value or "").strip()
    if (required and not text) or len(text) > limit:
        raise ServiceError(message or _("This text is too long."), field=field, code=field)
    return text


def _radius(value) -> int:
    try:
        radius = int(value)
    except (TypeError, ValueError):
        radius = 0
    if not 1 <= radius <= MAX_RADIUS_KM:
        raise ServiceError(_("The radius is between 1 and 1000 km."), field="radius_km", code="invalid_radius")
    return radius


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "crise")[:70]
    if base in RESERVED_SLUGS:
        base = f"crise-{base}"
    slug, n = base, 1
    while Crisis.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- crises ---------------------------------------------------------------------------------------


def crisis_create(
    moderator,
    *,
    name: str,
    description: str = "",
    place: str = "",
    latitude=None,
    longitude=None,
    radius_km=50,
    started_at: datetime | None = None,
    tags="",
    sources="",
    now: datetime | None = None,
) -> Crisis:
    """A moderator opens a crisis: it is active at once (a proposal from the burst detector waits instead)."""
    now = _now(now)
    _require_moderator(moderator)
    name = _clean_text(name, limit=140, field="name", required=True, message=NAME_NEEDED)
    description = _clean_text(description, limit=2000, field="description")
    radius = _radius(radius_km)
    tag_names, urls = parse_tags(tags), parse_sources(sources)
    where = resolve_place(place=place, latitude=latitude, longitude=longitude)
    if where is None:
        raise ServiceError(_("Say where: a town, or coordinates."), field="place", code="place_required")
    started = started_at or now
    if started > now + timedelta(days=1):
        raise ServiceError(_("A crisis cannot start in the future."), field="started_at", code="future")
    with transaction.atomic():
        crisis = Crisis.objects.create(
            slug=_unique_slug(name),
            name=name,
            description=description,
            state=State.ACTIVE,
            radius_km=radius,
            started_at=started,
            created_by=moderator,
            created_at=now,
            updated_at=now,
            activated_at=now,
            place_name=where[0],
            country_code=where[1],
            latitude=where[2],
            longitude=where[3],
        )
        crisis.tags.set(tags_get_or_create(tag_names))
        CrisisSource.objects.bulk_create([CrisisSource(crisis=crisis, url=u) for u in urls])
        events.emit(events.CRISIS_STATE_CHANGED, crisis_id=crisis.pk, state=crisis.state)
        _invite_after_commit(crisis.pk)
    return crisis


def crisis_propose_from_burst(tag_id, *, language: str = "", score: float | None = None, now=None) -> Crisis | None:
    """A burst of a tag proposes a crisis for moderator review, unless the tag already has a crisis (open, or
    proposed or closed recently: a rejected proposal is not asked again for a while). Safe to call twice."""
    now = _now(now)
    tag = Tag.objects.filter(pk=tag_id).first()
    if tag is None:
        return None
    quiet = timedelta(days=getattr(settings, "RECONFORT_CRISIS_REPROPOSE_DAYS", 7))
    taken = Crisis.objects.filter(Q(tags=tag) | Q(proposed_from_tag=tag)).filter(
        Q(state__in=[State.PROPOSED, State.ACTIVE, State.WINDING_DOWN]) | Q(updated_at__gte=now - quiet)
    )
    if taken.exists():
        return None
    with transaction.atomic():
        crisis = Crisis.objects.create(
            slug=_unique_slug(tag.name),
            name=f"#{tag.name}",
            state=State.PROPOSED,
            started_at=now,
            created_at=now,
            updated_at=now,
            proposed_from_tag=tag,
            burst_language=(language or "")[:8],
            burst_score=score,
        )
        crisis.tags.add(tag)
        events.emit(events.CRISIS_PROPOSED, crisis_id=crisis.pk)
    return crisis


def crisis_edit(moderator, crisis: Crisis, *, now=None, **fields) -> Crisis:
    """Change what is given (name, description, place or coordinates, radius_km, started_at, tags, sources)."""
    now = _now(now)
    _require_moderator(moderator)
    if crisis.state == State.ARCHIVED:
        raise ServiceError(_("An archived crisis cannot be changed."), status=409, code="archived")
    moved = False
    if "name" in fields:
        crisis.name = _clean_text(
            fields["name"], limit=140, field="name", required=True, message=_("Give the crisis a name.")
        )
    if "description" in fields:
        crisis.description = _clean_text(fields["description"], limit=2000, field="description")
    if "radius_km" in fields:
        radius = _radius(fields["radius_km"])
        moved = radius != crisis.radius_km
        crisis.radius_km = radius
    if any(k in fields for k in ("place", "latitude", "longitude")):
        where = resolve_place(
            place=fields.get("place", ""), latitude=fields.get("latitude"), longitude=fields.get("longitude")
        )
        if where is None:
            raise ServiceError(_("Say where: a town, or coordinates."), field="place", code="place_required")
        moved = moved or (where[2], where[3]) != (crisis.latitude, crisis.longitude)
        crisis.place_name, crisis.country_code, crisis.latitude, crisis.longitude = where
    if fields.get("started_at"):
        crisis.started_at = fields["started_at"]
    tag_names = parse_tags(fields["tags"]) if "tags" in fields else None
    urls = parse_sources(fields["sources"]) if "sources" in fields else None
    with transaction.atomic():
        crisis.updated_at = now
        crisis.save()
        if tag_names is not None:
            crisis.tags.set(tags_get_or_create(tag_names))
        if urls is not None:
            crisis.sources.all().delete()
            CrisisSource.objects.bulk_create([CrisisSource(crisis=crisis, url=u) for u in urls])
        if moved and crisis.state == State.ACTIVE:
            _invite_after_commit(crisis.pk)
    return crisis


def _invite_after_commit(crisis_id: int) -> None:
    transaction.on_commit(lambda: tasks.send_invitations(crisis_id))


def _expire_after_commit(crisis_id: int) -> None:
    transaction.on_commit(lambda: tasks.expire_checkins(crisis_id))


def crisis_transition(actor, crisis: Crisis, target: str, *, now=None) -> Crisis:
    """proposed → active | archived; active → winding down | archived; winding down → active | archived."""
    now = _now(now)
    _require_moderator(actor)
    if target not in State.values or not policies.can_transition(crisis.state, target):
        current = crisis.get_state_display()
        label = State(target).label if target in State.values else target
        raise ServiceError(
            _("This crisis cannot go from “%(current)s” to “%(target)s”.") % {"current": current, "target": label},
            status=409,
            code="invalid_transition",
        )
    given = crisis
    with transaction.atomic():
        crisis = Crisis.objects.select_for_update().get(pk=crisis.pk)
        if not policies.can_transition(crisis.state, target):  # changed meanwhile
            raise ServiceError(_("This crisis has changed meanwhile."), status=409, code="invalid_transition")
        crisis.state, crisis.updated_at = target, now
        if target == State.ACTIVE:
            crisis.activated_at = crisis.activated_at or now
            crisis.winding_down_at = None
            _invite_after_commit(crisis.pk)
        elif target == State.WINDING_DOWN:
            crisis.winding_down_at = now
        elif target == State.ARCHIVED:
            crisis.archived_at = now
            _expire_after_commit(crisis.pk)
        crisis.save()
        events.emit(events.CRISIS_STATE_CHANGED, crisis_id=crisis.pk, state=target)
    given.refresh_from_db()
    return given


def crisis_get_for_update(slug: str) -> Crisis:
    crisis = Crisis.objects.filter(slug=slug).first()
    if crisis is None:
        raise NotFound(_("This crisis does not exist."))
    return crisis


# --- what the page gathers --------------------------------------------------------------------------


def notice_add(moderator, crisis: Crisis, *, text: str, source_url: str = "", now=None) -> CrisisNotice:
    _require_moderator(moderator)
    if crisis.state == State.ARCHIVED:
        raise ServiceError(_("An archived crisis cannot be changed."), status=409, code="archived")
    text = _clean_text(
        text, limit=2000, field="text", required=True, message=_("Write the information (2000 characters at most).")
    )
    urls = parse_sources(source_url or "")
    if len(urls) > 1:
        raise ServiceError(_("One source link for a notice."), field="source_url", code="invalid_url")
    return CrisisNotice.objects.create(
        crisis=crisis, author=moderator, text=text, source_url=urls[0] if urls else "", created_at=_now(now)
    )


def notice_remove(moderator, crisis: Crisis, notice_id) -> None:
    _require_moderator(moderator)
    try:
        deleted, _rows = CrisisNotice.objects.filter(crisis=crisis, pk=int(notice_id)).delete()
    except (TypeError, ValueError):
        deleted = 0
    if not deleted:
        raise NotFound(_("This notice does not exist."))


def post_hide(moderator, crisis: Crisis, post: Post, *, now=None) -> None:
    """Take a post off this crisis page (safe to call twice)."""
    _require_moderator(moderator)
    HiddenPost.objects.get_or_create(
        crisis=crisis, post=post, defaults={"hidden_by": moderator, "created_at": _now(now)}
    )


def post_unhide(moderator, crisis: Crisis, post: Post) -> None:
    _require_moderator(moderator)
    HiddenPost.objects.filter(crisis=crisis, post=post).delete()


def appeal_link(actor, crisis: Crisis, appeal: Appeal, *, now=None) -> None:
    if not policies.can_link_appeal(actor, appeal):
        raise Forbidden(_("Only the person who wrote this appeal, or a moderator, can link it."), code="not_owner")
    if not crisis.is_public or crisis.state == State.ARCHIVED:
        raise ServiceError(_("Appeals are linked to an open crisis."), status=409, code="not_open")
    LinkedAppeal.objects.get_or_create(
        crisis=crisis, appeal=appeal, defaults={"linked_by": actor, "created_at": _now(now)}
    )


def appeal_unlink(actor, crisis: Crisis, appeal: Appeal) -> None:
    if not policies.can_link_appeal(actor, appeal):
        raise Forbidden(_("Only the person who wrote this appeal, or a moderator, can link it."), code="not_owner")
    LinkedAppeal.objects.filter(crisis=crisis, appeal=appeal).delete()


def memorial_link(moderator, crisis: Crisis, memorial: Memorial, *, now=None) -> None:
    _require_moderator(moderator)
    LinkedMemorial.objects.get_or_create(
        crisis=crisis, memorial=memorial, defaults={"linked_by": moderator, "created_at": _now(now)}
    )


def memorial_unlink(moderator, crisis: Crisis, memorial: Memorial) -> None:
    _require_moderator(moderator)
    LinkedMemorial.objects.filter(crisis=crisis, memorial=memorial).delete()


# --- a member's private crisis settings --------------------------------------------------------------


def home_area_set(account, *, place: str = "", latitude=None, longitude=None, now=None) -> SafetySettings:
    """Set (or, with nothing given, clear) the home area. Active crises around it invite the member."""
    now = _now(now)
    if not account.is_authenticated:
        raise Forbidden(_("Sign in first."))
    where = resolve_place(place=place, latitude=latitude, longitude=longitude)
    with transaction.atomic():
        row, _created = SafetySettings.objects.get_or_create(account=account, defaults={"updated_at": now})
        row.home_place_name, row.home_country_code = (where[0], where[1]) if where else ("", "")
        row.home_latitude, row.home_longitude = (where[2], where[3]) if where else (None, None)
        row.updated_at = now
        row.save()
        if where:
            for crisis_id in Crisis.objects.filter(state=State.ACTIVE).values_list("pk", flat=True):
                _invite_after_commit(crisis_id)
    return row


def trusted_add(account, trusted: User, *, now=None) -> None:
    if not account.is_authenticated or not trusted.is_active:
        raise Forbidden(_("Sign in first."))
    if trusted.pk == account.pk:
        raise ServiceError(_("You can always mark yourself."), field="username", code="self")
    if is_blocked_either_way(account, trusted):
        raise ServiceError(_("You cannot trust this account."), field="username", code="blocked")
    TrustedMarker.objects.get_or_create(account=account, trusted=trusted, defaults={"created_at": _now(now)})


def trusted_remove(account, trusted: User) -> None:
    TrustedMarker.objects.filter(account=account, trusted=trusted).delete()


def location_share(account, crisis: Crisis, *, place: str = "", latitude=None, longitude=None, now=None):
    """Where I am, for this crisis only; inside the area, I am invited to check in."""
    now = _now(now)
    if not policies.can_check_in(account, crisis):
        raise ServiceError(_("Check-ins are open only while the crisis is active."), status=409, code="not_active")
    where = resolve_place(place=place, latitude=latitude, longitude=longitude)
    if where is None:
        raise ServiceError(_("Say where: a town, or coordinates."), field="place", code="place_required")
    with transaction.atomic():
        SharedLocation.objects.update_or_create(
            crisis=crisis,
            account=account,
            defaults={"place_name": where[0], "latitude": where[2], "longitude": where[3], "created_at": now},
        )
        _invite_after_commit(crisis.pk)


def location_forget(account, crisis: Crisis) -> None:
    SharedLocation.objects.filter(crisis=crisis, account=account).delete()


# --- check-ins ---------------------------------------------------------------------------------------


def checkin_set(actor, crisis: Crisis, status: str, *, account: User | None = None, now=None) -> CheckIn:
    """Say how I am (or, when they allowed me, how someone I trust-mark is). Followers are told."""
    now = _now(now)
    target = account or actor
    if status not in CheckIn.Status.values:
        raise ServiceError(_("Choose: safe, need help, or not there."), field="status", code="invalid_status")
    if not policies.can_check_in(actor, crisis):
        raise ServiceError(_("Check-ins are open only while the crisis is active."), status=409, code="not_active")
    if target.pk != actor.pk:
        trusted = TrustedMarker.objects.filter(account=target, trusted=actor).exists()
        if not policies.can_mark_other(actor, target, crisis, trusted=trusted):
            raise Forbidden(_("Only the people this member chose may mark them."), code="not_trusted")
    with transaction.atomic():
        checkin, created = CheckIn.objects.get_or_create(
            crisis=crisis,
            account=target,
            defaults={"status": status, "created_at": now, "updated_at": now},
        )
        checkin.status, checkin.updated_at = status, now
        checkin.marked_by = actor if target.pk != actor.pk else None
        checkin.save()
        events.emit(
            events.SAFETY_CHECKED_IN,
            crisis_id=crisis.pk,
            account_id=target.pk,
            marked_by_id=checkin.marked_by_id,
        )
    return checkin


def checkin_remove(actor, crisis: Crisis) -> None:
    """Take back my own check-in (the followers' notices go with it)."""
    if not actor.is_authenticated:
        raise Forbidden(_("Sign in first."))
    with transaction.atomic():
        deleted, _rows = CheckIn.objects.filter(crisis=crisis, account=actor).delete()
        if deleted:
            events.emit(events.SAFETY_CHECKED_IN, crisis_id=crisis.pk, account_id=actor.pk, marked_by_id=None)


def safety_ask(asker, crisis: Crisis, target: User, *, now=None) -> SafetyQuestion:
    """A follower asks privately "are you safe?". Once per person and crisis; rate-limited."""
    follows = Follow.objects.filter(follower=asker, target=target, state=Follow.State.ACCEPTED).exists()
    blocked = asker.is_authenticated and is_blocked_either_way(asker, target)
    if not policies.can_ask_if_safe(asker, target, crisis, follows=follows, blocked_either_way=blocked):
        if crisis.state != State.ACTIVE:
            raise ServiceError(_("Check-ins are open only while the crisis is active."), status=409, code="not_active")
        raise Forbidden(_("Only the people who follow this member can ask them."), code="not_follower")
    existing = SafetyQuestion.objects.filter(crisis=crisis, asker=asker, account=target).first()
    if existing:
        return existing
    ratelimit.hit_account("safety_question", asker)
    with transaction.atomic():
        try:
            with transaction.atomic():
                question = SafetyQuestion.objects.create(
                    crisis=crisis, asker=asker, account=target, created_at=_now(now)
                )
        except IntegrityError:
            return SafetyQuestion.objects.get(crisis=crisis, asker=asker, account=target)
        events.emit(events.SAFETY_ASKED, crisis_id=crisis.pk, asker_id=asker.pk, account_id=target.pk)
    return question


def next_states(state: str) -> list[str]:
    """The states a crisis in `state` may move to, for the moderators' buttons."""
    return sorted(TRANSITIONS.get(state, set()))

"""The guestbook, the gestures and following a memorial."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import ratelimit
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.core.images import clean_image
from reconfort.core.text import render_plain
from reconfort.posts import gates

from .. import policies
from ..models import GestureKind, Memorial, MemorialFollow, MemorialGesture, Tribute
from ._common import log, visible_access

MAX_TRIBUTE = 5000
MAX_GESTURE_MESSAGE = 140
TRIBUTE_DRAFT_KIND = "tribute"  # how a tribute is named to the posts.gates screens
MODERATION_STATES = {Tribute.State.APPROVED, Tribute.State.REJECTED, Tribute.State.HIDDEN}


def _render(text: str) -> str:
    # Tributes are plain text: links become links, nothing else (no mentions pinging people from a memorial).
    return render_plain(text, tag_url=lambda name: None, mention_url=lambda name: None, local_domain="").html


def _count_tributes(memorial: Memorial, delta: int) -> None:
    qs = Memorial.objects.filter(pk=memorial.pk)
    if delta < 0:
        qs = qs.filter(tributes_count__gt=0)
    qs.update(tributes_count=F("tributes_count") + delta)


def tribute_create(actor, memorial: Memorial, *, text: str, kind: str = Tribute.Kind.MESSAGE, photo=None) -> Tribute:
    access = visible_access(actor, memorial)
    if not policies.can_write_tribute(access, memorial):
        raise Forbidden(_("Tributes to this memorial are closed to you."), code="tributes_closed")
    if kind not in Tribute.Kind.values:
        raise ServiceError(_("Choose a memory, a message or an anniversary note."), field="kind", code="invalid_kind")
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write a few words."), field="text", code="empty")
    if len(text) > MAX_TRIBUTE:
        raise ServiceError(_("A tribute has 5,000 characters at most."), field="text", code="too_long")
    cleaned = None
    if photo is not None:
        try:
            cleaned = clean_image(photo, max_side=1200)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], field="photo", code="invalid_image") from exc
    ratelimit.hit_account("post", actor)
    pending = policies.tribute_needs_review(access, memorial)
    screened_as: list[str] = []
    if not access.steward:
        # Comfort guard (issue 6): a tribute that reads as hostile, mocking or spam waits for the stewards even
        # when the memorial does not pre-moderate, and they see why (the screens on posts.gates write nothing).
        holds = gates.run_screens(gates.Draft(actor, text, TRIBUTE_DRAFT_KIND, "public", None))
        screened_as = sorted({reason for hold in holds for reason in (hold.reasons or (hold.code,))})
        pending = pending or bool(holds)
    with transaction.atomic():
        tribute = Tribute(
            memorial=memorial,
            author=actor,
            kind=kind,
            text=text,
            text_html=_render(text),
            state=Tribute.State.PENDING if pending else Tribute.State.APPROVED,
            screened_as=screened_as,
        )
        if cleaned is not None:
            tribute.photo.save(cleaned.name, cleaned, save=False)
        tribute.save()
        if not pending:
            _count_tributes(memorial, +1)
    return tribute


@transaction.atomic
def tribute_moderate(actor, tribute: Tribute, *, state: str, reason: str = "") -> Tribute:
    """Approve, reject or hide a tribute (a reason is needed to refuse or hide: its author reads it)."""
    access = visible_access(actor, tribute.memorial)
    if not policies.can_moderate_tributes(access):
        raise Forbidden(_("Only the stewards of this memorial can moderate tributes."), code="not_steward")
    if not policies.can_steward_change_tribute(tribute):
        raise Forbidden(
            _("The site's moderators hid this tribute after a report; only they can show it again."),
            code="hidden_by_site",
        )
    return _set_state(actor, tribute, state, reason)


@transaction.atomic
def tribute_set_hidden(moderator, tribute: Tribute, *, hidden: bool, reason: str = "") -> Tribute:
    """The site's moderators, deciding a member's report (the moderation app audits the decision), hide an
    approved tribute or show again one they hid. Every other guestbook decision stays with the stewards."""
    access = visible_access(moderator, tribute.memorial)
    wanted = Tribute.State.HIDDEN if hidden else Tribute.State.APPROVED
    if not policies.can_hide_reported_tribute(access, tribute.state, wanted):
        raise Forbidden(_("Only an approved tribute can be hidden, and only a hidden one shown again."), code="state")
    tribute.hidden_by_site = hidden
    tribute.save(update_fields=["hidden_by_site"])
    return _set_state(moderator, tribute, wanted, reason)


def _set_state(actor, tribute: Tribute, state: str, reason: str) -> Tribute:
    memorial = tribute.memorial
    if state not in MODERATION_STATES:
        raise ServiceError(_("Approve, reject or hide."), field="state", code="invalid_state")
    reason = (reason or "").strip()
    if state != Tribute.State.APPROVED and not reason:
        raise ServiceError(_("Give a reason the author will read."), field="reason", code="empty_reason")
    if len(reason) > 500:
        raise ServiceError(_("The reason has 500 characters at most."), field="reason", code="too_long")
    before = tribute.state
    if before == state:
        return tribute
    tribute.state, tribute.moderation_reason = state, reason
    tribute.moderated_by, tribute.moderated_at = actor, timezone.now()
    tribute.save(update_fields=["state", "moderation_reason", "moderated_by", "moderated_at"])
    if before == Tribute.State.APPROVED:
        _count_tributes(memorial, -1)
    elif state == Tribute.State.APPROVED:
        _count_tributes(memorial, +1)
    log(memorial, actor, f"tribute.{state}", tribute=tribute.pk, author=tribute.author.username, reason=reason)
    return tribute


@transaction.atomic
def tribute_delete(actor, tribute: Tribute) -> None:
    """Its author may take a tribute back; stewards hide instead (with a reason, in the log)."""
    if not actor.is_authenticated or actor.pk != tribute.author_id:
        raise Forbidden(_("Only its author can delete a tribute."), code="not_author")
    if tribute.state == Tribute.State.APPROVED:
        _count_tributes(tribute.memorial, -1)
    if tribute.photo:
        tribute.photo.storage.delete(tribute.photo.name)
    tribute.delete()


def local_day(user):
    """Today in the member's own time zone: "one per day" means their day, not the server's."""
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # a zone name no longer known: the server's day
        return timezone.localdate()
    return timezone.localdate(timezone=zone)


def gesture_give(actor, memorial: Memorial, kind: str, *, message: str = "") -> MemorialGesture:
    """Light a candle, lay flowers, send a hug: free, one of each per person per day, with an optional message."""
    access = visible_access(actor, memorial)
    if kind not in GestureKind.values:
        raise ServiceError(_("Unknown gesture."), field="kind", code="invalid_gesture")
    if not policies.can_give_gesture(access, memorial):
        raise Forbidden(_("Gestures cannot be given on this memorial now."), code="gestures_closed")
    message = " ".join((message or "").split())
    if len(message) > MAX_GESTURE_MESSAGE:
        raise ServiceError(_("The message has 140 characters at most."), field="message", code="too_long")
    day = local_day(actor)
    if MemorialGesture.objects.filter(memorial=memorial, account=actor, kind=kind, day=day).exists():
        raise ServiceError(
            _("You have already given this today. Come back tomorrow."), status=409, code="already_today"
        )
    ratelimit.hit_account("gesture", actor)
    try:
        with transaction.atomic():
            gesture = MemorialGesture.objects.create(
                memorial=memorial, account=actor, kind=kind, message=message, day=day
            )
            Memorial.objects.filter(pk=memorial.pk).update(**{f"{kind}_count": F(f"{kind}_count") + 1})
    except IntegrityError as exc:  # the same gesture twice at once
        raise ServiceError(
            _("You have already given this today. Come back tomorrow."), status=409, code="already_today"
        ) from exc
    return gesture


@transaction.atomic
def memorial_follow(actor, memorial: Memorial) -> MemorialFollow:
    access = visible_access(actor, memorial)
    if not policies.can_follow_memorial(access, memorial):
        raise Forbidden(_("You cannot follow this memorial."), code="cannot_follow")
    follow, created = MemorialFollow.objects.get_or_create(memorial=memorial, user=actor)
    if created:
        Memorial.objects.filter(pk=memorial.pk).update(followers_count=F("followers_count") + 1)
    return follow


@transaction.atomic
def memorial_unfollow(actor, memorial: Memorial) -> None:
    deleted, _rows = MemorialFollow.objects.filter(memorial=memorial, user=actor).delete()
    if deleted:
        Memorial.objects.filter(pk=memorial.pk, followers_count__gt=0).update(followers_count=F("followers_count") - 1)


@transaction.atomic
def memorial_reminders(actor, memorial: Memorial, *, remind: bool) -> MemorialFollow:
    """The "never remind me" switch for one memorial."""
    follow = MemorialFollow.objects.filter(memorial=memorial, user=actor).first()
    if follow is None:
        raise ServiceError(_("Follow the memorial first."), code="not_following", status=409)
    follow.no_reminders = not remind
    follow.save(update_fields=["no_reminders"])
    return follow

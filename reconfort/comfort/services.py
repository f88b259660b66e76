"""Every write of the comfort queue: asking, opting in as a comforter, claims, kind replies, comforted, thanks."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Language, Mute
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.posts import gates
from reconfort.posts import services as post_services
from reconfort.posts.models import Kind as PostKind
from reconfort.posts.models import Mention, Post, Visibility

from . import limits, policies, selectors
from .models import RISK_FLAGGED, Claim, Comforter, KindReply, SupportRequest, Thanks, Topic

THANKS_MAX = 500
# Gentle words for pseudonyms: "Lantern 42".
_PSEUDONYM_WORDS = (
    "Lantern",
    "Willow",
    "Harbour",
    "Sparrow",
    "Ember",
    "Meadow",
    "Pebble",
    "Heron",
    "Juniper",
    "Tide",
    "Clover",
    "Moth",
)
ASK_AUDIENCES = (Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE)


def _pseudonym() -> str:
    return f"{secrets.choice(_PSEUDONYM_WORDS)} {secrets.randbelow(900) + 100}"


def _check_topic(topic: str) -> str:
    topic = (topic or Topic.OTHER).strip()
    if topic not in Topic.values:
        raise ServiceError(_("Choose one of the topics offered."), field="topic", code="invalid_topic")
    return topic


# --- Asking -------------------------------------------------------------------------------------------------


def support_request_create(post: Post, *, topic: str = Topic.OTHER, anonymous: bool = False) -> SupportRequest:
    """The support request of a post of kind support_request (once per post: a second call returns the first)."""
    topic = _check_topic(topic)
    if post.kind != PostKind.SUPPORT_REQUEST or post.reblog_of_id or post.in_reply_to_id:
        raise ServiceError(_("Only a request for comfort can enter the comfort queue."), code="not_a_request")
    with transaction.atomic():
        existing = SupportRequest.objects.filter(post=post).first()
        if existing is not None:
            return existing
        # The pseudonym lives on the post too (posts.authors shows it everywhere; decision 0038).
        pseudonym = post.author_alias or (_pseudonym() if anonymous else "")
        try:
            with transaction.atomic():
                request = SupportRequest.objects.create(
                    post=post,
                    asker_id=post.author_id,
                    topic=topic,
                    language=post.language or post.author.language,
                    audience=post.visibility,
                    anonymous=bool(pseudonym),
                    pseudonym=pseudonym,
                )
                if pseudonym and post.author_alias != pseudonym:
                    Post.objects.filter(pk=post.pk).update(author_alias=pseudonym)
                    post.author_alias = pseudonym
                return request
        except IntegrityError:
            return SupportRequest.objects.get(post=post)


def support_request_ask(
    asker,
    *,
    text: str,
    topic: str = Topic.OTHER,
    language: str | None = None,
    audience: str = Visibility.PUBLIC,
    anonymous: bool = False,
    idempotency_key: str | None = None,
) -> SupportRequest:
    """Write the post and its support request in one transaction (nothing is written if either refuses)."""
    topic = _check_topic(topic)
    if audience not in ASK_AUDIENCES:
        raise ServiceError(
            _("A request for comfort is public, unlisted or for your followers."), field="audience", code="invalid"
        )
    if language and language not in Language.values:
        raise ServiceError(_("Choose French or English."), field="language", code="invalid_language")
    if not (text or "").strip():
        raise ServiceError(_("Say a few words about what you are going through."), field="text", code="empty")
    if anonymous and audience == Visibility.PRIVATE:
        raise ServiceError(
            _("An anonymous request is public or unlisted: seen by your followers only, it would tell them it is you."),
            field="audience",
            code="anonymous_private",
        )
    with transaction.atomic():
        post = post_services.post_create(
            asker,
            text=text,
            visibility=audience,
            language=language or asker.language,
            kind=PostKind.SUPPORT_REQUEST,
            idempotency_key=idempotency_key,
            author_alias=_pseudonym() if anonymous else "",  # anonymous from its first moment
        )
        return support_request_create(post, topic=topic, anonymous=anonymous)


def support_request_flag_risk(post_id: int) -> None:
    """Move the request for this post (if any) to the top of the queue. Safe to call twice; no-op without one."""
    SupportRequest.objects.filter(post_id=post_id).update(risk=RISK_FLAGGED)


def support_request_mark_comforted(actor, request: SupportRequest) -> SupportRequest:
    """« Je me sens réconforté·e »: the asker takes the request out of the queue; open claims end."""
    if not policies.can_mark_comforted(actor, request):
        raise Forbidden(_("Only the person who asked can say this."), code="not_asker")
    now = timezone.now()
    with transaction.atomic():
        SupportRequest.objects.filter(pk=request.pk, comforted_at__isnull=True).update(comforted_at=now)
        Claim.objects.filter(request=request, state=Claim.State.ACTIVE).update(state=Claim.State.RELEASED, ended_at=now)
    request.refresh_from_db()
    return request


# --- Comforters ---------------------------------------------------------------------------------------------


def _check_can_comfort(user) -> None:
    if not policies.can_comfort(user, now=timezone.now(), min_days=settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS):
        raise Forbidden(
            _("New accounts can comfort others after %(days)s days. Thank you for your patience.")
            % {"days": settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS},
            code="too_new",
        )


def comforter_save(user, *, languages, topics=(), guide_read: bool, active: bool = True) -> Comforter:
    """Opt in (or update): languages, optional topics, and the guide must have been read."""
    languages = list(dict.fromkeys(languages or []))
    topics = list(dict.fromkeys(topics or []))
    existing = selectors.comforter_get(user)
    if not active:
        if existing is not None:
            Comforter.objects.filter(pk=existing.pk).update(active=False)
            existing.refresh_from_db()
            return existing
        raise ServiceError(_("You are not a comforter."), status=404, code="not_comforter")
    _check_can_comfort(user)
    if not guide_read:
        raise ServiceError(
            _("Please read the short guide and confirm you have read it."), field="guide_read", code="guide"
        )
    if not languages or any(lang not in Language.values for lang in languages):
        raise ServiceError(_("Choose at least one language you comfort in."), field="languages", code="invalid")
    if any(t not in Topic.values for t in topics):
        raise ServiceError(_("Choose topics among those offered."), field="topics", code="invalid_topic")
    with transaction.atomic():
        comforter, _created = Comforter.objects.update_or_create(
            user=user,
            defaults={"languages": languages, "topics": topics, "active": True, "guide_read_at": timezone.now()},
        )
    return comforter


# --- Claims -------------------------------------------------------------------------------------------------


def _request_open(request: SupportRequest) -> bool:
    return request.comforted_at is None and request.kind_replies < settings.RECONFORT_COMFORT_KIND_REPLIES


def claim_open(user, request: SupportRequest) -> Claim:
    """Open (claim) a request for a few minutes. Exactly one comforter holds a request at a time; opening one's own
    open claim again extends it."""
    comforter = selectors.active_comforter(user)
    if comforter is None:
        raise Forbidden(_("Become a comforter first."), code="not_comforter")
    _check_can_comfort(user)
    if not policies.can_claim(
        user, request, is_comforter=True, blocked_either_way=selectors.is_kept_apart(user, request.asker)
    ):
        raise Forbidden(_("You cannot comfort on this request."), code="cannot_claim")
    now = timezone.now()
    expires_at = now + timedelta(minutes=settings.RECONFORT_COMFORT_CLAIM_MINUTES)
    with transaction.atomic():
        locked = SupportRequest.objects.select_for_update().get(pk=request.pk)
        if not _request_open(locked):
            raise ServiceError(_("This person has already been comforted. Thank you."), status=409, code="closed")
        Claim.objects.filter(request=locked, state=Claim.State.ACTIVE, expires_at__lte=now).update(
            state=Claim.State.EXPIRED, ended_at=now
        )
        current = Claim.objects.filter(request=locked, state=Claim.State.ACTIVE).first()
        if current is not None:
            if current.comforter_id == user.pk:
                current.expires_at = expires_at
                current.save(update_fields=["expires_at"])
                return current
            raise ServiceError(
                _("Another comforter is with this person right now. The next request is waiting for you."),
                status=409,
                code="claimed",
            )
        # Claims and replies without a claim share one daily limit (limits.py).
        limits.check_daily_limit(user, locked.post_id, now=now)
        ratelimit.hit_account("comfort_claim", user)
        try:
            with transaction.atomic():
                return Claim.objects.create(request=locked, comforter=user, expires_at=expires_at)
        except IntegrityError:
            raise ServiceError(
                _("Another comforter is with this person right now. The next request is waiting for you."),
                status=409,
                code="claimed",
            ) from None


def claim_release(user, request: SupportRequest) -> None:
    """Let the request go back to the queue now. Nothing to do if the member holds no open claim on it."""
    Claim.objects.filter(request=request, comforter=user, state=Claim.State.ACTIVE).update(
        state=Claim.State.RELEASED, ended_at=timezone.now()
    )


def claims_expire() -> int:
    """Mark claims past their time as expired (the queue already ignores them; this keeps the table tidy)."""
    now = timezone.now()
    return Claim.objects.filter(state=Claim.State.ACTIVE, expires_at__lte=now).update(
        state=Claim.State.EXPIRED, ended_at=now
    )


# --- Kind replies -------------------------------------------------------------------------------------------


def kind_reply_count(post: Post) -> bool:
    """Count a reply to a request's post by someone other than the asker, once; its writer's claim is used.
    Returns whether it was counted now."""
    if post.in_reply_to_id is None or getattr(post, "held", False) or post.visibility == Visibility.DIRECT:
        return False
    with transaction.atomic():
        request = SupportRequest.objects.select_for_update().filter(post_id=post.in_reply_to_id).first()
        if request is None or request.asker_id == post.author_id:
            return False
        if Mute.objects.filter(account_id=request.asker_id, target_id=post.author_id).exists():
            return False  # the asker muted its writer: they will not see it, it comforts nobody
        if KindReply.objects.filter(reply=post).exists():
            return False
        try:
            with transaction.atomic():
                KindReply.objects.create(
                    request=request, reply=post, author_id=post.author_id, created_at=post.created_at
                )
        except IntegrityError:
            return False
        SupportRequest.objects.filter(pk=request.pk).update(kind_replies=F("kind_replies") + 1)
        if request.first_kind_reply_at is None:
            SupportRequest.objects.filter(pk=request.pk, first_kind_reply_at__isnull=True).update(
                first_kind_reply_at=post.created_at
            )
        Claim.objects.filter(request=request, comforter_id=post.author_id, state=Claim.State.ACTIVE).update(
            state=Claim.State.USED, ended_at=timezone.now()
        )
    return True


def kind_reply_uncount(post_id: int) -> bool:
    """A counted reply edited into words that may hurt (the guard holds it again) comforts nobody: the request
    gets it back in the queue's count, and its first kind reply is the earliest one left. Safe to run twice."""
    with transaction.atomic():
        kind = KindReply.objects.filter(reply_id=post_id).first()
        if kind is None:
            return False
        request = SupportRequest.objects.select_for_update().get(pk=kind.request_id)
        deleted, _rows = KindReply.objects.filter(pk=kind.pk).delete()
        if not deleted:  # uncounted meanwhile
            return False
        first = KindReply.objects.filter(request=request).order_by("created_at").values_list("created_at", flat=True)
        SupportRequest.objects.filter(pk=request.pk).update(
            kind_replies=Greatest(F("kind_replies") - 1, 0), first_kind_reply_at=first.first()
        )
    return True


def on_reply_held_again(post_id, **_):
    kind_reply_uncount(post_id)


def on_post_created(post_id, **_):
    post = Post.objects.select_related("author").filter(pk=post_id).first()
    if post is None:
        return
    if post.kind == PostKind.SUPPORT_REQUEST and post.in_reply_to_id is None and post.reblog_of_id is None:
        support_request_create(post)
    elif post.in_reply_to_id is not None and not getattr(post, "held", False):
        kind_reply_count(post)


def on_reply_released(post_id, **_):
    post = Post.objects.filter(pk=post_id).first()
    if post is not None:
        kind_reply_count(post)


# --- Gratitude ----------------------------------------------------------------------------------------------


def thanks_send(sender, request: SupportRequest, recipient_id, *, text: str) -> Thanks:
    """A private thank-you from the asker to someone who replied. Once per request and person."""
    text = (text or "").strip()
    try:
        recipient_id = int(recipient_id)
    except (TypeError, ValueError):
        raise ServiceError(_("Choose whom to thank."), field="recipient", code="invalid") from None
    if not policies.can_thank(
        sender, request, recipient_id, recipient_replied=selectors.has_replied(request, recipient_id)
    ):
        raise Forbidden(_("You can thank someone who replied to your own request."), code="cannot_thank")
    if not text:
        raise ServiceError(_("Write a few words of thanks."), field="text", code="empty")
    if len(text) > THANKS_MAX:
        raise ServiceError(
            _("A thank-you note has at most %(max)s characters.") % {"max": THANKS_MAX}, field="text", code="too_long"
        )
    if Thanks.objects.filter(request=request, recipient_id=recipient_id).exists():
        raise ServiceError(_("You have already thanked this person for this request."), status=409, code="duplicate")
    with transaction.atomic():
        ratelimit.hit_account("gratitude", sender)
        try:
            with transaction.atomic():
                thanks = Thanks.objects.create(request=request, sender=sender, recipient_id=recipient_id, text=text)
        except IntegrityError:
            raise ServiceError(
                _("You have already thanked this person for this request."), status=409, code="duplicate"
            ) from None
        events.emit(events.GRATITUDE_SENT, thanks_id=thanks.pk, recipient_id=recipient_id, sender_id=sender.pk)
    return thanks


# --- Private messages: the asker starts them ----------------------------------------------------------------


def check_direct_message(draft: gates.Draft) -> None:
    """posts.gates check: a comforter cannot write privately to an asker who did not write to them first."""
    if draft.visibility != Visibility.DIRECT or not getattr(draft.author, "is_authenticated", False):
        return
    author = draft.author
    for recipient in draft.mentioned:
        comforted_them = (
            Claim.objects.filter(comforter=author, request__asker=recipient).exists()
            or KindReply.objects.filter(author=author, request__asker=recipient).exists()
        )
        if not comforted_them:
            continue
        wrote_first = Mention.objects.filter(
            account=author, post__author=recipient, post__visibility=Visibility.DIRECT
        ).exists()
        if not policies.can_send_direct(comforted_them=True, they_wrote_first=wrote_first):
            raise Forbidden(
                _(
                    "You comforted this person: private messages are theirs to start. "
                    "You can still reply where they asked."
                ),
                code="asker_starts",
            )


def connect() -> None:
    events.subscribe(events.POST_CREATED, on_post_created)
    events.subscribe(events.REPLY_RELEASED, on_reply_released)
    events.subscribe(events.REPLY_HELD_AGAIN, on_reply_held_again)
    gates.register_check(check_direct_message)
    gates.register_check(limits.check_reply_limit)

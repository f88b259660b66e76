"""Every write of the safety net.

- `risk_scan`: after a post is created or edited, its words are assessed (detector.py). At risk: the author sees
  the helplines panel on their next page, the support request (if it is one) moves to the top of the comfort
  queue, and moderators get a crisis alert (by event: moderation is above comfort). The post is never hidden.
- `worry_create`: « je m'inquiète pour cette personne » reaches moderators only, never the person.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.comfort import services as comfort_services
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.posts.models import Kind as PostKind
from reconfort.posts.models import Post
from reconfort.posts.selectors import can_view

from . import detector, helplines, policies
from .models import RiskSignal, SafetyPreference, Worry
from .selectors import OTHER_COUNTRY

NOTE_MAX = 1000


# In a memorial post, words between « » or “ ” are someone else's: the last words of the dead, shared by a member
# (memorials' last_words_share). They are not the author's own, so they are left out of the assessment.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")


def _text_of(post: Post) -> str:
    text = post.text or ""
    if post.kind == PostKind.MEMORIAL:
        text = _QUOTED.sub(" ", text)
    return "\n".join(part for part in (post.title, post.spoiler_text, text) if part)


def risk_scan(post_id: int) -> RiskSignal | None:
    """Assess one post; record a signal and raise the alert when its words express a risk. Safe to run twice
    (one signal per post); a reshare, a held reply's text and other people's edits are assessed like any post."""
    post = Post.objects.select_related("author").filter(pk=post_id).first()
    if post is None or post.reblog_of_id or not post.author.is_active:
        return None
    assessment = detector.assess(_text_of(post))
    if not assessment.at_risk:
        return None
    with transaction.atomic():
        signal, created = RiskSignal.objects.get_or_create(
            post=post,
            defaults={"author": post.author, "score": assessment.score, "matched": assessment.matched},
        )
        if not created:
            return signal
        # The request (this post, or the thread the author opened) goes first in the comfort queue.
        comfort_services.support_request_flag_risk(post.pk)
        if post.thread_root_id and post.thread_root_id != post.pk:
            root_author = Post.objects.filter(pk=post.thread_root_id).values_list("author_id", flat=True).first()
            if root_author == post.author_id:
                comfort_services.support_request_flag_risk(post.thread_root_id)
        events.emit(
            events.SAFETY_ALERT,
            post_id=post.pk,
            source="detected",
            account_id=post.author_id,
            score=assessment.score,
            matched=list(assessment.matched),
        )
    return signal


def panel_dismiss(user, signal_id) -> int:
    """The author closes the panel: not shown again for that post (nor for their earlier ones)."""
    signal = RiskSignal.objects.filter(pk=signal_id).first() if str(signal_id).isdigit() else None
    if signal is None or not policies.can_dismiss_panel(user, signal):
        raise NotFound(_("There is nothing to close here."))
    return RiskSignal.objects.filter(
        author=user, panel_dismissed_at__isnull=True, created_at__lte=signal.created_at
    ).update(panel_dismissed_at=timezone.now())


def preference_set(user, country: str) -> SafetyPreference:
    """ "" = from my time zone; a country with helplines; or OTHER_COUNTRY (the international directory)."""
    code = (country or "").strip().upper()
    if code and code != OTHER_COUNTRY and helplines.country_get(code) is None:
        raise ServiceError(_("Choose a country from the list."), field="country", code="invalid_country")
    preference, _created = SafetyPreference.objects.update_or_create(user=user, defaults={"country": code})
    return preference


def _check_can_worry(reporter, post: Post) -> None:
    if not can_view(reporter, post):
        raise NotFound(_("This post does not exist or is not visible to you."))
    if post.author_id == reporter.pk:
        raise ServiceError(_("This is your own post."), code="own_post", status=403)
    days = settings.RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS
    if not policies.can_express_worry(reporter, post, now=timezone.now(), min_days=days):
        raise Forbidden(
            _(
                "New accounts cannot use this yet (after %(days)s days). If someone is in danger now, call the "
                "emergency services or a helpline."
            )
            % {"days": days},
            code="too_new",
        )


def worry_check(reporter, post: Post) -> None:
    """Raise what worry_create would refuse (for the form page). Writes nothing."""
    _check_can_worry(reporter, post)


def worry_create(reporter, post: Post, *, note: str = "") -> Worry:
    """« Je m'inquiète pour cette personne »: moderators see it at the top of their queue. Nothing is sent to the
    person, ever. Once per post and member (asking again changes nothing); rate-limited ("worried")."""
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ServiceError(_("The note has 1,000 characters at most."), field="note", code="too_long")
    _check_can_worry(reporter, post)
    existing = Worry.objects.filter(reporter=reporter, post=post).first()
    if existing is not None:
        return existing
    ratelimit.hit_account("worried", reporter)
    try:
        with transaction.atomic():
            worry = Worry.objects.create(reporter=reporter, account_id=post.author_id, post=post, note=note)
            events.emit(
                events.SAFETY_ALERT,
                post_id=post.pk,
                source="worried",
                account_id=post.author_id,
                reporter_id=reporter.pk,
                note=note,
            )
    except IntegrityError:  # the same member, twice at once
        return Worry.objects.get(reporter=reporter, post=post)
    return worry


@transaction.atomic
def alert_acknowledge(moderator, post_id: int) -> None:
    """A moderator has seen the alert about this post (and the worries about it). Nothing is sent to anyone."""
    if not policies.can_acknowledge_alert(moderator):
        raise Forbidden(_("Only moderators can do this."), code="not_moderator")
    now = timezone.now()
    RiskSignal.objects.filter(post_id=post_id, reviewed_at__isnull=True).update(reviewed_at=now, reviewed_by=moderator)
    Worry.objects.filter(post_id=post_id, reviewed_at__isnull=True).update(reviewed_at=now)

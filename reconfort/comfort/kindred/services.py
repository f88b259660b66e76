"""Every write about kindred spirits: the profile (opt in, edit, opt out) and the consent between two members."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Language
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError

from . import matching, policies, selectors
from .models import Cause, CauseUse, KindredLink, KindredProfile, Loss, Since

MAX_REGION = 80


def _clean(*, loss, cause, cause_use, since, languages, region) -> dict:
    if loss not in Loss.values:
        raise ServiceError(_("Choose what you lived through."), field="loss")
    if (cause or "") not in Cause.values:
        raise ServiceError(_("Choose a cause from the list, or say nothing."), field="cause")
    if cause_use not in CauseUse.values:
        raise ServiceError(_("Choose how the cause may be used."), field="cause_use")
    if since not in Since.values:
        raise ServiceError(_("Choose when it happened."), field="since")
    languages = [lang for lang in dict.fromkeys(languages or []) if lang]
    if not languages or any(lang not in Language.values for lang in languages):
        raise ServiceError(_("Choose at least one language you can talk in: French or English."), field="languages")
    region = " ".join((region or "").split())
    if len(region) > MAX_REGION:
        raise ServiceError(_("Keep the region short (80 characters at most)."), field="region")
    cause = cause or ""
    if cause == Cause.SUICIDE and cause_use == CauseUse.SHARE:
        cause_use = CauseUse.MATCH  # suicide is never named to anyone, whatever was asked
    if not cause:
        cause_use = CauseUse.PRIVATE
    return {
        "loss": loss,
        "cause": cause,
        "cause_use": cause_use,
        "since": since,
        "languages": languages,
        "region": region,
        "region_key": matching.region_key(region),
    }


def profile_save(
    user, *, loss: str, since: str, languages, cause: str = "", cause_use: str = CauseUse.PRIVATE, region: str = ""
) -> KindredProfile:
    """Opt in, or change one's facets. Nothing is written when a value is refused."""
    if not user.is_authenticated:
        raise Forbidden(_("Sign in to look for kindred spirits."))
    values = _clean(loss=loss, cause=cause, cause_use=cause_use, since=since, languages=languages, region=region)
    with transaction.atomic():
        profile, _created = KindredProfile.objects.update_or_create(user=user, defaults=values)
    return profile


def profile_delete(user) -> None:
    """Opt out: the facets are deleted, and so are the requests still waiting either way. Answers given
    (declined, dismissed) stay, so the same pair is never suggested again; kindred already accepted stay."""
    with transaction.atomic():
        KindredProfile.objects.filter(user=user).delete()
        KindredLink.objects.filter(Q(requester=user) | Q(recipient=user), state=KindredLink.State.PENDING).delete()


def not_opted_in_message():
    return _("You have not described what you lived through.")


def _require_profile(user) -> KindredProfile:
    profile = selectors.profile_of(user)
    if profile is None:
        raise ServiceError(
            _("Describe what you lived through first: suggestions come from it."), status=409, code="no_profile"
        )
    return profile


def _not_suggestible() -> NotFound:
    return NotFound(_("This person is not among your suggestions."))


def kindred_request(user, other) -> KindredLink:
    """Ask someone from one's suggestions. If they had already asked, this is a yes to their request."""
    mine = _require_profile(user)
    waiting = KindredLink.objects.filter(requester=other, recipient=user, state=KindredLink.State.PENDING).first()
    if waiting is not None:
        return kindred_accept(user, other)
    theirs = KindredProfile.objects.filter(user=other).first()
    ties = selectors.ties_between(user, other)
    if theirs is None or not policies.can_be_paired(user, other, ties):
        raise _not_suggestible()
    points = matching.score(mine, theirs)
    if not points or points < settings.RECONFORT_KINDRED_MIN_SCORE:
        raise _not_suggestible()
    ratelimit.hit_account("kindred_request", user)
    try:
        with transaction.atomic():
            link = KindredLink.objects.create(
                requester=user, recipient=other, pair=KindredLink.pair_of(user.pk, other.pk)
            )
    except IntegrityError as exc:  # asked at the same moment from both sides, or twice
        raise ServiceError(_("You have already been in touch about this."), status=409, code="already") from exc
    events.emit(events.KINDRED_REQUESTED, link_id=link.pk, requester_id=user.pk, recipient_id=other.pk)
    return link


def _answer(user, other, state: str) -> KindredLink:
    with transaction.atomic():
        link = (
            KindredLink.objects.select_for_update()
            .filter(requester=other, recipient=user, state=KindredLink.State.PENDING)
            .first()
        )
        if link is None:
            raise NotFound(_("There is no request from this person waiting for your answer."))
        if not policies.can_answer_request(user, link, selectors.ties_between(user, other)):
            raise NotFound(_("There is no request from this person waiting for your answer."))
        link.state = state
        link.decided_at = timezone.now()
        link.save(update_fields=["state", "decided_at"])
        if state == KindredLink.State.ACCEPTED:
            events.emit(events.KINDRED_ACCEPTED, link_id=link.pk, requester_id=other.pk, recipient_id=user.pk)
    return link


def kindred_accept(user, other) -> KindredLink:
    """Both said yes: each sees the other among their kindred spirits; the one who asked is told."""
    return _answer(user, other, KindredLink.State.ACCEPTED)


def kindred_decline(user, other) -> KindredLink:
    """A quiet no: the person who asked is not told, and they are never suggested to each other again."""
    return _answer(user, other, KindredLink.State.DECLINED)


def kindred_dismiss(user, other) -> KindredLink:
    """ "Not for me": this suggestion never comes back (nobody is told)."""
    if not user.is_authenticated or user.pk == other.pk:
        raise _not_suggestible()
    pair = KindredLink.pair_of(user.pk, other.pk)
    with transaction.atomic():
        link, _created = KindredLink.objects.get_or_create(
            pair=pair, defaults={"requester": user, "recipient": other, "state": KindredLink.State.DISMISSED}
        )
    return link

"""Memorialised member accounts: wishes and legacy contact chosen in advance, requests reviewed by a moderator,
and what memorialisation does (nobody signs in or posts as the account; its posts stay; it is labelled and left
out of suggestions)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import get_access_token_model, get_refresh_token_model

from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.posts.models import Post, Visibility

from .. import selectors
from ..models import AccountMemorial, AccountWishes, MemorialisationRequest


@transaction.atomic
def wishes_set(account, *, on_death: str, legacy_contact=None) -> AccountWishes:
    """A member's choice for after their death. A new legacy contact must confirm before having any right."""
    if on_death not in AccountWishes.OnDeath.values:
        raise ServiceError(_("Choose to keep the account as a memorial or to delete it."), field="on_death")
    if legacy_contact is not None and (legacy_contact.pk == account.pk or not legacy_contact.is_active):
        raise ServiceError(_("Choose another member as your legacy contact."), field="legacy_contact")
    wishes, _created = AccountWishes.objects.get_or_create(account=account)
    if (legacy_contact.pk if legacy_contact else None) != wishes.legacy_contact_id:
        wishes.legacy_contact, wishes.contact_confirmed_at = legacy_contact, None
    wishes.on_death = on_death
    wishes.save()
    return wishes


@transaction.atomic
def legacy_contact_answer(contact, account, *, accept: bool) -> AccountWishes:
    wishes = AccountWishes.objects.select_for_update().filter(account=account, legacy_contact=contact).first()
    if wishes is None:
        raise NotFound(_("There is no such request."))
    if accept:
        wishes.contact_confirmed_at = wishes.contact_confirmed_at or timezone.now()
    else:
        wishes.legacy_contact, wishes.contact_confirmed_at = None, None
    wishes.save()
    return wishes


def _is_confirmed_contact(actor, account) -> bool:
    return AccountWishes.objects.filter(
        account=account, legacy_contact=actor, contact_confirmed_at__isnull=False
    ).exists()


def memorialisation_request(actor, account, *, relation: str, proof: str = "") -> MemorialisationRequest:
    """The legacy contact (or a family member, with proof) asks; a moderator reviews every request."""
    if not actor.is_authenticated or actor.pk == account.pk:
        raise Forbidden(_("You cannot ask this."), code="cannot_request")
    if relation not in MemorialisationRequest.Relation.values:
        raise ServiceError(_("Say whether you are the legacy contact or family."), field="relation")
    proof = (proof or "").strip()
    if relation == MemorialisationRequest.Relation.LEGACY_CONTACT and not _is_confirmed_contact(actor, account):
        raise Forbidden(_("You are not this member's confirmed legacy contact."), code="not_legacy_contact")
    if relation == MemorialisationRequest.Relation.FAMILY and not proof:
        raise ServiceError(_("Add a proof a moderator can check (a death notice, for example)."), field="proof")
    if len(proof) > 2000:
        raise ServiceError(_("The proof has 2,000 characters at most."), field="proof")
    if AccountMemorial.objects.filter(account=account, reversed_at__isnull=True).exists():
        raise ServiceError(_("This account is already memorialised."), status=409, code="already")
    existing = MemorialisationRequest.objects.filter(
        account=account, state=MemorialisationRequest.State.PENDING
    ).first()
    if existing:
        return existing
    ratelimit.hit_account("report", actor)
    wishes = AccountWishes.objects.filter(account=account).values_list("on_death", flat=True).first()
    with transaction.atomic():
        request = MemorialisationRequest.objects.create(
            account=account, requested_by=actor, relation=relation, proof=proof, wishes=wishes or ""
        )
        events.emit(
            events.MEMORIAL_REVIEW_REQUESTED,
            kind="memorialisation",
            subject_type="memorials.memorialisationrequest",
            subject_id=request.pk,
            risk=3,
            requested_by_id=actor.pk,
            reason=proof,
        )
    return request


def _revoke_access(account) -> None:
    """Nobody signs in or posts as a memorialised account: its tokens go, and an unusable password ends every
    session at its next request (Django checks the session against the password hash)."""
    get_access_token_model().objects.filter(user=account).delete()
    get_refresh_token_model().objects.filter(user=account).delete()
    account.set_unusable_password()


def _last_original_post(account):
    return (
        Post.objects.filter(
            author=account,
            reblog_of__isnull=True,
            visibility__in=[Visibility.PUBLIC, Visibility.UNLISTED],
            hidden_at__isnull=True,
            author_alias="",  # never an anonymous request (decision 0038)
        )
        .order_by("-created_at", "-id")
        .first()
    )


@transaction.atomic
def memorialisation_decide(moderator, request_id: int, *, approved: bool, reason: str) -> MemorialisationRequest:
    """Called by the moderation review. Approved: the member's wish is followed (memorialise, or close the account
    when they asked for deletion — the erasure itself is the privacy app's)."""
    if not (moderator.is_authenticated and moderator.is_moderator):
        raise Forbidden(_("Only moderators can do this."), code="not_moderator")
    request = MemorialisationRequest.objects.select_for_update().select_related("account").get(pk=request_id)
    if request.state != MemorialisationRequest.State.PENDING:
        return request
    request.state = MemorialisationRequest.State.APPROVED if approved else MemorialisationRequest.State.REJECTED
    request.decision_reason, request.decided_at = reason, timezone.now()
    request.save(update_fields=["state", "decision_reason", "decided_at"])
    if not approved:
        return request
    account = request.account
    _revoke_access(account)
    account.discoverable = False  # left out of suggestions and matching
    if request.wishes == AccountWishes.OnDeath.DELETE:
        account.is_active = False
        account.save(update_fields=["password", "discoverable", "is_active"])
        return request
    account.save(update_fields=["password", "discoverable"])
    AccountMemorial.objects.update_or_create(
        account=account,
        defaults={"request": request, "pinned_post": _last_original_post(account), "reversed_at": None},
    )
    transaction.on_commit(selectors.forget_memorialised_ids)
    events.emit(events.ACCOUNT_MEMORIALISED, account_id=account.pk, request_id=request.pk)
    return request


@transaction.atomic
def memorialisation_reverse(moderator, account) -> AccountMemorial:
    """A mistake: the account is a living member's again (they set a new password through the moderators)."""
    if not (moderator.is_authenticated and moderator.is_moderator):
        raise Forbidden(_("Only moderators can do this."), code="not_moderator")
    state = AccountMemorial.objects.filter(account=account, reversed_at__isnull=True).first()
    if state is None:
        raise NotFound(_("This account is not memorialised."))
    state.reversed_at = timezone.now()
    state.save(update_fields=["reversed_at"])
    transaction.on_commit(selectors.forget_memorialised_ids)
    return state


@transaction.atomic
def account_memorial_update(actor, account, *, statement: str | None = None, pinned_post_id=None) -> AccountMemorial:
    """The confirmed legacy contact may write a short statement and pin one of the account's public posts; never
    read its direct messages or edit its posts."""
    state = AccountMemorial.objects.filter(account=account, reversed_at__isnull=True).first()
    if state is None:
        raise NotFound(_("This account is not memorialised."))
    if not _is_confirmed_contact(actor, account):
        raise Forbidden(_("Only the legacy contact can do this."), code="not_legacy_contact")
    if statement is not None:
        if len(statement) > 500:
            raise ServiceError(_("The statement has 500 characters at most."), field="statement")
        state.statement = statement.strip()
    if pinned_post_id not in (None, ""):
        post = (
            Post.objects.filter(
                author=account,
                reblog_of__isnull=True,
                visibility__in=[Visibility.PUBLIC, Visibility.UNLISTED],
                author_alias="",
            )
            .filter(pk=pinned_post_id if str(pinned_post_id).isdigit() else -1)
            .first()
        )
        if post is None:
            raise ServiceError(_("Choose one of the account's public posts."), field="pinned_post_id")
        state.pinned_post = post
    state.save()
    return state

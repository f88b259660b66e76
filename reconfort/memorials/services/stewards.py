"""The people who keep a memorial: invitations, roles, leaving, transfer of ownership; and invited guests."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import Forbidden, NotFound, ServiceError

from ..models import Guest, Memorial, Steward
from ._common import log, require_editor, require_owner

INVITABLE_ROLES = {Steward.Role.EDITOR, Steward.Role.TRIBUTE_MODERATOR}


def _no_such_steward() -> NotFound:
    return NotFound(_("This person is not a steward of this memorial."))


@transaction.atomic
def steward_invite(actor, memorial: Memorial, user, role: str) -> Steward:
    """The owner invites a member as editor or tribute moderator; they have no rights until they accept."""
    require_owner(actor, memorial)
    if role not in INVITABLE_ROLES:
        raise ServiceError(_("Invite as editor or tribute moderator."), field="role", code="invalid_role")
    if not user.is_active:
        raise NotFound(_("This account does not exist."))
    existing = Steward.objects.filter(memorial=memorial, user=user).first()
    if existing:
        if existing.role == Steward.Role.OWNER:
            raise ServiceError(_("This person is already the owner."), code="already_owner", status=409)
        return existing
    steward = Steward.objects.create(memorial=memorial, user=user, role=role, invited_by=actor)
    log(memorial, actor, "steward.invite", user=user.username, role=role)
    return steward


@transaction.atomic
def steward_accept(user, memorial: Memorial) -> Steward:
    steward = Steward.objects.select_for_update().filter(memorial=memorial, user=user).first()
    if steward is None:
        raise NotFound(_("There is no such invitation."))
    if not steward.accepted:
        steward.accepted = True
        steward.save(update_fields=["accepted"])
        log(memorial, user, "steward.accept", role=steward.role)
    return steward


@transaction.atomic
def steward_change_role(actor, memorial: Memorial, user, role: str) -> Steward:
    require_owner(actor, memorial)
    if role not in INVITABLE_ROLES:
        raise ServiceError(_("Choose editor or tribute moderator."), field="role", code="invalid_role")
    steward = Steward.objects.filter(memorial=memorial, user=user).first()
    if steward is None:
        raise _no_such_steward()
    if steward.role == Steward.Role.OWNER:
        raise ServiceError(_("Transfer ownership first."), code="owner_role", status=409)
    before, steward.role = steward.role, role
    steward.save(update_fields=["role"])
    log(memorial, actor, "steward.role", user=user.username, before=before, after=role)
    return steward


@transaction.atomic
def steward_remove(actor, memorial: Memorial, user) -> None:
    """The owner removes a steward, or a steward leaves (declining an invitation is leaving too).

    The owner cannot leave: they transfer ownership first, so a memorial always has someone to keep it.
    """
    steward = Steward.objects.filter(memorial=memorial, user=user).first()
    if steward is None:
        raise _no_such_steward()
    if actor.pk != user.pk:
        require_owner(actor, memorial)
    if steward.role == Steward.Role.OWNER:
        raise ServiceError(_("The owner cannot leave; transfer ownership first."), code="owner_leaves", status=409)
    steward.delete()
    log(memorial, actor, "steward.leave" if actor.pk == user.pk else "steward.remove", user=user.username)


@transaction.atomic
def memorial_transfer(actor, memorial: Memorial, new_owner) -> Steward:
    """Give ownership to another accepted steward; the previous owner stays on as an editor."""
    require_owner(actor, memorial)
    target = Steward.objects.select_for_update().filter(memorial=memorial, user=new_owner, accepted=True).first()
    if target is None:
        raise ServiceError(
            _("Ownership can only go to a steward who has accepted their invitation."), code="not_steward"
        )
    if target.role == Steward.Role.OWNER:
        return target
    Steward.objects.filter(memorial=memorial, role=Steward.Role.OWNER).update(role=Steward.Role.EDITOR)
    target.role = Steward.Role.OWNER
    target.save(update_fields=["role"])
    log(memorial, actor, "steward.transfer", to=new_owner.username)
    return target


def steward_grant_system(memorial: Memorial, user, role: str, *, reason: str) -> Steward:
    """Used when a moderator memorialises an account: its confirmed legacy contact keeps the memorial with the
    owner (no invitation to accept: a moderator checked who they are)."""
    steward, created = Steward.objects.get_or_create(
        memorial=memorial, user=user, defaults={"role": role, "accepted": True}
    )
    if not created and not steward.accepted:
        steward.accepted = True
        steward.save(update_fields=["accepted"])
    log(memorial, None, "steward.grant", user=user.username, role=steward.role, reason=reason)
    return steward


# --- Guests ---------------------------------------------------------------------------------------


@transaction.atomic
def guest_invite(actor, memorial: Memorial, user) -> Guest:
    """Let a member see an invite-only memorial (and write, when only guests may)."""
    require_editor(actor, memorial)
    if not user.is_active:
        raise NotFound(_("This account does not exist."))
    guest, created = Guest.objects.get_or_create(memorial=memorial, user=user)
    if created:
        log(memorial, actor, "guest.invite", user=user.username)
    return guest


@transaction.atomic
def guest_remove(actor, memorial: Memorial, user) -> None:
    if actor.pk != user.pk:
        require_editor(actor, memorial)
    elif not Guest.objects.filter(memorial=memorial, user=user).exists():
        raise Forbidden(_("You are not invited to this memorial."))
    deleted, _rows = Guest.objects.filter(memorial=memorial, user=user).delete()
    if deleted:
        log(memorial, actor, "guest.remove", user=user.username)

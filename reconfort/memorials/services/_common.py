"""What every memorial service shares: the steward log and the access checks that turn into errors."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import Forbidden

from .. import policies, selectors
from ..models import Memorial, StewardLogEntry
from ..policies import Access


def log(memorial: Memorial, actor, action: str, **detail) -> StewardLogEntry:
    return StewardLogEntry.objects.create(
        memorial=memorial,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=getattr(actor, "username", "") or "system",
        action=action,
        detail={k: v if isinstance(v, (int, float, bool, type(None))) else str(v) for k, v in detail.items()},
    )


def visible_access(actor, memorial: Memorial) -> Access:
    """The actor's access, refusing with "not found" when they may not even see the memorial."""
    access = selectors.access_for(actor, memorial)
    if not policies.can_view_memorial(access, memorial):
        raise selectors.memorial_not_found()
    return access


def require_editor(actor, memorial: Memorial) -> Access:
    access = visible_access(actor, memorial)
    if not policies.can_edit_memorial(access):
        raise Forbidden(_("Only the owner and editors of this memorial can do this."), code="not_editor")
    return access


def require_owner(actor, memorial: Memorial) -> Access:
    access = visible_access(actor, memorial)
    if not policies.can_manage_stewards(access):
        raise Forbidden(_("Only the owner of this memorial can do this."), code="not_owner")
    return access

"""Who may see and do what on a memorial. Pure functions over a viewer's `Access`, computed once by selectors."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Memorial, Steward, Tribute

EDIT_ROLES = {Steward.Role.OWNER, Steward.Role.EDITOR}
TRIBUTE_ROLES = {Steward.Role.OWNER, Steward.Role.EDITOR, Steward.Role.TRIBUTE_MODERATOR}


@dataclass(frozen=True)
class Access:
    """What one viewer is to one memorial."""

    authenticated: bool = False
    role: str | None = None  # an accepted steward's role
    invited: bool = False  # a guest of the memorial
    follows: bool = False
    moderator: bool = False
    # The confirmed legacy contact of the memorialised member this memorial is about: moderates its tributes.
    legacy_contact: bool = False

    @property
    def steward(self) -> bool:
        return self.role is not None


def can_view_memorial(access: Access, memorial: Memorial) -> bool:
    if access.steward or access.moderator:
        return True
    if memorial.hidden_at is not None or memorial.state == Memorial.State.DRAFT:
        return False
    if memorial.visibility in (Memorial.Visibility.PUBLIC, Memorial.Visibility.UNLISTED):
        return True
    if memorial.visibility == Memorial.Visibility.MEMBERS:
        return access.authenticated
    return access.invited  # invite-only


def can_edit_memorial(access: Access) -> bool:
    return access.role in EDIT_ROLES


def can_manage_stewards(access: Access) -> bool:
    return access.role == Steward.Role.OWNER


def can_moderate_tributes(access: Access) -> bool:
    return access.role in TRIBUTE_ROLES or access.legacy_contact


def can_steward_change_tribute(tribute: Tribute) -> bool:
    """A tribute the site's moderators hid stays hidden whatever the stewards decide."""
    return not tribute.hidden_by_site


def can_hide_reported_tribute(access: Access, current: str, wanted: str) -> bool:
    """The site's moderators, acting on a member's report, may hide an approved tribute or show again a hidden
    one; approving or rejecting waiting tributes stays with the stewards."""
    return access.moderator and {current, wanted} == {Tribute.State.APPROVED, Tribute.State.HIDDEN}


def can_read_steward_log(access: Access) -> bool:
    return access.steward


def _open_to_new_things(memorial: Memorial) -> bool:
    return memorial.state == Memorial.State.PUBLISHED and memorial.hidden_at is None


def can_write_tribute(access: Access, memorial: Memorial) -> bool:
    if not access.authenticated or not can_view_memorial(access, memorial) or not _open_to_new_things(memorial):
        return False
    if access.steward:
        return True
    if memorial.tributes_locked:
        return False
    if memorial.tribute_access == Memorial.TributeAccess.FOLLOWERS:
        return access.follows or access.invited
    if memorial.tribute_access == Memorial.TributeAccess.INVITED:
        return access.invited
    return True


def tribute_needs_review(access: Access, memorial: Memorial) -> bool:
    """Stewards' own tributes go straight up; others wait when the memorial pre-moderates (the default)."""
    return memorial.tributes_premoderated and not access.steward


def can_give_gesture(access: Access, memorial: Memorial) -> bool:
    return access.authenticated and can_view_memorial(access, memorial) and _open_to_new_things(memorial)


def can_follow_memorial(access: Access, memorial: Memorial) -> bool:
    return access.authenticated and can_view_memorial(access, memorial) and memorial.state != Memorial.State.DRAFT


def can_dispute_memorial(access: Access, memorial: Memorial) -> bool:
    """A living member who finds a memorial about them. Its own stewards have other ways to act."""
    return access.authenticated and not access.steward and can_view_memorial(access, memorial)


def can_share_last_words(access: Access, memorial: Memorial) -> bool:
    """Resharing the last words as a post: only for memorials anyone may see and link to."""
    return (
        access.authenticated
        and memorial.state == Memorial.State.PUBLISHED
        and memorial.hidden_at is None
        and memorial.visibility in (Memorial.Visibility.PUBLIC, Memorial.Visibility.UNLISTED)
    )

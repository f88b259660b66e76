"""Memorial stewards as matrix roles (reconfort/memorials/policies.py): besides the owner, an `editor` (edits the
memorial, moderates tributes) and a `tribute_moderator` (moderates tributes only).

They are members of the world only in the rows that act as them (check_row seats the row's role first), so the
other rows build no extra accounts; every memorial a scene makes then has them as accepted stewards.
"""

from __future__ import annotations

from reconfort.memorials import services as memorial_services

STEWARD_ROLES = ("editor", "tribute_moderator")


def seat_stewards(w, memorial) -> None:
    """Make the world's steward roles (if any) accepted stewards of this memorial, in their role."""
    for role, user in w.stewards().items():
        memorial_services.steward_invite(w["owner"], memorial, user, role)
        memorial_services.steward_accept(user, memorial)

"""Who may be suggested to whom, and who may answer a request. Pure functions over already-loaded state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ties:
    """What stands between two members, computed once by the selectors."""

    blocked_either_way: bool = False
    muted_either_way: bool = False
    memorialised: bool = False
    linked: bool = False  # any earlier request, answer or dismissal between them


def can_be_paired(viewer, other, ties: Ties) -> bool:
    """Never oneself, never across a block or a mute (either way), never a memorialised, suspended or unapproved
    account, and never twice (a declined, dismissed or unanswered pair is not suggested again)."""
    if not viewer.is_authenticated or viewer.pk == other.pk:
        return False
    if not (other.is_active and other.approved and other.suspended_at is None):
        return False
    return not (ties.blocked_either_way or ties.muted_either_way or ties.memorialised or ties.linked)


def can_answer_request(viewer, link, ties: Ties) -> bool:
    """Only the person asked answers, and never across a block or a mute, nor to a memorialised account."""
    return (
        viewer.is_authenticated
        and link.recipient_id == viewer.pk
        and link.state == link.State.PENDING
        and not (ties.blocked_either_way or ties.muted_either_way or ties.memorialised)
    )

"""The comfort queue's order, as plain functions (no Django), shared by the selectors and bench/comfort_simulation.py.

Highest risk first (lower `risk` is more urgent, as in moderation); then those with fewer kind replies (nobody has
answered them yet, before a second or third reply to someone already answered); then the one who has waited
longest.
"""

from __future__ import annotations

# The same order for the database (selectors) and in memory (the simulation).
QUEUE_ORDER = ("risk", "kind_replies", "created_at", "id")


def queue_key(risk: int, kind_replies: int, created_at, ident: int = 0) -> tuple:
    """Sort key of a waiting request: most urgent, then least answered, then oldest, then first written."""
    return (risk, kind_replies, created_at, ident)


def is_waiting(*, kind_replies: int, comforted: bool, enough: int) -> bool:
    """A request stays in the queue until it has `enough` kind replies or the asker feels comforted."""
    return not comforted and kind_replies < enough


def claim_is_open(*, expires_at, now) -> bool:
    return expires_at > now

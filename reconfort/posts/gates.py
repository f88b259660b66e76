"""Checks that higher apps add to writing a post, without posts importing them.

Comfort, for instance, refuses a private message from a comforter to an asker who did not start one. A check is
registered in the higher app's AppConfig.ready() and raises a ServiceError (or Forbidden) to refuse the post; it
runs inside post_create before anything is written, so a refused post changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Draft:
    """What a check may look at: the post about to be written."""

    author: object
    text: str
    kind: str
    visibility: str
    parent: object | None  # the post replied to, if any
    mentioned: list = field(default_factory=list)  # the accounts mentioned (for direct posts: the recipients)


Check = Callable[[Draft], None]
_checks: list[Check] = []


def register_check(check: Check) -> None:
    if check not in _checks:
        _checks.append(check)


def run_checks(draft: Draft) -> None:
    for check in list(_checks):
        check(draft)

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


# Screens (comfort guard, issue 6): a reply that a screen finds suspect, or that the post's reply policy wants the
# author to approve, is written with `held=True`. Only its writer sees it until the author (or a steward) approves
# it. A screen returns a Hold (why) or None; it must not write anything.
@dataclass(frozen=True)
class Hold:
    code: str  # e.g. "not_followed", "suspect"
    message: str  # shown to the writer
    nudge: bool = False  # the web form first asks the writer to reconsider (a kindness nudge)
    # What a screen of the words found, for whoever decides (e.g. "hostility", "spam"); never shown to the writer.
    reasons: tuple[str, ...] = ()


Screen = Callable[[Draft], "Hold | None"]
_screens: list[Screen] = []


def register_screen(screen: Screen) -> None:
    if screen not in _screens:
        _screens.append(screen)


def run_screens(draft: Draft) -> list[Hold]:
    """Every reason to hold this draft (empty: it is shown at once)."""
    return [hold for screen in list(_screens) if (hold := screen(draft)) is not None]


# Edits (comfort guard): a reply is screened again when its writer edits it. What it says may change; who wrote it
# does not, so only what the words say is asked again. An edit screen returns a Hold when the new text must wait
# (again) for the author's approval; post_edit then holds the reply. It must not write anything.
_edit_screens: list[Screen] = []


def register_edit_screen(screen: Screen) -> None:
    if screen not in _edit_screens:
        _edit_screens.append(screen)


def run_edit_screens(draft: Draft) -> list[Hold]:
    return [hold for screen in list(_edit_screens) if (hold := screen(draft)) is not None]

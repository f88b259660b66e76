"""How close two kindred profiles are, and why, in words (pure functions, no queries).

The score is transparent (docs/decisions/0034-kindred-and-humain.md):
- a common language is required (people must be able to talk), and the same kind of loss is required;
- same kind of loss: 40 points;
- same time (this year / one to three years / longer): 30 points; neighbouring times: 15 points;
- same cause, when both let it be used for matching: 20 points;
- same region, when both gave one: 10 points.
Pairs below settings.RECONFORT_KINDRED_MIN_SCORE are not suggested.

Each explanation is a list of whole sentences, each translated as a whole (never a sentence glued from pieces):
one sentence for the loss and its time, then optional sentences for a cause both chose to name, the region and the
language. A cause is named only when both chose to let it be named (`CauseUse.SHARE`), never suicide.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import SINCE_ORDER, Cause, CauseUse, KindredProfile, Loss, Since

LOSS_POINTS = 40
SAME_TIME_POINTS = 30
NEAR_TIME_POINTS = 15
CAUSE_POINTS = 20
REGION_POINTS = 10


@dataclass(frozen=True)
class Facets:
    """A profile's facets read as plain values (scoring hundreds of candidates without building model instances).
    Same attributes as KindredProfile for what the score and the explanation read."""

    user_id: int
    loss: str
    since: str
    languages: list
    region: str
    region_key: str
    cause: str
    cause_use: str

    FIELDS = ("user_id", "loss", "since", "languages", "region", "region_key", "cause", "cause_use")

    @property
    def cause_for_matching(self) -> str:
        return self.cause if self.cause and self.cause_use in (CauseUse.MATCH, CauseUse.SHARE) else ""

    @property
    def cause_to_name(self) -> str:
        if self.cause_use == CauseUse.SHARE and self.cause not in ("", Cause.SUICIDE):
            return self.cause
        return ""


def region_key(region: str) -> str:
    decomposed = unicodedata.normalize("NFKD", region or "")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def shared_languages(a: KindredProfile | Facets, b: KindredProfile | Facets) -> list[str]:
    theirs = set(b.languages or [])
    return [lang for lang in (a.languages or []) if lang in theirs]


def score(a: KindredProfile | Facets, b: KindredProfile | Facets) -> int:
    """0 when they cannot be paired (no common language, another kind of loss), else 40 to 100."""
    if a.loss != b.loss or not shared_languages(a, b):
        return 0
    points = LOSS_POINTS
    gap = abs(SINCE_ORDER.get(a.since, 9) - SINCE_ORDER.get(b.since, 9))
    if gap == 0:
        points += SAME_TIME_POINTS
    elif gap == 1:
        points += NEAR_TIME_POINTS
    cause = a.cause_for_matching
    if cause and cause == b.cause_for_matching:
        points += CAUSE_POINTS
    if a.region_key and a.region_key == b.region_key:
        points += REGION_POINTS
    return points


# One whole sentence per kind of loss and time: (loss, since) -> sentence; (loss, None) when the times differ.
LOSS_SENTENCES = {
    (Loss.PARENT, Since.THIS_YEAR): _("You have both lost a parent this year."),
    (Loss.PARENT, Since.ONE_TO_THREE): _("You have both lost a parent one to three years ago."),
    (Loss.PARENT, Since.LONGER): _("You have both lost a parent more than three years ago."),
    (Loss.PARENT, None): _("You have both lost a parent."),
    (Loss.CHILD, Since.THIS_YEAR): _("You have both lost a child this year."),
    (Loss.CHILD, Since.ONE_TO_THREE): _("You have both lost a child one to three years ago."),
    (Loss.CHILD, Since.LONGER): _("You have both lost a child more than three years ago."),
    (Loss.CHILD, None): _("You have both lost a child."),
    (Loss.PARTNER, Since.THIS_YEAR): _("You have both lost your partner this year."),
    (Loss.PARTNER, Since.ONE_TO_THREE): _("You have both lost your partner one to three years ago."),
    (Loss.PARTNER, Since.LONGER): _("You have both lost your partner more than three years ago."),
    (Loss.PARTNER, None): _("You have both lost your partner."),
    (Loss.SIBLING, Since.THIS_YEAR): _("You have both lost a brother or a sister this year."),
    (Loss.SIBLING, Since.ONE_TO_THREE): _("You have both lost a brother or a sister one to three years ago."),
    (Loss.SIBLING, Since.LONGER): _("You have both lost a brother or a sister more than three years ago."),
    (Loss.SIBLING, None): _("You have both lost a brother or a sister."),
    (Loss.FRIEND, Since.THIS_YEAR): _("You have both lost a close friend this year."),
    (Loss.FRIEND, Since.ONE_TO_THREE): _("You have both lost a close friend one to three years ago."),
    (Loss.FRIEND, Since.LONGER): _("You have both lost a close friend more than three years ago."),
    (Loss.FRIEND, None): _("You have both lost a close friend."),
    (Loss.PET, Since.THIS_YEAR): _("You have both lost a pet this year."),
    (Loss.PET, Since.ONE_TO_THREE): _("You have both lost a pet one to three years ago."),
    (Loss.PET, Since.LONGER): _("You have both lost a pet more than three years ago."),
    (Loss.PET, None): _("You have both lost a pet."),
    (Loss.PERINATAL, Since.THIS_YEAR): _("You have both lost a baby, during pregnancy or around birth, this year."),
    (Loss.PERINATAL, Since.ONE_TO_THREE): _(
        "You have both lost a baby, during pregnancy or around birth, one to three years ago."
    ),
    (Loss.PERINATAL, Since.LONGER): _(
        "You have both lost a baby, during pregnancy or around birth, more than three years ago."
    ),
    (Loss.PERINATAL, None): _("You have both lost a baby, during pregnancy or around birth."),
    (Loss.LOVED_ONE_ILLNESS, Since.THIS_YEAR): _(
        "You are both living through the illness of someone you love, since this year."
    ),
    (Loss.LOVED_ONE_ILLNESS, Since.ONE_TO_THREE): _(
        "You are both living through the illness of someone you love, for one to three years."
    ),
    (Loss.LOVED_ONE_ILLNESS, Since.LONGER): _(
        "You are both living through the illness of someone you love, for more than three years."
    ),
    (Loss.LOVED_ONE_ILLNESS, None): _("You are both living through the illness of someone you love."),
    (Loss.OWN_ILLNESS, Since.THIS_YEAR): _("You are both living with an illness, since this year."),
    (Loss.OWN_ILLNESS, Since.ONE_TO_THREE): _("You are both living with an illness, for one to three years."),
    (Loss.OWN_ILLNESS, Since.LONGER): _("You are both living with an illness, for more than three years."),
    (Loss.OWN_ILLNESS, None): _("You are both living with an illness."),
    (Loss.OTHER, Since.THIS_YEAR): _("You have both lived through a loss this year."),
    (Loss.OTHER, Since.ONE_TO_THREE): _("You have both lived through a loss one to three years ago."),
    (Loss.OTHER, Since.LONGER): _("You have both lived through a loss more than three years ago."),
    (Loss.OTHER, None): _("You have both lived through a loss."),
}

CAUSE_SENTENCES = {
    Cause.CANCER: _("Cancer is part of both your stories."),
    Cause.ACCIDENT: _("An accident is part of both your stories."),
    Cause.ILLNESS: _("An illness is part of both your stories."),
}

NEAR_TIME_SENTENCE = _("It happened at about the same time for both of you.")
# Formatted when shown, in the reader's language (a lazy string formatted with % would be translated at once).
REGION_SENTENCE = lazy(
    lambda region: gettext("You both live in the same region (%(region)s).") % {"region": region}, str
)
LANGUAGE_SENTENCES = {
    ("fr",): _("You can talk in French."),
    ("en",): _("You can talk in English."),
    ("en", "fr"): _("You can talk in French or in English."),
}


def explanation(viewer: KindredProfile | Facets, other: KindredProfile | Facets) -> list[str]:
    """Why these two are suggested to each other, as the viewer reads it (lazy strings, whole sentences)."""
    if not score(viewer, other):
        return []
    same_time = viewer.since == other.since
    sentences = [LOSS_SENTENCES[(viewer.loss, viewer.since if same_time else None)]]
    if not same_time and abs(SINCE_ORDER[viewer.since] - SINCE_ORDER[other.since]) == 1:
        sentences.append(NEAR_TIME_SENTENCE)
    named = viewer.cause_to_name
    if named and named == other.cause_to_name and named in CAUSE_SENTENCES:
        sentences.append(CAUSE_SENTENCES[named])
    if viewer.region_key and viewer.region_key == other.region_key:
        sentences.append(REGION_SENTENCE(viewer.region))
    languages = tuple(sorted(shared_languages(viewer, other)))
    if languages in LANGUAGE_SENTENCES:
        sentences.append(LANGUAGE_SENTENCES[languages])
    return sentences


@dataclass(frozen=True)
class Suggestion:
    account: object  # the other person (their facets are never shown as such: only the explanation is)
    score: int
    reasons: list

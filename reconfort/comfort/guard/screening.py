"""Screening of replies for hostility, mockery, slurs, spam and unsolicited proselytising, in French and English.

Offline and explainable: the text is normalised (accents, case, leetspeak, repeated letters, spaced-out letters),
then matched against weighted lexicons kept as data files in `lexicon/<category>.txt`; the weights of every
distinct match are summed and compared with settings.RECONFORT_GUARD_HOLD_SCORE. A "kindness" lexicon carries
small negative weights (condolences, "not your fault") so a kind reply that quotes a harsh word is not held.

Lexicon line format: `<weight> <term>`; a term ending in `*` matches any word starting with it. `re:<regex>` is a
regular expression on the normalised text (write it with doubled letters if you like: they are collapsed as in the
text); `raw:<regex>` is matched on the lower-cased original, for links and numbers. Terms are normalised exactly
like the text, so they can be written naturally.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings

DATA_DIR = Path(__file__).resolve().parent / "lexicon"
CATEGORIES = ("hostility", "mockery", "slur", "spam", "proselytising", "kindness")
KINDNESS_FLOOR = -0.6  # kindness lowers a score by this much at most

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e"})
MENTION = re.compile(r"(?<![\w@])@[a-z0-9_]+(?:@[a-z0-9.\-]+)?")
# Letters split by separators: "c o n n a r d" (four letters or more, so French "il y a" stays), "i.d.i.o.t",
# "c-o-n" (three or more).
SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$] {1,2}){3,}[a-z0-9@$](?![a-z0-9])")
DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$] ?[.\-_*·/|+] ?){2,}[a-z0-9@$](?![a-z0-9])")
INNER_SEPARATOR = re.compile(r"(?<=[a-z])[._·|]+(?=[a-z])")
# A star standing for a letter ("sc*m", "p*te"): every vowel is tried, the variants are added to the text.
STARRED = re.compile(r"[a-z]*\*+[a-z*]*")
NUMBER_WITH_UNIT = re.compile(r"^\d+(?:[a-z]{1,3})$")  # "10kg", "24h", "3am": not leetspeak
REPEATS = re.compile(r"([a-z])\1+")
NON_WORD = re.compile(r"[^a-z0-9\s]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _leet_token(token: str) -> str:
    """Leetspeak only inside words that have letters ("c0nn4rd"), never in numbers ("3114", "24 h", "10kg")."""
    if not any(c.isalpha() for c in token) or NUMBER_WITH_UNIT.match(token):
        return token
    token = re.sub(r"(?<=[a-z])!(?=[a-z])", "i", token)  # "b!tch"
    return token.translate(LEET)


def _unstar(match: re.Match) -> str:
    word = match.group(0)
    if not word.strip("*") or len(word) < 3:
        return " "
    return " ".join(word.replace("*", vowel) for vowel in "aeiou")


def normalise(text: str) -> str:
    """Lower-case, accent-free, leetspeak undone, separators inside words removed, repeated letters collapsed."""
    text = _strip_accents(text or "").lower()
    text = text.replace("’", "'").replace("œ", "oe").replace("æ", "ae")
    text = MENTION.sub(" ", text)
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    text = DOTTED.sub(lambda m: re.sub(r"[ .\-_*·/|+]", "", m.group(0)), text)
    text = SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    text = " ".join(_leet_token(t) for t in text.split())
    text = INNER_SEPARATOR.sub("", text)
    text = STARRED.sub(_unstar, text)
    text = text.replace("'", " ").replace("-", " ")
    text = NON_WORD.sub(" ", text)
    text = REPEATS.sub(r"\1", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Rule:
    category: str
    weight: float
    pattern: re.Pattern
    raw: bool  # matched on the lower-cased original text (links, numbers) instead of the normalised one
    label: str


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    loaded: list[Rule] = []
    seen: set[tuple[str, str]] = set()
    for category in CATEGORIES:
        path = DATA_DIR / f"{category}.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            weight_text, _space, term = line.partition(" ")
            term = term.strip()
            weight = float(weight_text)
            if term.startswith("raw:"):
                loaded.append(Rule(category, weight, re.compile(term[4:]), True, term))
            elif term.startswith("re:"):
                # Written like the words they match ("souffrir"); the text has its doubled letters collapsed.
                loaded.append(Rule(category, weight, re.compile(REPEATS.sub(r"\1", term[3:])), False, term))
            else:
                prefix = term.endswith("*")
                words = normalise(term.rstrip("*"))
                if not words:
                    continue
                regex = r"(?<![a-z0-9])" + re.escape(words) + (r"[a-z]*" if prefix else r"(?![a-z0-9])")
                if (category, regex) in seen:  # two spellings that normalise alike count once
                    continue
                seen.add((category, regex))
                loaded.append(Rule(category, weight, re.compile(regex), False, term))
    return tuple(loaded)


@dataclass
class Verdict:
    score: float = 0.0
    by_category: dict[str, float] = field(default_factory=dict)
    matches: list[str] = field(default_factory=list)

    @property
    def suspect(self) -> bool:
        return self.score >= settings.RECONFORT_GUARD_HOLD_SCORE

    @property
    def categories(self) -> list[str]:
        return sorted((c for c, s in self.by_category.items() if c != "kindness" and s > 0), key=lambda c: c)


def screen_text(text: str) -> Verdict:
    """Score a reply. Each rule counts once, however often it matches."""
    normalised = " " + normalise(text) + " "
    raw = (text or "").lower()
    verdict = Verdict()
    kindness = 0.0
    for rule in rules():
        if rule.pattern.search(raw if rule.raw else normalised):
            if rule.category == "kindness":
                kindness += rule.weight
            else:
                verdict.by_category[rule.category] = verdict.by_category.get(rule.category, 0.0) + rule.weight
            verdict.matches.append(f"{rule.category}:{rule.label}")
    harsh = sum(verdict.by_category.values())
    if kindness:
        verdict.by_category["kindness"] = max(kindness, KINDNESS_FLOOR)
    verdict.score = round(harsh + (max(kindness, KINDNESS_FLOOR) if harsh else 0.0), 3)
    return verdict

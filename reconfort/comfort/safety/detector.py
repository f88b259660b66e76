"""Offline detection of words that express a risk of suicide or self-harm, in French and English.

No model and nothing downloaded: the text is normalised (case, accents, typographic apostrophes, elisions such as
« j' » and « t' », contractions such as "don't", repeated letters, a few chat spellings such as « jveux » or "kms"),
then matched against patterns kept as data in `patterns/<language>.toml`:

- `safe` patterns are figures of speech and negations (« ce film m'a tué », « mort de rire », "I'd kill for a
  coffee", « je ne veux pas mourir »); what they match is blanked out before anything else is looked for;
- `risk`, `plan` and `distress` patterns each add their group's weight once per distinct pattern that matches;
- a text is at risk when its score reaches RECONFORT_SAFETY_RISK_THRESHOLD (a setting, 3 by default: one `risk`
  pattern alone, or a `plan` with some `distress`).

Patterns are regular expressions written in plain French or English: they are normalised like the text when
loaded (accents, elisions, repeated letters), so « me foutre en l'air » matches "me foutre en l air" and
"ME FOUTRE EN L’AIIIR". The labelled set in `data/labelled_messages.jsonl` measures recall and false panels.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"
GROUPS = ("risk", "plan", "distress")
DEFAULT_THRESHOLD = 3

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘`´ʼ′‛"})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# English contractions, before the French elisions (so "i'm" never reads as « i me »).
_CONTRACTIONS = (
    ("can't", "can not"),
    ("won't", "will not"),
    ("n't", " not"),
    ("i'm", "i am"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("i'd", "i would"),
    ("'d", " would"),
)
_ELISION = re.compile(r"\b(j|t|m|s|l|d|n|c|qu|jusqu|lorsqu|puisqu)'")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s"})
_LEET_INSIDE = re.compile(r"(?<=[a-z])[0134@$]+(?=[a-z])")
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")
_TEXT_REPEATS = re.compile(r"([a-z])\1+")
# In a pattern, a letter right after a backslash is an escape (\b, \s): never merged with the next one.
_PATTERN_REPEATS = re.compile(r"(?<!\\)([a-z])\1+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _common(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower().translate(_LIGATURES)
    text = _strip_accents(text)
    for contraction, full in _CONTRACTIONS:
        text = text.replace(contraction, full)
    return _ELISION.sub(r"\1e ", text)


@cache
def _spellings() -> dict[str, str]:
    """Chat spellings (« jveux », "kms") → their words, from patterns/spellings.toml."""
    data = tomllib.loads((PATTERNS_DIR / "spellings.toml").read_text(encoding="utf-8"))
    return {_TEXT_REPEATS.sub(r"\1", k): _TEXT_REPEATS.sub(r"\1", v) for k, v in data["spellings"].items()}


def normalise(text: str) -> str:
    """Lower case, no accents, elisions and contractions spelt out, one letter for a repeated one, words separated
    by single spaces, with a space at both ends (so patterns may use " word " for whole words)."""
    text = _common(text or "")
    text = _LEET_INSIDE.sub(lambda m: m.group(0).translate(_LEET), text)
    text = _NOT_WORD.sub(" ", text).replace("'", " ")
    text = _TEXT_REPEATS.sub(r"\1", text)
    spellings = _spellings()
    words = [spellings.get(w, w) for w in _SPACES.split(text) if w]
    return " " + " ".join(words) + " "


def normalise_pattern(source: str) -> str:
    """A pattern as written in the data file → the form that matches normalised text."""
    source = _common(source).replace("'", " ")
    return _PATTERN_REPEATS.sub(r"\1", source)


@dataclass(frozen=True)
class PatternSet:
    safe: tuple[re.Pattern, ...]
    groups: dict[str, tuple[tuple[str, int, re.Pattern], ...]]  # group → (label, weight, pattern)
    caps: dict[str, int]  # group → the most it may add to a score (no cap when absent)


@dataclass
class Assessment:
    score: int
    at_risk: bool
    matched: list[str] = field(default_factory=list)  # labels such as "fr.risk.3": never the text itself


def _compile(source: str, where: str) -> re.Pattern:
    if re.search(r"\\[A-Z]", source):  # patterns are lowered like the text: \S, \W, \B would change meaning
        raise ValueError(f"{where}: upper-case escapes are not allowed in {source!r}")
    try:
        return re.compile(normalise_pattern(source))
    except re.error as exc:  # a broken data file must fail loudly at load, not silently never match
        raise ValueError(f"{where}: invalid pattern {source!r}: {exc}") from exc


def load_file(path: Path) -> tuple[list[re.Pattern], dict[str, list], dict[str, int]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    language = path.stem
    safe = [_compile(p, f"{path.name} safe") for p in data.get("safe", {}).get("patterns", [])]
    groups: dict[str, list] = {}
    caps: dict[str, int] = {}
    for group in GROUPS:
        section = data.get(group, {})
        weight = int(section.get("weight", 0))
        if "max" in section:
            caps[group] = int(section["max"])
        groups[group] = [
            (f"{language}.{group}.{i}", weight, _compile(p, f"{path.name} {group}"))
            for i, p in enumerate(section.get("patterns", []))
        ]
    return safe, groups, caps


@cache
def patterns() -> PatternSet:
    """Every language's patterns together: a post's language is not always set, and people mix them."""
    safe: list[re.Pattern] = []
    groups: dict[str, list] = {g: [] for g in GROUPS}
    caps: dict[str, int] = {}
    for path in sorted(PATTERNS_DIR.glob("*.toml")):
        if path.stem == "spellings":
            continue
        file_safe, file_groups, file_caps = load_file(path)
        safe += file_safe
        for group, entries in file_groups.items():
            groups[group] += entries
        for group, cap in file_caps.items():
            caps[group] = min(cap, caps.get(group, cap))
    return PatternSet(safe=tuple(safe), groups={g: tuple(e) for g, e in groups.items()}, caps=caps)


def threshold() -> int:
    return int(getattr(settings, "RECONFORT_SAFETY_RISK_THRESHOLD", DEFAULT_THRESHOLD))


def assess(text: str) -> Assessment:
    """Score one text. Pure and fast (a few dozen regular expressions over a short string)."""
    normalised = normalise(text)
    found = patterns()
    for pattern in found.safe:
        normalised = pattern.sub(" ~ ", normalised)
    score, matched = 0, []
    for group in GROUPS:
        added = 0
        for label, weight, pattern in found.groups[group]:
            if pattern.search(normalised):
                added += weight
                matched.append(label)
        score += min(added, found.caps.get(group, added))
    return Assessment(score=score, at_risk=score >= threshold(), matched=matched)


def expresses_risk(text: str) -> bool:
    return assess(text).at_risk

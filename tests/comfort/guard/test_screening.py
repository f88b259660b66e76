"""The screening of replies: the normaliser's tricks, and the evaluation on the labelled FR/EN set (issue 6)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from reconfort.comfort.guard.screening import normalise, screen_text

LABELLED = Path(__file__).resolve().parents[3] / "reconfort/comfort/guard/labelled/labelled_replies.jsonl"


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("C o n n a r d !", "conard"),  # spaced letters joined, repeated letters collapsed
        ("i.d.i.o.t", "idiot"),
        ("t'es un c0nnnnnard", "t es un conard"),  # leetspeak
        ("Élodie, je pense à toi", "elodie je pense a toi"),  # accents
        ("Il y a 3 ans, à 14 h", "il y a 3 ans a 14 h"),  # short words and plain numbers untouched
        ("Appelez le 3114", "apelez le 3114"),
        ("b!tch", "bitch"),
        ("$alope", "salope"),
        ("Ferme-la", "ferme la"),
    ],
)
def test_normalise(written, normalised):
    assert normalise(written) == normalised


def test_a_starred_letter_is_tried_with_every_vowel():
    assert "scum" in normalise("sc*m").split()


@pytest.mark.parametrize(
    "text",
    [
        "k y s",
        "F.a.g",
        "Sale p.d",
        "T'es qu'une c0nnasse",
        "lol get over it",
        "Repens-toi, pécheur",
        "DM me on Telegram",
    ],
)
def test_disguised_hostility_and_spam_are_suspect(text, settings):
    settings.RECONFORT_GUARD_HOLD_SCORE = 1.0
    assert screen_text(text).suspect


@pytest.mark.parametrize(
    "text",
    [
        "Ça me crève le cœur, je suis là.",
        "It was not your fault.",
        "Allah y rahmou, courage à toute la famille.",
        "Une gerbe de fleurs de notre part sera à la cérémonie.",
        "En France, le 3114 répond jour et nuit.",
    ],
)
def test_kind_words_that_look_harsh_are_not(text, settings):
    settings.RECONFORT_GUARD_HOLD_SCORE = 1.0
    assert not screen_text(text).suspect


def test_the_threshold_is_a_setting(settings):
    settings.RECONFORT_GUARD_HOLD_SCORE = 100.0
    assert not screen_text("Kill yourself, idiot").suspect


def test_labelled_set_recall_and_false_holds(settings):
    """≥ 95 % of hostile and spam replies held, ≤ 5 % of kind and clumsy-but-kind ones."""
    settings.RECONFORT_GUARD_HOLD_SCORE = 1.0
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = Counter(row["label"] for row in rows)
    assert len(rows) >= 400 and set(counts) == {"kind", "clumsy_but_kind", "hostile", "spam"}
    assert {row["language"] for row in rows} == {"fr", "en"}
    harmful = [row for row in rows if row["label"] in ("hostile", "spam")]
    gentle = [row for row in rows if row["label"] in ("kind", "clumsy_but_kind")]
    held_harmful = sum(screen_text(row["text"]).suspect for row in harmful)
    held_gentle = sum(screen_text(row["text"]).suspect for row in gentle)
    recall, false_holds = held_harmful / len(harmful), held_gentle / len(gentle)
    by_language = {
        lang: sum(screen_text(r["text"]).suspect for r in harmful if r["language"] == lang)
        / sum(1 for r in harmful if r["language"] == lang)
        for lang in ("fr", "en")
    }
    print(
        f"\nlabelled set: {len(rows)} replies {dict(counts)}; recall on hostile+spam {recall:.1%} "
        f"({held_harmful}/{len(harmful)}; fr {by_language['fr']:.1%}, en {by_language['en']:.1%}); "
        f"false holds on kind+clumsy {false_holds:.1%} ({held_gentle}/{len(gentle)})"
    )
    assert recall >= 0.95
    assert false_holds <= 0.05

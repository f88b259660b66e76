"""The risk detector: normalisation, the phrases of the brief, and the labelled set's evaluation."""

import json
from collections import Counter
from pathlib import Path

import pytest

from reconfort.comfort.safety import detector

DATA = Path(detector.__file__).resolve().parent / "data" / "labelled_messages.jsonl"
LABELS = {"risk", "distress_no_risk", "figure_of_speech", "ordinary"}


def test_normalise_case_accents_elisions_repeats_and_chat_spellings():
    assert detector.normalise("J’AI envie de MOURIIIIR !!!") == " je ai envie de mourir "
    assert detector.normalise("t'es là ? l'air") == " te es la le air "
    assert detector.normalise("I don't WANNA") == " i do not want to "
    assert detector.normalise("jveux") == " je veux "
    assert detector.normalise("kms") == " kil myself "
    assert detector.normalise("m0urir") == " mourir "


@pytest.mark.parametrize(
    "text",
    [
        "Je veux en finir.",
        "j'ai envie de mourir",
        "Je pense à me foutre en l'air",
        "ME FOUTRE EN L’AIIIR",
        "I want to kill myself",
        "I don't want to be here anymore",
        "I'm going to end it all",
        "I've been hoarding my sleeping pills",
        "J'ai stocké des cachets, au cas où.",
    ],
)
def test_risk_phrases_are_found(text):
    assert detector.assess(text).at_risk, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "J'en ai fini avec ce livre",
        "Ce film m'a tué",
        "mort de rire",
        "This traffic is killing me",
        "I'd kill for a coffee",
        "Je ne veux pas mourir, j'ai besoin qu'on m'écoute",
        "I don't want to die",
        "I'm not suicidal, just sad",
        "Je veux en finir avec ce dossier avant vendredi",
        "Mon père s'est suicidé il y a trois ans",
        "Cette chaleur va me tuer",
        "la maladie dont il souffre",
    ],
)
def test_figures_of_speech_negations_and_grief_are_not_risk(text):
    assert not detector.assess(text).at_risk, detector.assess(text)


def test_distress_alone_never_reaches_the_threshold():
    text = "J'en peux plus, plus la force, à quoi bon, plus aucun sens, personne ne me comprend"
    assessment = detector.assess(text)
    assert assessment.matched and not assessment.at_risk


def test_threshold_is_a_setting(settings):
    settings.RECONFORT_SAFETY_RISK_THRESHOLD = 2
    assert detector.assess("J'ai des idées noires").at_risk
    settings.RECONFORT_SAFETY_RISK_THRESHOLD = 3
    assert not detector.assess("J'ai des idées noires").at_risk


def test_matched_names_patterns_never_the_text():
    assessment = detector.assess("I want to kill myself")
    assert assessment.matched and all(m.startswith(("en.", "fr.")) for m in assessment.matched)
    assert not any("kill" in m for m in assessment.matched)


def test_broken_pattern_files_fail_loudly(tmp_path):
    bad = tmp_path / "xx.toml"
    bad.write_text('[risk]\nweight = 3\npatterns = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="invalid pattern"):
        detector.load_file(bad)
    bad.write_text('[risk]\nweight = 3\npatterns = ["\\\\S+"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="upper-case"):
        detector.load_file(bad)


def _labelled() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_labelled_set_is_big_varied_and_well_formed():
    rows = _labelled()
    assert len(rows) >= 300
    assert {r["label"] for r in rows} == LABELS
    assert {r["language"] for r in rows} == {"fr", "en"}
    assert len({r["text"] for r in rows}) == len(rows), "duplicates"
    per = Counter((r["language"], r["label"]) for r in rows)
    assert all(per[(lang, label)] >= 20 for lang in ("fr", "en") for label in LABELS), per


def test_labelled_set_recall_on_risk_and_false_panels():
    rows = _labelled()
    risk = [r for r in rows if r["label"] == "risk"]
    others = [r for r in rows if r["label"] != "risk"]
    missed = [r["text"] for r in risk if not detector.assess(r["text"]).at_risk]
    panels = [(r["label"], r["text"]) for r in others if detector.assess(r["text"]).at_risk]
    recall = 1 - len(missed) / len(risk)
    false_rate = len(panels) / len(others)
    by_label = Counter(label for label, _ in panels)
    print(
        f"\nsafety detector on {len(rows)} labelled messages: recall on risk {recall:.1%} ({len(risk)}), "
        f"false panels {false_rate:.1%} ({len(others)}; {dict(by_label)})"
    )
    assert recall >= 0.95, missed
    assert false_rate <= 0.10, panels

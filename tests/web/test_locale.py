"""The French catalogue is complete: every string has a translation, none is fuzzy, and it is compiled."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

import reconfort

LOCALE = Path(reconfort.__file__).parent / "locale"
FR_PO = LOCALE / "fr" / "LC_MESSAGES" / "django.po"


def po_entries(path: Path) -> list[dict]:
    """Parse a .po file into entries: {"flags", "msgid", "msgid_plural", "msgstr": [..]} (header left out)."""
    entries, current, field = [], None, None

    def finish():
        if current is not None and current["msgid"]:
            entries.append(current)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            finish()
            current, field = {"flags": line, "msgid": "", "msgid_plural": "", "msgstr": []}, None
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if match:
            keyword, text = match.groups()
            if keyword in ("msgctxt", "msgid") and (current is None or current["msgstr"]):
                if keyword == "msgid" or current is None or current["msgid"]:
                    finish()
                    current = {"flags": "", "msgid": "", "msgid_plural": "", "msgstr": []}
            if keyword.startswith("msgstr"):
                current["msgstr"].append(text)
                field = ("msgstr", len(current["msgstr"]) - 1)
            else:
                current[keyword] = text
                field = keyword
        elif line.startswith('"') and current is not None:
            text = line[1:-1]
            if isinstance(field, tuple):
                current["msgstr"][field[1]] += text
            elif field:
                current[field] += text
    finish()
    return entries


def test_french_catalogue_has_no_empty_or_fuzzy_translation():
    entries = po_entries(FR_PO)
    assert len(entries) > 300
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    empty = [e["msgid"] for e in entries if not e["msgstr"] or any(not s for s in e["msgstr"])]
    assert fuzzy == []
    assert empty == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is not installed")
def test_compiled_french_catalogue_matches_its_source(tmp_path):
    """The committed .mo is the .po compiled: nobody forgot `compilemessages` after translating."""
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(FR_PO)], check=True)
    with fresh.open("rb") as new, FR_PO.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(new)._catalog


def test_parser_sees_an_empty_translation(tmp_path):
    """Guard for the test above: the parser does report an empty msgstr and a fuzzy flag."""
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "header"\n\nmsgid "Hello"\nmsgstr ""\n\n#, fuzzy\nmsgid "Bye"\nmsgstr "Salut"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    entries = {e["msgid"]: e for e in po_entries(po)}
    assert entries["Hello"]["msgstr"] == [""]
    assert "fuzzy" in entries["Bye"]["flags"]
    assert entries["one"]["msgstr"] == ["un", ""]


@pytest.mark.parametrize(
    "english, french",
    [("Home", "Accueil"), ("Light a candle", "Allumer une bougie"), ("Who comforted you", "Qui vous a réconforté·e")],
)
def test_french_is_active(english, french):
    with translation.override("fr"):
        assert translation.gettext(english) == french
    with translation.override("en"):
        assert translation.gettext(english) == english

"""Helplines are data: every file is loaded and validated; a broken one fails loudly."""

import datetime

import pytest

from reconfort.comfort.safety import helplines

BRIEF_NUMBERS = {
    "FR": {"3114", "09 72 39 40 50"},
    "US": {"988"},
    "CA": {"988"},
    "GB": {"116 123"},
    "IE": {"116 123"},
    "BE": {"0800 32 123", "1813"},
    "CH": {"143"},
}


def test_every_country_file_loads_with_a_checked_date_and_valid_entries():
    files = [p for p in helplines.HELPLINES_DIR.glob("*.toml") if p.name != helplines.DIRECTORY_FILE]
    assert len(files) >= 7
    for path in files:
        country = helplines.parse_country(path)  # raises on any broken rule
        assert isinstance(country.checked, datetime.date) and country.checked <= datetime.date.today()
        assert country.helplines
        for line in country.helplines:
            assert line.name and line.number and line.tel and line.url.startswith("https://")
            assert line.hours_en and line.hours_fr and line.languages


def test_the_numbers_of_the_brief_are_there():
    countries = helplines.countries()
    for code, numbers in BRIEF_NUMBERS.items():
        assert {line.number for line in countries[code].helplines} >= numbers, code


def test_international_directory():
    directory = helplines.directory()
    assert directory.url == "https://findahelpline.com"
    assert isinstance(directory.checked, datetime.date)


@pytest.mark.parametrize(
    "change, message",
    [
        ("checked = 2026-11-24\n", "`checked` must be a date"),
        ('number = "3114"\n', "does not dial"),
        ('languages = ["fr"]\n', "`languages`"),
        ('url = "https://3114.fr"\n', "https://"),
        ('country = "FR"\n', "file's name"),
    ],
)
def test_a_broken_file_is_refused(tmp_path, change, message):
    source = (helplines.HELPLINES_DIR / "fr.toml").read_text(encoding="utf-8")
    broken = {
        "checked = 2026-11-24\n": 'checked = "soon"\n',
        'number = "3114"\n': 'number = "3115"\n',
        'languages = ["fr"]\n': 'languages = ["klingon"]\n',
        'url = "https://3114.fr"\n': 'url = "http://3114.fr"\n',
        'country = "FR"\n': 'country = "BE"\n',
    }[change]
    assert change in source
    path = tmp_path / "fr.toml"
    path.write_text(source.replace(change, broken, 1), encoding="utf-8")
    with pytest.raises(helplines.HelplineDataError, match=message.replace("`", ".")):
        helplines.parse_country(path)


def test_a_checked_date_in_the_future_is_refused(tmp_path):
    source = (helplines.HELPLINES_DIR / "ch.toml").read_text(encoding="utf-8")
    path = tmp_path / "ch.toml"
    path.write_text(source.replace("checked = 2026-11-24", "checked = 2999-01-01"), encoding="utf-8")
    with pytest.raises(helplines.HelplineDataError, match="future"):
        helplines.parse_country(path)


@pytest.mark.parametrize(
    "zone, code",
    [
        ("Europe/Paris", "FR"),
        ("America/Toronto", "CA"),
        ("America/Vancouver", "CA"),
        ("America/Chicago", "US"),
        ("Europe/London", "GB"),
        ("Europe/Dublin", "IE"),
        ("Europe/Brussels", "BE"),
        ("Europe/Zurich", "CH"),
        ("UTC", None),
        ("", None),
    ],
)
def test_country_of_a_time_zone(zone, code):
    assert helplines.country_for_time_zone(zone) == code

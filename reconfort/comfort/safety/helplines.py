"""Helplines as data: one TOML file per country in `helplines/` (names, numbers, hours, languages, and the day
they were checked), plus `international.toml`, the directory for every other country. Loaded once, validated:
a file that breaks a rule fails loudly (tests/comfort/safety/test_helplines.py loads them all).

A member's country: the one they chose on /settings/safety/, else the country of their time zone (from the
tz database's zone.tab: Europe/Paris → FR, America/Toronto → CA), else none (the directory alone).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from django.utils import translation

HELPLINES_DIR = Path(__file__).resolve().parent / "helplines"
DIRECTORY_FILE = "international.toml"
LANGUAGES = {"fr", "en", "nl", "de", "it", "es"}
_NUMBER = re.compile(r"^[0-9][0-9 ]*[0-9]$|^[0-9]$")
_TEL = re.compile(r"^\+?[0-9]{3,15}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
SYSTEM_ZONE_TAB = Path("/usr/share/zoneinfo/zone.tab")


class HelplineDataError(ValueError):
    pass


@dataclass(frozen=True)
class Helpline:
    name: str
    number: str
    tel: str
    sms: str
    hours_en: str
    hours_fr: str
    languages: tuple[str, ...]
    about_en: str
    about_fr: str
    url: str

    @property
    def hours(self) -> str:
        return self.hours_fr if _lang() == "fr" else self.hours_en

    @property
    def about(self) -> str:
        return self.about_fr if _lang() == "fr" else self.about_en


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_fr: str
    emergency: str
    checked: datetime.date
    helplines: tuple[Helpline, ...]

    @property
    def name(self) -> str:
        return self.name_fr if _lang() == "fr" else self.name_en


@dataclass(frozen=True)
class Directory:
    name: str
    url: str
    about_en: str
    about_fr: str
    checked: datetime.date

    @property
    def about(self) -> str:
        return self.about_fr if _lang() == "fr" else self.about_en


def _lang() -> str:
    return (translation.get_language() or "fr")[:2]


def _text(data: dict, key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise HelplineDataError(f"{where}: `{key}` must be a non-empty text")
    return value.strip()


def _checked(data: dict, where: str) -> datetime.date:
    value = data.get("checked")
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise HelplineDataError(f"{where}: `checked` must be a date (checked = 2026-11-24)")
    if value > datetime.date.today() + datetime.timedelta(days=1):
        raise HelplineDataError(f"{where}: `checked` is in the future")
    return value


def _url(data: dict, key: str, where: str) -> str:
    url = _text(data, key, where)
    if not url.startswith("https://"):
        raise HelplineDataError(f"{where}: `{key}` must be an https:// address")
    return url


def _emergency(data: dict, where: str) -> str:
    number = _text(data, "emergency", where)
    if not re.fullmatch(r"[0-9]{3}", number):
        raise HelplineDataError(f"{where}: `emergency` must be the three-digit emergency number")
    return number


def parse_helpline(data: dict, where: str) -> Helpline:
    number, tel = _text(data, "number", where), _text(data, "tel", where)
    sms = _text(data, "sms", where, required=False)
    if not _NUMBER.match(number):
        raise HelplineDataError(f"{where}: `number` {number!r} must be digits and spaces, as it is dialled")
    if not _TEL.match(tel) or (sms and not _TEL.match(sms)):
        raise HelplineDataError(f"{where}: `tel`/`sms` must be digits, optionally after +")
    if tel.lstrip("+") != number.replace(" ", "") and not tel.endswith(number.replace(" ", "").lstrip("0")):
        raise HelplineDataError(f"{where}: `tel` {tel!r} does not dial the `number` {number!r}")
    languages = data.get("languages")
    if not isinstance(languages, list) or not languages or not set(languages) <= LANGUAGES:
        raise HelplineDataError(f"{where}: `languages` must list codes among {sorted(LANGUAGES)}")
    return Helpline(
        name=_text(data, "name", where),
        number=number,
        tel=tel,
        sms=sms,
        hours_en=_text(data, "hours_en", where),
        hours_fr=_text(data, "hours_fr", where),
        languages=tuple(languages),
        about_en=_text(data, "about_en", where),
        about_fr=_text(data, "about_fr", where),
        url=_url(data, "url", where),
    )


def parse_country(path: Path) -> Country:
    where = path.name
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    code = _text(data, "country", where)
    if not _COUNTRY.match(code) or code.lower() != path.stem:
        raise HelplineDataError(f"{where}: `country` must be the file's name in capitals ({path.stem.upper()})")
    entries = data.get("helplines")
    if not isinstance(entries, list) or not entries:
        raise HelplineDataError(f"{where}: at least one [[helplines]] entry is needed")
    return Country(
        code=code,
        name_en=_text(data, "name_en", where),
        name_fr=_text(data, "name_fr", where),
        emergency=_emergency(data, where),
        checked=_checked(data, where),
        helplines=tuple(parse_helpline(e, f"{where} #{i + 1}") for i, e in enumerate(entries)),
    )


def parse_directory(path: Path) -> Directory:
    where = path.name
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Directory(
        name=_text(data, "name", where),
        url=_url(data, "url", where),
        about_en=_text(data, "about_en", where),
        about_fr=_text(data, "about_fr", where),
        checked=_checked(data, where),
    )


@cache
def countries() -> dict[str, Country]:
    """Every country with helplines, by code, in the order of their English names."""
    found = [parse_country(p) for p in sorted(HELPLINES_DIR.glob("*.toml")) if p.name != DIRECTORY_FILE]
    return {c.code: c for c in sorted(found, key=lambda c: c.name_en)}


@cache
def directory() -> Directory:
    return parse_directory(HELPLINES_DIR / DIRECTORY_FILE)


def country_get(code: str | None) -> Country | None:
    return countries().get((code or "").strip().upper())


# --- Country of a time zone -----------------------------------------------------------------------------


def _zone_tab_text() -> str:
    try:  # the tzdata package, when installed, travels with the code
        return (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        pass
    try:
        return SYSTEM_ZONE_TAB.read_text(encoding="utf-8")
    except OSError:
        return ""


@cache
def zone_countries() -> dict[str, str]:
    """Time zone → ISO country code, from zone.tab (e.g. "Europe/Paris" → "FR")."""
    table = {}
    for line in _zone_tab_text().splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            table[parts[2]] = parts[0]
    return table


def country_for_time_zone(time_zone: str | None) -> str | None:
    return zone_countries().get(time_zone or "")

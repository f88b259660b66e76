"""Turning text into search terms: pure functions, the same for the index and for the query.

Accents are dropped before stemming (« deces » and « décès » give the same stem), words are lower-cased, and
the Snowball stemmer of the text's language cuts inflections (« souvenirs » → « souvenir », "memories" →
"memori"). PostgreSQL does the same work itself (unaccent, then its french/english configurations); these
functions serve SQLite's FTS5 index and the in-memory matching of memorials and appeals.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Our two languages and the stemmer (and PostgreSQL text search configuration) each one uses.
CONFIGS = {"fr": "french", "en": "english"}
WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 60


def config_for(language: str, default: str = "fr") -> str:
    """The configuration a text is indexed with: its language's, else the instance's default language's."""
    return CONFIGS.get((language or "")[:2].lower()) or CONFIGS.get(default, "french")


def fold(text: str) -> str:
    """Lower-case, without accents (é → e, ç → c, œ → oe)."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4)
def _stemmer(config: str):
    return snowballstemmer.stemmer(config)


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(fold(text)) if len(w) <= MAX_WORD_LENGTH and w != "_"]


def stems(text: str, config: str) -> list[str]:
    """The stems of a text in one language, in order (what SQLite's index stores)."""
    return _stemmer(config).stemWords(words(text))


def _number_variants(word: str) -> set[str]:
    """Singular and plural spellings: the French Snowball stemmer gives « souvenir » and « souvenirs »
    different stems, so a query looks for both."""
    variants = {word}
    if len(word) > 3 and word[-1] in "sx":
        variants.add(word[:-1])
    elif len(word) > 2:
        variants.add(word + "s")
    return variants


def query_terms(query: str) -> list[set[str]]:
    """For each word of the query (at most MAX_QUERY_WORDS), the stems any of which may match it."""
    result: list[set[str]] = []
    for word in words(query)[:MAX_QUERY_WORDS]:
        alternatives: set[str] = set()
        for variant in _number_variants(word):
            for config in CONFIGS.values():
                alternatives.add(_stemmer(config).stemWord(variant))
        result.append(alternatives)
    return result


def query_words(query: str) -> list[list[str]]:
    """For each word of the query, its singular/plural spellings (PostgreSQL stems them itself)."""
    return [sorted(_number_variants(w)) for w in words(query)[:MAX_QUERY_WORDS]]


def matches(terms: list[set[str]], text_stems: set[str]) -> int:
    """0 when one query word is missing from the text, else how many of the text's stems the query hit."""
    hits = 0
    for alternatives in terms:
        found = alternatives & text_stems
        if not found:
            return 0
        hits += len(found)
    return hits

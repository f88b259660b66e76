"""Text parsing and safe rendering: hashtags, mentions, links, Markdown — and what must never get through."""

from html.parser import HTMLParser

import pytest

from reconfort.core.text import (
    extract_mentions,
    extract_tags,
    normalize_tag,
    plain_excerpt,
    render_markdown,
    render_plain,
    sanitize_html,
    tag_path,
)

DOMAIN = "reconfort.example"


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    """The elements a browser would build from `html` (text that only looks like markup is not one)."""
    parser = _Elements()
    parser.feed(html)
    return parser.found


def assert_harmless(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag not in {"script", "iframe", "style", "object", "embed", "form", "input"}, html
        for name, value in attrs.items():
            assert not name.startswith("on") and name != "style", html
            assert not (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), html


def render(text, known=("marie", "Tom")):
    known_lower = {name.lower() for name in known}
    return render_plain(
        text,
        tag_url=tag_path,
        mention_url=lambda username: f"/@{username}" if username.lower() in known_lower else None,
        local_domain=DOMAIN,
    )


# --- hashtags ---------------------------------------------------------------------------------


def test_hashtags_fold_case_and_unicode_forms():
    assert normalize_tag("Réconfort") == normalize_tag("RÉCONFORT") == "réconfort"
    assert normalize_tag("Straße") == normalize_tag("STRASSE")
    assert normalize_tag("ﬁn") == "fin"  # NFKC: the "fi" ligature is two letters
    # The decomposed spelling (e + combining accent) is the same tag as the composed one.
    assert normalize_tag("Re\u0301confort") == normalize_tag("Réconfort")


def test_extract_tags_keeps_the_first_spelling_once():
    assert extract_tags("#Réconfort pour tous #réconfort #RÉCONFORT #deuil") == ["Réconfort", "deuil"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("#dondusang_2024 ce soir", ["dondusang_2024"]),
        ("#2024 n'est pas un mot", []),
        ("mail#interne, a#b", []),
        ("https://exemple.fr/page#ancre", []),
        ("##double", []),
        ("(#entre parenthèses)", ["entre"]),
        ("#grief.", ["grief"]),
        ("#جدة et #東京", ["جدة", "東京"]),
    ],
)
def test_what_counts_as_a_hashtag(text, expected):
    assert extract_tags(text) == expected


# --- mentions -------------------------------------------------------------------------------------


def test_mentions_are_local_usernames_only():
    text = f"@marie et @Marie, @tom@{DOMAIN}, @bob@ailleurs.example, jean@example.org"
    assert extract_mentions(text, DOMAIN) == ["marie", "tom"]


def test_mentions_of_known_members_become_links_and_unknown_stay_text():
    html = render("Merci @marie et @inconnu").html
    assert '<a href="/@marie" class="u-url mention"' in html
    assert "@<span>marie</span>" in html
    assert "@inconnu" in html and "/@inconnu" not in html


# --- links and paragraphs ---------------------------------------------------------------------------


def test_urls_hashtags_and_paragraphs_are_linked_safely():
    parsed = render("Collecte ici : https://efs.example/don?x=1&y=2.\nMerci #DonDuSang\n\nÀ bientôt")
    html = parsed.html
    assert parsed.tags == ["DonDuSang"]
    assert html.count("<p>") == 2 and "<br>" in html
    assert 'href="https://efs.example/don?x=1&amp;y=2"' in html  # the full stop is not part of the link
    assert 'rel="nofollow noopener noreferrer ugc"' in html
    assert 'href="/tags/DonDuSang"' in html and 'class="mention hashtag"' in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<a href='javascript:alert(1)'>clic</a>",
        'https://x.example/"onmouseover="alert(1)',
        "javascript:alert(1)",
        "<iframe src=https://evil.example></iframe>",
    ],
)
def test_plain_text_never_becomes_markup(attack):
    html = render(f"Bonjour {attack} #réconfort").html
    assert_harmless(html)
    # Only the links we made exist: the hashtag, and at most one http(s) link.
    assert {tag for tag, _attrs in elements(html)} <= {"p", "a", "span", "br"}


def test_sanitize_html_drops_what_is_not_allowed():
    dirty = '<p onclick="x()">Salut <b>toi</b><script>alert(1)</script><a href="javascript:x">a</a></p>'
    clean = sanitize_html(dirty)
    assert clean.startswith("<p>Salut <b>toi</b>")
    assert "script" not in clean and "onclick" not in clean and "javascript" not in clean


# --- Markdown (stories) -------------------------------------------------------------------------------


def test_markdown_renders_structure():
    html = render_markdown("## Le diagnostic\n\n**Elle savait.**\n\n> D'abord le chocolat.\n\n- un\n- deux\n\n~~non~~")
    for fragment in ("<h2>Le diagnostic</h2>", "<strong>Elle savait.</strong>", "<blockquote>", "<li>un</li>", "<s>"):
        assert fragment in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        '<img src="x" onerror="alert(1)">',
        "<iframe src='https://evil.example'></iframe>",
        '<a href="https://x.example" style="position:fixed">x</a>',
        "<style>body{display:none}</style>",
    ],
)
def test_markdown_is_sanitised(source):
    html = render_markdown(f"Texte\n\n{source}")
    assert_harmless(html)
    assert not [tag for tag, _attrs in elements(html) if tag == "img" and "onerror" in _attrs]


def test_markdown_links_and_images_keep_safe_urls():
    html = render_markdown("[EFS](https://efs.example) ![bougie](https://img.example/b.png)")
    assert 'href="https://efs.example"' in html and 'rel="nofollow noopener noreferrer ugc"' in html
    assert '<img src="https://img.example/b.png" alt="bougie">' in html


def test_excerpt_cuts_on_a_word():
    assert plain_excerpt("court") == "court"
    excerpt = plain_excerpt("un deux trois quatre cinq", limit=12)
    assert excerpt == "un deux…"
    assert len(excerpt) <= 12

"""Text parsing and safe rendering: hashtags, mentions, links in plain-text posts; Markdown in stories.

Everything rendered to HTML goes through nh3 (never a hand-rolled sanitiser).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import quote

import nh3
from django.utils.html import escape
from markdown_it import MarkdownIt

# A hashtag: '#' not preceded by a word character, then letters/digits/underscore (Unicode-aware),
# at least one non-digit.
HASHTAG_RE = re.compile(r"(?<![\w/#&])#(\w*[^\W\d]\w*)", re.UNICODE)
# A mention: @username or @username@domain, not preceded by a word character. "@lantern-427" is no mention of
# "@lantern" (as in Mastodon, where "-" may be part of a handle): it is a pseudonym's handle (posts.authors).
MENTION_RE = re.compile(
    r"(?<![\w/@])@([A-Za-z0-9_]{1,30})(?![A-Za-z0-9_]*-[A-Za-z0-9_])(?:@([A-Za-z0-9.\-]+\.[A-Za-z]{2,}(?::\d+)?))?"
)
URL_RE = re.compile(r"(?<![\w/])(https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]])")

ALLOWED_TAGS = {
    "p",
    "br",
    "a",
    "span",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "hr",
    "img",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "class", "title"},
    "span": {"class"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
}


def normalize_tag(name: str) -> str:
    """The key one tag is stored under: NFKC, case-folded (#Réconfort == #RÉCONFORT)."""
    return unicodedata.normalize("NFKC", name).casefold()


@dataclass
class ParsedText:
    html: str
    tags: list[str] = field(default_factory=list)  # display spellings, first seen first, unique by key
    mentions: list[str] = field(default_factory=list)  # local usernames, as written


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
    )


def extract_tags(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)  # a decomposed accent (e + U+0301) is not a word character
    seen: dict[str, str] = {}
    for match in HASHTAG_RE.finditer(text):
        seen.setdefault(normalize_tag(match.group(1)), match.group(1))
    return list(seen.values())


def extract_mentions(text: str, local_domain: str) -> list[str]:
    names: dict[str, str] = {}
    for match in MENTION_RE.finditer(text):
        username, domain = match.group(1), match.group(2)
        if domain and domain.lower() != local_domain.lower():
            continue
        names.setdefault(username.lower(), username)
    return list(names.values())


def render_plain(text: str, *, tag_url, mention_url, local_domain: str) -> ParsedText:
    """Turn a plain-text post into safe HTML paragraphs with linked hashtags, mentions and URLs.

    `tag_url(name)` and `mention_url(username)` return the href, or None when there is no such target
    (an unknown @name stays plain text).
    """
    text = unicodedata.normalize("NFC", text)
    tags = extract_tags(text)
    mentions = extract_mentions(text, local_domain)

    def link_line(line: str) -> str:
        pattern = re.compile(f"{URL_RE.pattern}|{HASHTAG_RE.pattern}|{MENTION_RE.pattern}", re.UNICODE)
        out: list[str] = []
        pos = 0
        for m in pattern.finditer(line):
            out.append(escape(line[pos : m.start()]))
            url, tag, user, domain = m.group(1), m.group(2), m.group(3), m.group(4)
            if url:
                out.append(f'<a href="{escape(url)}">{escape(url)}</a>')
            elif tag:
                out.append(f'<a href="{escape(tag_url(tag))}" class="mention hashtag">#<span>{escape(tag)}</span></a>')
            else:
                href = None if (domain and domain.lower() != local_domain.lower()) else mention_url(user)
                if href:
                    out.append(
                        f'<span class="h-card"><a href="{escape(href)}" class="u-url mention">'
                        f"@<span>{escape(user)}</span></a></span>"
                    )
                else:
                    out.append(escape(m.group(0)))
            pos = m.end()
        out.append(escape(line[pos:]))
        return "".join(out)

    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    html = "".join("<p>" + "<br>".join(link_line(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    return ParsedText(html=sanitize_html(html), tags=tags, mentions=mentions)


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True}).enable("strikethrough")


def render_markdown(text: str) -> str:
    """Markdown for stories; raw HTML in the source is not allowed and the output is sanitised."""
    return sanitize_html(_markdown.render(text))


def tag_path(name: str) -> str:
    return "/tags/" + quote(name)


def plain_excerpt(text: str, limit: int = 280) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"

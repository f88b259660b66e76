"""What a parser hands back for one post worth keeping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


class ArchiveRefused(Exception):
    """A file we will not read. `code` is one of `ArchiveImport.Failure` (its label is the translated reason)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass
class Found:
    original_id: str
    posted_at: datetime
    text: str  # plain text, for last words and search
    html: str  # sanitised
    url: str = ""
    is_reply: bool = False
    content_warning: str = ""


@dataclass
class ArchiveOwner:
    """Who the archive says it belongs to (to warn when it looks like someone else)."""

    account_id: str = ""
    username: str = ""
    display_name: str = ""


def clean_text(value) -> str:
    # PostgreSQL cannot store NUL characters; a hostile file could hold them anywhere.
    return str(value or "").replace("\x00", "")

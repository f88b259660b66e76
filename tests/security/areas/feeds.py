"""Authorization matrix rows of this area (see tests/security/areas/__init__.py): RSS/Atom feeds."""

from __future__ import annotations

from tests.factories import make_post
from tests.security.matrix import EVERYONE, others, rows


def scene_feed(w) -> dict:
    """The owner wrote a public post with #paix (and a followers-only one, never in a feed)."""
    make_post(w["owner"], "Un peu de #paix ce soir")
    make_post(w["owner"], "Pour mes proches #paix", visibility="private")
    return {"tag": "paix"}


SCENES: dict = {"feed": scene_feed}

# A member's feed: as their public profile, not for a member they blocked (who would not see their posts).
rows("feed", "GET", "/feeds/@{owner}.rss", allow=others("blocked"), refuse=("blocked",))
rows("feed", "GET", "/feeds/@{owner}.atom", allow=others("blocked"), refuse=("blocked",))
# A hashtag's feed is public (posts of accounts the reader blocks or is blocked by are left out).
rows("feed", "GET", "/feeds/tags/{tag}.rss", allow=EVERYONE)
rows("feed", "GET", "/feeds/tags/{tag}.atom", allow=EVERYONE)

PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()

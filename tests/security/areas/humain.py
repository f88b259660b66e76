"""Authorization matrix rows of the « Humain » front page (see tests/security/areas/__init__.py).

The page is for everyone, visitors included; what it holds is filtered per viewer (tests/comfort/humain checks that
a followers-only memorial post and a blocked member's posts stay out). The scene gives it something to filter.
"""

from __future__ import annotations

from tests.factories import make_post
from tests.security.matrix import EVERYONE, rows


def scene_page(w) -> dict:
    make_post(w["owner"], "Pour mes proches : papa nous a quittés.", kind="memorial", visibility="private")
    make_post(w["owner"], "Merci pour vos mots.", kind="gratitude")
    return {}


SCENES = {"humain:page": scene_page}
PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()

rows("humain:page", "GET", "/humain/", allow=EVERYONE)

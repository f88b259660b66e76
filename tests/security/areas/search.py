"""Authorization matrix rows of this area (see tests/security/areas/__init__.py): search.

Search has no object of its own to protect: the page and the API answer everyone, and what they answer is filtered
per viewer by the same selectors as timelines, memorials and appeals (visibility, blocks either way, mutes, held
and hidden posts, memorial listing). That filtering is tested in tests/search/ on both databases; /api/v2/search
and /api/v1/accounts/search are allow-listed in test_authorization_matrix.py.
"""

from __future__ import annotations

SCENES: dict = {}
PAGE_ALLOW_LIST: set = {
    "search/",  # the search page: open to everyone, results filtered per viewer (tests/search/)
}
API_ALLOW_LIST: set = set()

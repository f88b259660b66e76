"""Authorization matrix rows of this area (see tests/security/areas/__init__.py)."""

from __future__ import annotations

SCENES: dict = {}
PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()

"""Matrix rows of the later capabilities, one module per area (so each area's rows, scenes and allow-list entries
live next to each other and nobody edits another area's file).

Each module calls `tests.security.matrix.rows(...)` at import and defines:
- SCENES: {object name: scene(world) -> values for the paths}, like test_authorization_matrix.SCENES;
- PAGE_ALLOW_LIST / API_ALLOW_LIST: routes with no object to protect, each with a comment saying why.
"""

from __future__ import annotations

from importlib import import_module

AREAS = ("comfort", "guard", "safety", "circles", "kindred", "humain", "trends", "crisis", "search", "feeds", "reports")
MODULES = [import_module(f"{__name__}.{area}") for area in AREAS]

SCENES: dict = {}
PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()
for module in MODULES:
    SCENES.update(module.SCENES)
    PAGE_ALLOW_LIST |= module.PAGE_ALLOW_LIST
    API_ALLOW_LIST |= module.API_ALLOW_LIST

"""The demo content of the later capabilities, one module per area, each with `load(users)`.

`users` maps the demo members' usernames to their accounts (after the core community is loaded); each area adds
its own content through its own services, so the demo shows what those services allow.
"""

from __future__ import annotations

from importlib import import_module

AREAS = ("comfort", "circles", "kindred", "trends", "crisis", "guard")  # guard last: approves earlier replies


def load_all(users: dict) -> None:
    for area in AREAS:
        import_module(f"{__name__}.{area}").load(users)

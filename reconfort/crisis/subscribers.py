"""Crises listen to the burst detector (reconfort.trends): a tag rising sharply proposes a crisis for review."""

from __future__ import annotations

from . import services


def on_tag_burst(tag_id, language="", score=None, **_):
    services.crisis_propose_from_burst(tag_id, language=language, score=score)

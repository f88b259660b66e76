"""Every new or edited post of a member is assessed at once (in the request, after commit), so the panel is on
the very next page the author sees, the redirect after posting. The assessment is a few regular expressions."""

from __future__ import annotations

import logging

from reconfort.core import events

from . import services

logger = logging.getLogger(__name__)


def on_post_written(post_id, **_):
    try:
        services.risk_scan(post_id)
    except Exception:  # never let the safety net break posting; but say so loudly
        logger.exception("safety net: risk scan failed for post %s", post_id)


def connect() -> None:
    events.subscribe(events.POST_CREATED, on_post_written)
    events.subscribe(events.POST_UPDATED, on_post_written)

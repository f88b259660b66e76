"""Things members report besides accounts and posts, each made through its own app's services."""

from __future__ import annotations

import datetime
from datetime import timedelta

from django.utils import timezone

from reconfort.appeals import services as appeal_services
from reconfort.comfort.circles import services as circle_services
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Memorial
from tests.appeals.conftest import LYON, details_for


def memorial_of(owner, *, visibility="public", publish=True) -> Memorial:
    memorial = memorial_services.memorial_create(
        owner, full_name="Jeanne Martin", death_date=datetime.date(2024, 3, 14), visibility=visibility
    )
    if publish:
        memorial_services.memorial_set_state(owner, memorial, Memorial.State.PUBLISHED)
    return memorial


def tribute_by(author, memorial, *, approve=True):
    """A tribute on a pre-moderated memorial (the default), approved by its owner unless `approve` is False."""
    tribute = memorial_services.tribute_create(author, memorial, text="Elle riait trop fort, tant mieux.")
    if approve:
        owner = memorial.stewards.get(role="owner").user
        memorial_services.tribute_moderate(owner, tribute, state="approved")
    tribute.refresh_from_db()
    return tribute


def _old_enough(user, days=60):
    user.date_joined = timezone.now() - timedelta(days=days)
    user.save(update_fields=["date_joined"])


def appeal_of(owner, *, kind="missing_pet", audience="public"):
    _old_enough(owner)
    details = dict(details_for(kind))
    if "last_seen_at" in details:
        details["last_seen_at"] = (timezone.now() - timedelta(hours=2)).isoformat()
    return appeal_services.appeal_create(
        owner,
        kind=kind,
        title="Max, chat roux",
        details=details,
        latitude=LYON[0],
        longitude=LYON[1],
        audience=audience,
    )


def circle_post_by(author, *, creator, posts_visibility="public"):
    """`creator` starts an open circle, `author` joins it and writes a message."""
    _old_enough(creator)
    circle = circle_services.circle_create(
        creator, name="Deuil périnatal", join_policy="open", posts_visibility=posts_visibility
    )
    if author.pk != creator.pk:
        circle_services.circle_join(author, circle)
    return circle_services.circle_post_create(author, circle, text="Notre fille est née sans vie en mars.")

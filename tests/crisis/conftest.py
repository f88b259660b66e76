"""Crisis helpers: a moderator, a crisis opened through the service around Lyon, members living there."""

from __future__ import annotations

import pytest

from reconfort.accounts.models import Role
from reconfort.crisis import services
from tests.factories import UserFactory

LYON = (45.7578, 4.8320)
PARIS = (48.8566, 2.3522)


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", display_name="Modo", role=Role.MODERATOR, language="en")


def open_crisis(moderator, **overrides):
    kwargs = {
        "name": "Crue du Rhône",
        "place": "Lyon",
        "radius_km": 30,
        "tags": "#CrueLyon inondations",
        "sources": "https://www.rhone.gouv.fr",
    }
    kwargs.update(overrides)
    return services.crisis_create(moderator, **kwargs)


def live_in(member, where=LYON):
    return services.home_area_set(member, latitude=where[0], longitude=where[1])

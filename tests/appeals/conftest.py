"""Appeal helpers: valid details for every kind, an appeal made through the service, a moderator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reconfort.accounts.models import Role
from reconfort.appeals import services
from tests.factories import UserFactory

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
LYON = (45.7578, 4.8320)


def details_for(kind: str) -> dict:
    return {
        "blood": {
            "for_whom": "Victims of the fire in Lyon",
            "blood_groups": ["O-", "A+"],
            "urgency": "urgent",
            "until": "2030-06-10",
            "donation_service_url": "https://dondesang.efs.sante.fr",
            "places": [{"name": "EFS Lyon Gerland", "address": "111 rue d'Alsace, Lyon"}],
        },
        "missing_person": {
            "name": "Jeanne",
            "age": 34,
            "physical_description": "1.65 m, red coat",
            "last_seen_at": "2030-05-31T18:00:00+00:00",
            "last_seen_place": "Place Bellecour",
            "authority_reference": "",
            "authority_phone": "+33 4 00 00 00 00",
        },
        "missing_pet": {
            "species": "cat",
            "name": "Max",
            "breed": "",
            "colours": "ginger and white",
            "marks": "a notch in the left ear",
            "last_seen_at": "2030-05-30T08:00:00+00:00",
            "last_seen_place": "Croix-Rousse",
            "reward": "",
            "microchipped": True,
            "microchip_number": "250269801234567",
        },
        "prayer": {"for_whom": "My son Léo", "what_happened": "He is in intensive care."},
        "help": {"need": "meals", "recurrence": "recurring", "when": "Tuesday evenings"},
    }[kind]


def make_appeal(owner, kind="missing_pet", *, now=NOW, **overrides):
    kwargs = {
        "kind": kind,
        "title": f"Appeal {kind}",
        "details": details_for(kind),
        "latitude": LYON[0],
        "longitude": LYON[1],
        "now": now,
    }
    kwargs.update(overrides)
    return services.appeal_create(owner, **kwargs)


@pytest.fixture(autouse=True)
def _members_old_enough(settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0
    settings.RECONFORT_DOMAIN = "reconfort.test"


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", role=Role.MODERATOR)


@pytest.fixture
def clock():
    return NOW


def days(n: float) -> timedelta:
    return timedelta(days=n)

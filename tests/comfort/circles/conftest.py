"""Circle test helpers: established members (old enough to start a circle) and a circle made through the service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.comfort.circles import services
from reconfort.comfort.circles.models import Membership
from tests.factories import UserFactory


def established(**kwargs):
    """A member whose account is a month old."""
    return UserFactory(date_joined=timezone.now() - timedelta(days=30), **kwargs)


def make_circle(creator, **kwargs):
    values = {
        "name": "Jeunes parents",
        "description": "Les nuits courtes, les doutes, les joies.",
        "rules": "Pas de conseils non demandés.",
    }
    values.update(kwargs)
    return services.circle_create(creator, **values)


def settle(account, circle, *, days: int = 30) -> None:
    """Make a member no longer a newcomer (as if they had joined `days` ago)."""
    Membership.objects.filter(circle=circle, account=account).update(joined_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def founder(db):
    return established(username="claire", display_name="Claire")


@pytest.fixture
def circle(founder):
    return make_circle(founder)


@pytest.fixture
def private_circle(founder):
    return make_circle(founder, name="Deuil périnatal", join_policy="request", posts_visibility="members")


@pytest.fixture
def public_circle(founder):
    return make_circle(founder, name="Animaux disparus", posts_visibility="public")

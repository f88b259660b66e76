"""The demo circles load through the services with the demo members, and read as a lived-in community."""

from __future__ import annotations

import pytest
from django.test import override_settings

from reconfort.comfort.circles.models import Circle, CirclePost, Membership, MembershipState
from reconfort.demo.areas import circles as demo

from .conftest import established

pytestmark = pytest.mark.django_db


def test_demo_circles_load(db):
    names = {c[3] for c in demo.CIRCLES} | {m for c in demo.CIRCLES for m in c[8]} | {u for _, u in demo.REQUESTS}
    names |= {m[1] for m in demo.MESSAGES} | {r[0] for m in demo.MESSAGES for r in m[3]}
    users = {name: established(username=name) for name in sorted(names)}
    with override_settings(RECONFORT_RATE_LIMITS_ENABLED=False):
        demo.load(users)
    slugs = set(Circle.objects.values_list("slug", flat=True))
    assert {"jeunes-parents", "deuil-d-un-parent", "proches-de-malades-du-cancer", "deuil-perinatal"} <= slugs
    assert {"animaux-disparus", "new-parents", "losing-a-parent", "lost-pets"} <= slugs
    assert CirclePost.objects.filter(parent__isnull=True).count() == len(demo.MESSAGES)
    assert Membership.objects.filter(state=MembershipState.REQUESTED).count() == len(demo.REQUESTS)
    assert not CirclePost.objects.filter(removed_at__isnull=False).exists()

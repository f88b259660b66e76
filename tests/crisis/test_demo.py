"""The demo's crises: one archived (its check-ins gone) and one active with notices and check-ins."""

import pytest

from reconfort.accounts.models import Role
from reconfort.crisis.models import CheckIn, Crisis
from reconfort.demo.areas import crisis as demo_crisis
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_crises(db):
    UserFactory(username="admin", role=Role.ADMIN)
    names = ("camille_roux", "sofiane_k", "lea_moreau", "martine_b", "yann_legall")
    users = {name: UserFactory(username=name) for name in names}
    demo_crisis.load(users)
    storm, flood = Crisis.objects.order_by("id")
    assert storm.state == "archived" and storm.checkins_expired_at is not None
    assert flood.state == "active" and flood.notices.count() == 3
    assert not CheckIn.objects.filter(crisis=storm).exists()
    assert set(CheckIn.objects.filter(crisis=flood).values_list("account__username", flat=True)) == {
        "camille_roux",
        "sofiane_k",
    }
    demo_crisis.load(users)  # loading again adds nothing
    assert Crisis.objects.count() == 2

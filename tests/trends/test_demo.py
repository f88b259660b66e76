"""The demo area of hashtags and trends: follows, featured tags, one approved trending tag."""

from __future__ import annotations

import pytest

from reconfort.accounts.models import Role
from reconfort.demo.areas import trends as demo
from reconfort.hashtags.models import FeaturedTag, TagFollow
from reconfort.trends.selectors import trends_list
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_area_loads(client):
    names = set(demo.FOLLOWS) | set(demo.FEATURED) | set(demo.BURST_POSTS)
    users = {name: UserFactory(username=name) for name in names}
    UserFactory(username="modo", role=Role.MODERATOR)
    demo.load(users)
    assert TagFollow.objects.filter(user=users["martine_b"], tag__key="deuil").exists()
    assert FeaturedTag.objects.filter(user=users["equipe"]).count() == 2
    assert [t.tag.key for t in trends_list("fr")] == ["dondusang"]
    assert "#dondusang" in client.get("/trends/?language=fr").content.decode()

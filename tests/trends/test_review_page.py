"""A moderator decides a trending tag from the moderation item page (review kind "trend")."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from reconfort.accounts.models import Role
from reconfort.moderation.models import QueueItem
from reconfort.trends import services
from reconfort.trends.models import TagReview
from reconfort.trends.selectors import trends_list
from tests.factories import UserFactory

from .helpers import accounts, uses

pytestmark = pytest.mark.django_db


def test_moderator_approves_a_trend_from_the_item_page(settings):
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    now = timezone.now()
    uses("inondations", [(p, now - timezone.timedelta(minutes=15)) for p in accounts(10)])
    services.trends_compute(now)
    item = QueueItem.objects.get(kind=QueueItem.Kind.TREND)
    client = Client()
    client.force_login(UserFactory(username="modo", role=Role.MODERATOR, language="en"))
    page = client.get(f"/moderation/items/{item.pk}/")
    assert page.status_code == 200 and 'href="/tags/inondations"' in page.text
    assert client.post(f"/moderation/items/{item.pk}/review/", {"outcome": "approve", "reason": ""}).status_code == 302
    assert TagReview.objects.get().state == TagReview.State.APPROVED
    assert [t.tag.name for t in trends_list("")] == ["inondations"]

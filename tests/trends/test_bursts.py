"""Burst detection on synthetic series: distinct accounts against the tag's own baseline; new accounts damped;
nothing shown before a moderator approves it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts.models import Role
from reconfort.core import events
from reconfort.moderation import reviews
from reconfort.moderation.models import QueueItem
from reconfort.trends import selectors, services
from reconfort.trends.models import TagHourStat, TagReview, TrendScore
from tests.factories import UserFactory

from .helpers import accounts, hourly, uses

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_settings(settings):
    settings.RECONFORT_TRENDS_BASELINE_DAYS = 2
    settings.RECONFORT_TRENDS_WINDOW_HOURS = 3
    settings.RECONFORT_TRENDS_MIN_ACCOUNTS = 5
    settings.RECONFORT_TRENDS_MIN_SCORE = 4
    settings.RECONFORT_TRENDS_MIN_RATIO = 3
    settings.RECONFORT_TRENDS_NEW_ACCOUNT_HOURS = 72
    settings.RECONFORT_TRENDS_NEW_ACCOUNT_WEIGHT = 0.1


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", role=Role.MODERATOR)


def bursting(now) -> set[str]:
    return {b_tag for b_tag in TrendScore.objects.filter(language="").values_list("tag__name", flat=True)}


def test_steady_high_volume_tag_does_not_trend_a_sudden_rise_does():
    now = timezone.now()
    people = accounts(40)
    # #deuil: 12 distinct accounts every hour for two days and now — busy, but as usual.
    uses("deuil", hourly(people, now, hours=51, per_hour=12))
    # #orage: one account an hour now and then, then 15 different accounts in the last two hours.
    uses("orage", [(people[0], now - timedelta(hours=h)) for h in range(6, 50, 6)])
    uses("orage", [(p, now - timedelta(minutes=10 + i)) for i, p in enumerate(people[10:25])])
    found = services.trends_compute(now)
    names = bursting(now)
    assert "orage" in names and "deuil" not in names
    orage = next(b for b in found if b.language == "" and b.tag_id == TrendScore.objects.get(language="").tag_id)
    assert orage.accounts == 15 and orage.score >= 4
    assert TagHourStat.objects.filter(tag__name="deuil").exists()  # the baseline was counted hour by hour


def test_one_account_posting_many_times_is_not_a_burst():
    now = timezone.now()
    (loud,) = accounts(1)
    uses("annonce", [(loud, now - timedelta(minutes=i)) for i in range(60)])
    assert services.trends_compute(now) == []


def test_burst_from_twenty_brand_new_accounts_is_damped():
    now = timezone.now()
    newcomers = accounts(20, age=timedelta(hours=2))
    uses("promo", [(p, now - timedelta(minutes=5 + i)) for i, p in enumerate(newcomers)])
    assert services.trends_compute(now) == []
    # The same shout from twenty established members would trend: the damping is what stopped it.
    established = accounts(20)
    uses("entraide", [(p, now - timedelta(minutes=5 + i)) for i, p in enumerate(established)])
    services.trends_compute(now)
    assert bursting(now) == {"entraide"}


def test_followers_only_and_restricted_posts_do_not_count():
    now = timezone.now()
    people = accounts(15)
    uses("secret", [(p, now - timedelta(minutes=3)) for p in people], visibility="private")
    assert services.trends_compute(now) == []


def test_review_gating_and_the_burst_event(moderator):
    now = timezone.now()
    heard = []
    handler = lambda **kw: heard.append(kw)  # noqa: E731
    events.subscribe(events.TAG_BURST, handler)
    try:
        uses("inondations", [(p, now - timedelta(minutes=20)) for p in accounts(10)])
        services.trends_compute(now)
        services.trends_compute(now + timedelta(minutes=1))  # the same burst again: no second event
    finally:
        events._subscribers[events.TAG_BURST].remove(handler)
    tag_id = TrendScore.objects.get(language="").tag_id
    assert heard == [{"tag_id": tag_id, "language": "fr", "score": heard[0]["score"]}]
    # Detected, but waiting: not shown.
    assert TagReview.objects.get(tag_id=tag_id).state == TagReview.State.PENDING
    assert selectors.trends_list("") == [] and selectors.trends_list("fr") == []
    item = QueueItem.objects.get(kind=QueueItem.Kind.TREND, subject_id=tag_id)
    assert item.subject_type == "hashtags.tag"
    reviews.review_decide(moderator, item, approved=True, reason="")
    assert [t.tag.name for t in selectors.trends_list("fr")] == ["inondations"]
    assert [t.tag.name for t in selectors.trends_list("")] == ["inondations"]
    assert selectors.trends_list("en") == []


def test_rejected_tag_is_not_shown_nor_proposed_again_for_a_while(moderator, settings):
    now = timezone.now()
    uses("arnaque", [(p, now - timedelta(minutes=20)) for p in accounts(10)])
    services.trends_compute(now)
    tag_id = TrendScore.objects.get(language="").tag_id
    item = QueueItem.objects.get(kind=QueueItem.Kind.TREND, subject_id=tag_id)
    reviews.review_decide(moderator, item, approved=False, reason="Spam")
    assert selectors.trends_list("") == []
    services.trends_compute(now + timedelta(minutes=10))
    assert not QueueItem.objects.filter(kind=QueueItem.Kind.TREND, state=QueueItem.State.OPEN).exists()
    # Once the refusal has run its course, a new burst asks again.
    TagReview.objects.filter(tag_id=tag_id).update(rejected_until=now - timedelta(minutes=1))
    services.trends_compute(now + timedelta(minutes=20))
    assert QueueItem.objects.filter(kind=QueueItem.Kind.TREND, state=QueueItem.State.OPEN, subject_id=tag_id).exists()


def test_only_moderators_review(user):
    from reconfort.core.errors import Forbidden
    from reconfort.hashtags.services import tags_get_or_create

    tag = tags_get_or_create(["x_y"])[0]
    with pytest.raises(Forbidden):
        services.trend_review_decide(user, tag.pk, approved=True)


def test_per_language_trends_and_burst_ends():
    now = timezone.now()
    uses("storm", [(p, now - timedelta(minutes=20)) for p in accounts(10)], language="en")
    services.trends_compute(now)
    assert set(TrendScore.objects.values_list("language", flat=True)) == {"", "en"}
    # Six hours later the window is empty: the trend is over.
    services.trends_compute(now + timedelta(hours=6))
    assert not TrendScore.objects.exists()


def test_stats_refresh_is_safe_to_run_twice():
    now = timezone.now()
    people = accounts(3)
    uses("calme", hourly(people, now, hours=10, per_hour=3, skip_recent=4))
    first = services.stats_refresh(now)
    rows = TagHourStat.objects.filter(language="").count()
    assert first > 0 and rows == 6
    assert services.stats_refresh(now) == 0
    assert TagHourStat.objects.filter(language="").count() == rows

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.core import ratelimit
from reconfort.core.errors import RateLimited
from reconfort.posts.models import Post
from tests.factories import UserFactory, make_post


def test_window_allows_then_refuses_with_retry_after():
    limit = ratelimit.Limit(3, 60)
    for _ in range(3):
        ratelimit.hit("test", "s1", limit)
    with pytest.raises(RateLimited) as exc:
        ratelimit.hit("test", "s1", limit)
    assert 1 <= exc.value.retry_after <= 60
    assert exc.value.status == 429
    ratelimit.hit("test", "s2", limit)  # another scope has its own counter


def test_amount_over_limit_counts_nothing():
    limit = ratelimit.Limit(5, 60)
    with pytest.raises(RateLimited):
        ratelimit.hit("test", "s", limit, amount=6)
    ratelimit.hit("test", "s", limit, amount=5)


def test_settings_override_and_disable(settings):
    settings.RECONFORT_RATE_LIMITS = {"post": (1, 60)}
    assert ratelimit.limit_for("post") == ratelimit.Limit(1, 60)
    settings.RECONFORT_RATE_LIMITS_ENABLED = False
    for _ in range(3):
        ratelimit.hit("post", "x", ratelimit.Limit(1, 60))


@pytest.mark.django_db
def test_new_accounts_have_tighter_limits():
    new = UserFactory()
    old = UserFactory()
    old.date_joined = timezone.now() - timedelta(days=30)
    assert ratelimit.limit_for("post", new).count < ratelimit.limit_for("post", old).count


@pytest.mark.django_db
def test_posting_is_rate_limited_and_refusal_writes_nothing(settings):
    settings.RECONFORT_RATE_LIMITS = {"post": (2, 3600)}
    author = UserFactory()
    make_post(author, text="un")
    make_post(author, text="deux")
    with pytest.raises(RateLimited):
        make_post(author, text="trois")
    assert Post.objects.filter(author=author).count() == 2

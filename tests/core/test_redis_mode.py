"""The production mode with Redis: background jobs queued in Redis and rate limits counted there.

Runs when REDIS_URL is set (CI's PostgreSQL run sets it); the embedded mode is what every other test uses.
"""

import os
import uuid

import pytest
from django.conf import settings as django_settings
from huey.contrib.djhuey import HUEY

from reconfort.accounts import services as accounts
from reconfort.core import ratelimit
from reconfort.core.errors import RateLimited
from reconfort.posts.models import Post
from reconfort.timelines import tasks
from reconfort.timelines.models import HomeFeedEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")


@pytest.mark.django_db
def test_fanout_goes_through_the_redis_queue():
    assert django_settings.HUEY["huey_class"] == "huey.RedisHuey"
    author, follower = UserFactory(), UserFactory()
    accounts.follow_create(follower, author)
    HUEY.immediate = False  # back to the configured Redis storage
    try:
        HUEY.flush()
        post = Post.objects.create(author=author, text="via redis")
        tasks.fanout_post(post.pk)
        assert not HomeFeedEntry.objects.filter(post=post).exists()  # queued, not yet run
        assert HUEY.pending_count() == 1
        task = HUEY.dequeue()  # the task came back out of Redis
        # Run it as immediate mode does: a real consumer would also close the test's database connection.
        HUEY.immediate = True
        HUEY.execute(task)
        assert set(HomeFeedEntry.objects.filter(post=post).values_list("owner_id", flat=True)) == {
            author.pk,
            follower.pk,
        }
    finally:
        HUEY.flush()
        HUEY.immediate = True


def test_rate_limits_count_in_redis(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    }
    scope = uuid.uuid4().hex
    limit = ratelimit.Limit(2, 60)
    ratelimit.hit("redis-test", scope, limit)
    ratelimit.hit("redis-test", scope, limit)
    with pytest.raises(RateLimited):
        ratelimit.hit("redis-test", scope, limit)

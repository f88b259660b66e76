import pytest

from reconfort.accounts import services as accounts
from reconfort.core.pagination import PageParams
from reconfort.posts import services as posts
from reconfort.posts.models import Visibility
from reconfort.timelines import selectors, services
from reconfort.timelines.models import HomeFeedEntry
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


def test_fanout_delivers_to_followers_and_author(user, other, third):
    accounts.follow_create(other, user)
    post = make_post(user, text="Bonjour à tous")
    assert set(HomeFeedEntry.objects.filter(post=post).values_list("owner_id", flat=True)) == {user.pk, other.pk}
    assert selectors.home_timeline(other, PageParams()) == [post]
    assert selectors.home_timeline(third, PageParams()) == []


def test_direct_posts_reach_only_mentioned(user, other, third):
    accounts.follow_create(other, user)
    post = make_post(user, text="@amina je pense à toi", visibility=Visibility.DIRECT)
    owners = set(HomeFeedEntry.objects.filter(post=post).values_list("owner_id", flat=True))
    assert owners == {user.pk, third.pk}


def test_follow_backfills_and_unfollow_removes(user, other):
    old = make_post(user, text="Un ancien message")
    accounts.follow_create(other, user)
    assert selectors.home_timeline(other, PageParams()) == [old]
    accounts.follow_remove(other, user)
    assert selectors.home_timeline(other, PageParams()) == []


def test_reblog_reaches_followers_of_resharer(user, other, third):
    accounts.follow_create(third, other)
    post = make_post(user, text="Appel aux dons de sang #dondusang")
    reblog = posts.post_reblog(other, post)
    assert selectors.home_timeline(third, PageParams()) == [reblog]


def test_muted_and_blocked_are_filtered_at_read(user, other, third):
    accounts.follow_create(other, user)
    accounts.follow_create(other, third)
    p_user = make_post(user, text="de marie")
    make_post(third, text="d'amina")
    accounts.mute_create(other, third)
    assert selectors.home_timeline(other, PageParams()) == [p_user]
    accounts.block_create(user, other)
    assert selectors.home_timeline(other, PageParams()) == []


def test_cold_feed_is_rebuilt_at_read(user, other):
    accounts.follow_create(other, user)
    posts_ = [make_post(user, text=f"message {i}") for i in range(3)]
    HomeFeedEntry.objects.filter(owner=other).delete()
    other.refresh_from_db()
    assert selectors.home_timeline(other, PageParams()) == list(reversed(posts_))


def test_pagination_by_id(user):
    made = [make_post(user, text=f"n{i}") for i in range(5)]
    first = selectors.home_timeline(user, PageParams(limit=2))
    assert first == [made[4], made[3]]
    second = selectors.home_timeline(user, PageParams(max_id=made[3].pk, limit=2))
    assert second == [made[2], made[1]]
    newer = selectors.home_timeline(user, PageParams(min_id=made[1].pk, limit=2))
    assert newer == [made[3], made[2]]


def test_trim_keeps_newest(user):
    made = [make_post(user, text=f"n{i}") for i in range(6)]
    removed = services.home_trim(user.pk, keep=4)
    assert removed == 2
    assert list(HomeFeedEntry.objects.filter(owner=user).order_by("post_id").values_list("post_id", flat=True)) == [
        p.pk for p in made[2:]
    ]


def test_public_and_tag_timelines(user, other):
    public = make_post(user, text="Merci infiniment #Merci")
    make_post(user, text="non listé #merci", visibility=Visibility.UNLISTED)
    make_post(user, text="privé #merci", visibility=Visibility.PRIVATE)
    posts.post_reblog(other, public)
    assert selectors.public_timeline(other, PageParams()) == [public]
    assert selectors.tag_timeline(other, "MERCI", PageParams()) == [public]
    assert selectors.tag_timeline(other, "#merci", PageParams()) == [public]


def test_home_timeline_query_count_does_not_grow(user, django_assert_max_num_queries):
    authors = [UserFactory() for _ in range(6)]
    for author in authors:
        accounts.follow_create(user, author)
        for i in range(4):
            make_post(author, text=f"post {i} #x")
    # Two queries whatever the page size: the page's ids, then those posts with their authors.
    with django_assert_max_num_queries(2):
        assert len(selectors.home_timeline(user, PageParams(limit=5))) == 5
    with django_assert_max_num_queries(2):
        assert len(selectors.home_timeline(user, PageParams(limit=20))) == 20


def test_fanout_leaves_out_followers_who_block_or_mute_the_author_or_are_blocked(user):
    muter, blocker, blocked, reader = (UserFactory() for _ in range(4))
    for follower in (muter, blocker, blocked, reader):
        accounts.follow_create(follower, user)
    accounts.mute_create(muter, user)
    post = make_post(user, text="Merci pour vos messages")
    # Blocks come after the follows (a block ends a follow): the fan-out of a later reshare shows they count.
    resharer = UserFactory()
    for follower in (muter, blocker, blocked, reader):
        accounts.follow_create(follower, resharer)
    accounts.block_create(blocker, user)
    accounts.block_create(user, blocked)
    reblog = posts.post_reblog(resharer, post)
    services.home_fanout(reblog.pk)
    owners = set(HomeFeedEntry.objects.filter(post=reblog).values_list("owner_id", flat=True))
    assert owners == {resharer.pk, reader.pk}
    assert set(HomeFeedEntry.objects.filter(post=post).values_list("owner_id", flat=True)) >= {user.pk, reader.pk}
    assert muter.pk not in set(HomeFeedEntry.objects.filter(post=post).values_list("owner_id", flat=True))

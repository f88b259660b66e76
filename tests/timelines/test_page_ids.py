"""timelines.page_ids states the list rules of posts.selectors.exclude_hidden in plain SQL (decision 0039). These
tests build every case those rules name and check that both give the same pages, for a member and for a visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from reconfort.accounts.models import Block, Mute
from reconfort.core.pagination import PageParams, paginate_by_id
from reconfort.posts.models import Post, Visibility
from reconfort.posts.selectors import exclude_hidden
from reconfort.timelines import page_ids
from reconfort.timelines.models import HomeFeedEntry
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db

PAGES = [
    PageParams(),
    PageParams(limit=3),
    PageParams(limit=4, max_id=None),
    PageParams(min_id=0, limit=5),
]


def _reshare(author, post):
    return Post.objects.create(author=author, reblog_of=post, visibility=Visibility.PUBLIC)


@pytest.fixture
def world(user):
    """`user` is the viewer. Everyone else writes a public post tagged #lumiere, and some reshare."""
    friend, blocked, muted, blocker, suspended, limited = (UserFactory() for _ in range(6))
    Block.objects.create(account=user, target=blocked)
    Mute.objects.create(account=user, target=muted)
    Block.objects.create(account=blocker, target=user)
    posts = {
        name: make_post(author, text=f"{name} #lumiere")
        for name, author in [
            ("mine", user),
            ("friend", friend),
            ("blocked", blocked),
            ("muted", muted),
            ("blocker", blocker),
            ("suspended", suspended),
            ("limited", limited),
        ]
    }
    posts["hidden"] = make_post(friend, text="hidden #lumiere")
    posts["my_hidden"] = make_post(user, text="my hidden #lumiere")
    posts["held"] = make_post(friend, text="held #lumiere")
    posts["my_held"] = make_post(user, text="my held #lumiere")
    Post.objects.filter(pk__in=[posts["hidden"].pk, posts["my_hidden"].pk]).update(hidden_at=timezone.now())
    Post.objects.filter(pk__in=[posts["held"].pk, posts["my_held"].pk]).update(held=True)
    # Under a pseudonym: the viewer's own block or mute of the writer must not hide it; the writer's block must.
    posts["anon_by_muted"] = make_post(muted, text="anon by muted #lumiere")
    posts["anon_by_blocked"] = make_post(blocked, text="anon by blocked #lumiere")
    posts["anon_by_blocker"] = make_post(blocker, text="anon by blocker #lumiere")
    Post.objects.filter(pk__in=[posts[k].pk for k in ("anon_by_muted", "anon_by_blocked", "anon_by_blocker")]).update(
        author_alias="Lanterne 427"
    )
    posts["followers_only"] = make_post(friend, text="friends #lumiere", visibility=Visibility.PRIVATE)
    for name in (
        "friend",
        "blocked",
        "muted",
        "blocker",
        "hidden",
        "held",
        "anon_by_muted",
        "anon_by_blocked",
        "anon_by_blocker",
    ):
        _reshare(friend, posts[name])
    for name in ("friend", "anon_by_blocker"):
        _reshare(blocked, posts[name])
        _reshare(muted, posts[name])
    _reshare(friend, posts["suspended"])
    type(user).objects.filter(pk=suspended.pk).update(is_active=False)
    type(user).objects.filter(pk=limited.pk).update(limited=True)
    # The stored home timeline holds everything, as if fan-out had delivered it all before the blocks.
    HomeFeedEntry.objects.all().delete()
    HomeFeedEntry.objects.bulk_create(HomeFeedEntry(owner=user, post=p) for p in Post.objects.all())
    return posts


def _listed(viewer, queryset, page):
    return [p.pk for p in paginate_by_id(exclude_hidden(viewer, queryset), page)]


def _public(queryset):
    return queryset.filter(
        visibility=Visibility.PUBLIC, reblog_of__isnull=True, author__is_active=True, author__limited=False
    )


@pytest.mark.parametrize("page", PAGES)
def test_home_page_ids_follow_the_list_rules(world, user, page):
    expected = _listed(user, Post.objects.filter(home_entries__owner=user), page)
    assert page_ids.home_page_ids(user, page) == expected
    shown = set(page_ids.home_page_ids(user, PageParams(limit=40)))
    assert world["mine"].pk in shown and world["my_held"].pk in shown and world["anon_by_muted"].pk in shown
    assert not shown & {world[k].pk for k in ("blocked", "muted", "blocker", "hidden", "held", "anon_by_blocker")}


@pytest.mark.parametrize("viewer_kind", ["member", "visitor"])
@pytest.mark.parametrize("page", PAGES)
def test_public_page_ids_follow_the_list_rules(world, user, page, viewer_kind):
    viewer = user if viewer_kind == "member" else AnonymousUser()
    assert page_ids.public_page_ids(viewer, page) == _listed(viewer, _public(Post.objects.all()), page)


@pytest.mark.parametrize("viewer_kind", ["member", "visitor"])
@pytest.mark.parametrize("page", PAGES)
def test_tag_page_ids_follow_the_list_rules(world, user, page, viewer_kind):
    viewer = user if viewer_kind == "member" else AnonymousUser()
    expected = _listed(viewer, _public(Post.objects.filter(tags__key="lumiere")), page)
    assert expected, "the tag must list something for the comparison to mean anything"
    assert page_ids.tag_page_ids(viewer, "lumiere", page) == expected
    assert page_ids.tag_page_ids(viewer, "nothing-here", page) == []


def test_paging_through_a_home_timeline_lists_each_post_once(world, user):
    seen, page = [], PageParams(limit=4)
    while ids := page_ids.home_page_ids(user, page):
        seen += ids
        page = PageParams(limit=4, max_id=ids[-1])
    assert seen == _listed(user, Post.objects.filter(home_entries__owner=user), PageParams(limit=40))
    assert seen == sorted(seen, reverse=True)
    since = page_ids.home_page_ids(user, PageParams(since_id=seen[3]))
    assert since == seen[:3]

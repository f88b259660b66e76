"""Keyset pagination as Mastodon does it: max_id, since_id, min_id, limit."""

import pytest

from reconfort.core.pagination import PageParams, paginate_by_id
from reconfort.posts.models import Post
from tests.factories import make_post


def test_parse_defaults_and_bounds():
    assert PageParams.parse() == PageParams(None, None, None, 20)
    assert PageParams.parse(limit="5").limit == 5
    assert PageParams.parse(limit="400").limit == 40
    assert PageParams.parse(limit="0").limit == 1
    assert PageParams.parse(limit="-3").limit == 1
    assert PageParams.parse(max_id="12", since_id="", min_id=None) == PageParams(12, None, None, 20)
    assert PageParams.parse(limit=80, default=40, maximum=80).limit == 80


@pytest.mark.parametrize("bad", [{"max_id": "abc"}, {"since_id": "1.5"}, {"min_id": "12; DROP"}, {"limit": "ten"}])
def test_parse_refuses_what_is_not_an_integer(bad):
    with pytest.raises(ValueError):
        PageParams.parse(**bad)


@pytest.fixture
def posts(user):
    return [make_post(user, text=f"message {i}") for i in range(7)]


def ids(rows):
    return [row.pk for row in rows]


def test_newest_first_with_limit(posts):
    page = paginate_by_id(Post.objects.all(), PageParams(limit=3))
    assert ids(page) == [p.pk for p in reversed(posts)][:3]


def test_max_id_goes_back_in_time(posts):
    page = paginate_by_id(Post.objects.all(), PageParams(max_id=posts[4].pk, limit=2))
    assert ids(page) == [posts[3].pk, posts[2].pk]


def test_since_id_gives_the_newest_after_it(posts):
    page = paginate_by_id(Post.objects.all(), PageParams(since_id=posts[2].pk, limit=2))
    assert ids(page) == [posts[6].pk, posts[5].pk]


def test_min_id_gives_the_page_just_after_it_still_newest_first(posts):
    page = paginate_by_id(Post.objects.all(), PageParams(min_id=posts[2].pk, limit=2))
    assert ids(page) == [posts[4].pk, posts[3].pk]


def test_max_and_since_together_bound_both_sides(posts):
    page = paginate_by_id(Post.objects.all(), PageParams(max_id=posts[5].pk, since_id=posts[1].pk))
    assert ids(page) == [posts[4].pk, posts[3].pk, posts[2].pk]


def test_past_the_end_is_empty(posts):
    assert paginate_by_id(Post.objects.all(), PageParams(max_id=posts[0].pk)) == []

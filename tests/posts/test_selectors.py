import pytest

from reconfort.accounts import services as accounts
from reconfort.core.errors import NotFound
from reconfort.posts import selectors, services
from reconfort.posts.models import Visibility
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_visibility_rules(user, other, third):
    from django.contrib.auth.models import AnonymousUser

    accounts.follow_create(other, user)
    posts = {v: make_post(user, text=f"{v} @amina" if v == "direct" else v, visibility=v) for v in Visibility.values}
    anon = AnonymousUser()
    assert selectors.can_view(anon, posts["public"]) and selectors.can_view(anon, posts["unlisted"])
    assert not selectors.can_view(anon, posts["private"]) and not selectors.can_view(anon, posts["direct"])
    assert selectors.can_view(other, posts["private"]) and not selectors.can_view(other, posts["direct"])
    assert not selectors.can_view(third, posts["private"]) and selectors.can_view(third, posts["direct"])
    visible_to_third = set(selectors.posts_visible_to(third).values_list("visibility", flat=True))
    assert visible_to_third == {"public", "unlisted", "direct"}
    with pytest.raises(NotFound):
        selectors.post_get_visible(third, posts["private"].pk)


def test_blocked_posts_are_invisible(user, other):
    post = make_post(user, text="Bonjour")
    accounts.block_create(user, other)
    assert not selectors.can_view(other, post)
    assert not selectors.exclude_hidden(other, selectors.posts_visible_to(other)).exists()


def test_context_orders_ancestors_and_descendants(user, other, third):
    root = make_post(user, text="racine")
    a = make_post(other, text="a", in_reply_to_id=root.pk)
    b = make_post(third, text="b", in_reply_to_id=root.pk)
    a1 = make_post(user, text="a1", in_reply_to_id=a.pk)
    ctx = selectors.post_context(user, a)
    assert ctx.ancestors == [root]
    assert ctx.descendants == [a1]
    ctx = selectors.post_context(user, root)
    assert ctx.descendants == [a, a1, b]
    accounts.block_create(user, third)
    assert b not in selectors.post_context(user, root).descendants


def test_viewer_state_is_one_query(user, other, django_assert_num_queries):
    p1, p2 = make_post(other, text="un"), make_post(other, text="deux")
    services.gesture_add(user, p1, "hug")
    services.post_reblog(user, p2)
    with django_assert_num_queries(1):
        state = selectors.viewer_state(user, [p1, p2])
    assert state.gave(p1.pk, "hug") and not state.gave(p2.pk, "hug")
    assert state.reblogged == {p2.pk}


def test_gestures_by_kind_lists_givers(user, other, third):
    post = make_post(user, text="Merci")
    services.gesture_add(other, post, "flowers")
    services.gesture_add(third, post, "flowers")
    assert selectors.gestures_by_kind(post)["flowers"] == [other, third]


def test_account_posts_filters(user, other):
    root = make_post(user, text="racine")
    make_post(user, text="réponse", in_reply_to_id=make_post(other, text="x").pk)
    services.post_reblog(user, make_post(other, text="y"))
    story = services.post_create(user, text="long", is_story=True, title="Titre")
    assert set(selectors.account_posts(user, user, exclude_replies=True, exclude_reblogs=True)) == {root, story}
    assert list(selectors.account_posts(user, user, only_stories=True)) == [story]

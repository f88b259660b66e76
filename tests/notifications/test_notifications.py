import pytest

from reconfort.accounts import services as accounts
from reconfort.core.errors import NotFound
from reconfort.notifications import selectors, services
from reconfort.notifications.models import Notification
from reconfort.posts import services as posts
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("type", "gesture_kind"))


def test_each_event_notifies(user, other):
    accounts.follow_create(other, user)
    accounts.follow_create(user, other)  # the comfort guard holds replies to memorial posts from people not followed
    post = make_post(user, text="Ma mère est partie hier soir.", kind="memorial")
    posts.gesture_add(other, post, "candle")
    posts.post_reblog(other, post)
    make_post(other, text="Toutes mes pensées", in_reply_to_id=post.pk)
    make_post(other, text="@marie courage")
    assert kinds(user) == [
        ("follow", ""),
        ("gesture", "candle"),
        ("mention", ""),
        ("reblog", ""),
        ("reply", ""),
    ]


def test_removing_gesture_withdraws_notification(user, other):
    post = make_post(user, text="Merci")
    posts.gesture_add(other, post, "hug")
    posts.gesture_remove(other, post, "hug")
    assert kinds(user) == []


def test_follow_request_then_accept(user, other):
    user.locked = True
    user.save()
    accounts.follow_create(other, user)
    assert kinds(user) == [("follow_request", "")]
    accounts.follow_request_accept(user, other)
    assert kinds(user) == [("follow", "")]


def test_no_notification_from_blocked_or_muted_or_self(user, other, third):
    accounts.mute_create(user, third)
    post = make_post(user, text="Bonjour")
    posts.gesture_add(user, post, "heart")
    posts.gesture_add(third, post, "heart")
    accounts.block_create(user, other)
    make_post(other, text="@marie tu m'entends ?")
    assert kinds(user) == []


def test_unread_count_follows_marker(user, other):
    post = make_post(user, text="Bonjour")
    posts.gesture_add(other, post, "hug")
    posts.gesture_add(other, post, "flowers")
    assert selectors.unread_count(user) == 2
    newest = Notification.objects.filter(recipient=user).order_by("-id").first()
    services.marker_set(user, "notifications", newest.pk)
    assert selectors.unread_count(user) == 0
    marker = services.marker_set(user, "notifications", newest.pk)
    assert marker.version == 1


def test_dismiss_only_own(user, other):
    post = make_post(user, text="Bonjour")
    posts.gesture_add(other, post, "hug")
    n = Notification.objects.get()
    with pytest.raises(NotFound):
        services.notification_dismiss(other, n.pk)
    with pytest.raises(NotFound):
        services.notification_dismiss(user, "x")
    services.notification_dismiss(user, n.pk)
    assert not Notification.objects.exists()

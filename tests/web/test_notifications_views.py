"""The notifications page."""

import pytest
from django.urls import reverse

from reconfort.accounts import services as account_services
from reconfort.notifications.selectors import unread_count
from reconfort.posts import services as post_services
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_notifications_need_login(client, db):
    assert client.get(reverse("notifications:list")).status_code == 302


@pytest.mark.parametrize(
    "language, candle, reply, follow",
    [
        ("fr", "a allumé une bougie", "vous a répondu", "vous suit"),
        ("en", "lit a candle for your post", "replied to you", "follows you now"),
    ],
)
def test_each_kind_of_notification_is_a_sentence(client, user, other, language, candle, reply, follow):
    post = make_post(user, text="Un an aujourd'hui")
    post_services.gesture_add(other, post, "candle")
    make_post(other, text="Je suis là", in_reply_to_id=post.pk)
    account_services.follow_create(other, user)
    user.language = language
    user.save()
    client.force_login(user)
    html = client.get(reverse("notifications:list")).content.decode()
    for text in (candle, reply, follow):
        assert text in html
    assert "Un an aujourd&#x27;hui" in html


def test_visiting_marks_notifications_read(client, user, other):
    post_services.gesture_add(other, make_post(user), "hug")
    assert unread_count(user) == 1
    client.force_login(user)
    html = client.get(reverse("notifications:list")).content.decode()
    assert "notification--new" in html
    assert unread_count(user) == 0
    assert "notification--new" not in client.get(reverse("notifications:list")).content.decode()


def test_muted_actor_notifications_are_not_shown(client, user, other):
    post_services.gesture_add(other, make_post(user), "hug")
    account_services.mute_create(user, other)
    client.force_login(user)
    assert "Tom" not in client.get(reverse("notifications:list")).content.decode()


def test_bad_page_is_400(client, user):
    client.force_login(user)
    assert client.get(reverse("notifications:list"), {"max_id": "x"}).status_code == 400

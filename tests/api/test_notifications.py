from reconfort.accounts.services import follow_create
from reconfort.notifications.models import Notification
from reconfort.posts import services as post_services
from tests.factories import make_post


def _everything_happens_to(user, other):
    post = make_post(user, "Ma grand-mère est partie ce matin")
    make_post(other, "Je suis là pour toi", in_reply_to_id=post.pk)
    post_services.gesture_add(other, post, "heart")
    post_services.gesture_add(other, post, "candle")
    post_services.post_reblog(other, post)
    follow_create(other, user)
    return post


def test_types_map_to_mastodon_and_pleroma(api, user, other):
    post = _everything_happens_to(user, other)
    data = api.get("/api/v1/notifications").json()
    types = sorted(n["type"] for n in data)
    assert types == ["favourite", "follow", "mention", "pleroma:emoji_reaction", "reblog"]
    reaction = next(n for n in data if n["type"] == "pleroma:emoji_reaction")
    assert reaction["emoji"] == "🕯️" and reaction["status"]["id"] == str(post.pk)
    assert all(n["account"]["username"] == "tom" for n in data)


def test_type_filters(api, user, other):
    _everything_happens_to(user, other)
    only = api.get("/api/v1/notifications", {"types[]": ["favourite", "follow"]}).json()
    assert sorted(n["type"] for n in only) == ["favourite", "follow"]
    without = api.get("/api/v1/notifications", {"exclude_types[]": ["mention", "pleroma:emoji_reaction"]}).json()
    assert sorted(n["type"] for n in without) == ["favourite", "follow", "reblog"]
    assert api.get("/api/v1/notifications", {"types[]": ["poll"]}).json() == []


def test_get_dismiss_clear_and_other_peoples_notifications(api_for, user, other):
    _everything_happens_to(user, other)
    mine = Notification.objects.filter(recipient=user).order_by("id").first()
    client = api_for(user)
    assert client.get(f"/api/v1/notifications/{mine.pk}").json()["id"] == str(mine.pk)
    assert api_for(other).get(f"/api/v1/notifications/{mine.pk}").status_code == 404
    assert api_for(other).post(f"/api/v1/notifications/{mine.pk}/dismiss").status_code == 404
    assert client.post(f"/api/v1/notifications/{mine.pk}/dismiss").status_code == 200
    assert not Notification.objects.filter(pk=mine.pk).exists()
    assert client.post("/api/v1/notifications/abc/dismiss").status_code == 404
    assert client.post("/api/v1/notifications/clear").status_code == 200
    assert client.get("/api/v1/notifications").json() == []


def test_notifications_paginate(api, user, other, third):
    post = make_post(user, "Merci")
    post_services.gesture_add(other, post, "hug")
    post_services.gesture_add(third, post, "hug")
    response = api.get("/api/v1/notifications", {"limit": 1})
    first = response.json()
    assert len(first) == 1 and 'rel="next"' in response["Link"]
    second = api.get("/api/v1/notifications", {"limit": 1, "max_id": first[0]["id"]}).json()
    assert len(second) == 1 and second[0]["id"] != first[0]["id"]


def test_markers(api, user):
    assert api.get("/api/v1/markers", {"timeline[]": ["home", "notifications"]}).json() == {}
    saved = api.post("/api/v1/markers", {"home[last_read_id]": "42"})
    assert saved.status_code == 200 and saved.json()["home"]["last_read_id"] == "42"
    again = api.post_json("/api/v1/markers", {"home": {"last_read_id": 50}, "notifications": {"last_read_id": "7"}})
    assert again.json()["home"]["version"] == 1 and again.json()["notifications"]["last_read_id"] == "7"
    data = api.get("/api/v1/markers", {"timeline[]": "home"}).json()
    assert list(data) == ["home"] and data["home"]["last_read_id"] == "50"
    assert api.post_json("/api/v1/markers", {"home": {"last_read_id": "nope"}}).status_code == 422


def test_notifications_need_the_scope(api_for, user):
    assert api_for(user, scope="write").get("/api/v1/notifications").status_code == 403
    assert api_for(user, scope="read:notifications").get("/api/v1/notifications").status_code == 200


def test_memorial_anniversaries_are_left_out(api_for, user, other):
    """No Mastodon type fits a memorial anniversary (no status, no other account): clients never see it."""
    from reconfort.notifications.models import NotificationType
    from reconfort.notifications.services import notification_notice

    notification_notice(recipient_id=user.pk, type=NotificationType.MEMORIAL_ANNIVERSARY, subject_id=1)
    notice = Notification.objects.get(recipient=user)
    client = api_for(user)
    assert client.get("/api/v1/notifications").json() == []
    assert client.get(f"/api/v1/notifications/{notice.pk}").status_code == 404

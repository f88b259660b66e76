import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reconfort.accounts.services import block_create, follow_create, mute_create
from reconfort.posts import services as post_services
from tests.factories import UserFactory, make_post


def _image(name="photo.jpg"):
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "#abcdef").save(buf, format="JPEG")
    return SimpleUploadedFile(name, buf.getvalue(), content_type="image/jpeg")


def _busy_community(viewer, authors: int, posts_each: int):
    """Authors the viewer follows, each with posts carrying media, tags, mentions, replies, reshares and gestures."""
    members = [UserFactory() for _ in range(authors)]
    for member in members:
        follow_create(viewer, member)
    for i in range(posts_each):
        for member in members:
            media = post_services.media_upload(member, _image())
            post = make_post(member, f"Pensée {i} #espoir @{viewer.username}", media_ids=[media.pk])
            post_services.gesture_add(viewer, post, "candle")
            post_services.gesture_add(viewer, post, "heart")
        reshared = make_post(members[0], f"À partager {i}")
        post_services.post_reblog(members[-1], reshared)
    return members


@pytest.mark.parametrize("path", ["/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/timelines/tag/espoir"])
def test_a_timeline_page_costs_at_most_six_queries(path, api, user, django_assert_max_num_queries):
    _busy_community(user, authors=6, posts_each=4)
    for limit in (5, 40):
        with django_assert_max_num_queries(6):
            response = api.get(path, {"limit": limit})
        assert response.status_code == 200
        statuses = response.json()
        # The larger page really is larger: the cost does not grow with it.
        assert len(statuses) == 5 if limit == 5 else len(statuses) > 20
    media_status = next(s for s in statuses if s["media_attachments"])
    assert media_status["pleroma"]["emoji_reactions"] == [{"name": "🕯️", "count": 1, "me": True}]
    assert media_status["favourited"] is True


def test_home_has_followed_posts_and_pagination_links(api, user, other, third):
    follow_create(user, other)
    posts = [make_post(other, f"Message {i}") for i in range(5)]
    make_post(third, "Pas suivie")
    response = api.get("/api/v1/timelines/home", {"limit": 2})
    page = response.json()
    assert [s["id"] for s in page] == [str(posts[4].pk), str(posts[3].pk)]
    link = response["Link"]
    assert f"max_id={posts[3].pk}" in link and 'rel="next"' in link and f"min_id={posts[4].pk}" in link
    older = api.get("/api/v1/timelines/home", {"limit": 2, "max_id": posts[3].pk}).json()
    assert [s["id"] for s in older] == [str(posts[2].pk), str(posts[1].pk)]
    newer = api.get("/api/v1/timelines/home", {"min_id": posts[1].pk, "limit": 2}).json()
    assert [s["id"] for s in newer] == [str(posts[3].pk), str(posts[2].pk)]
    since = api.get("/api/v1/timelines/home", {"since_id": posts[3].pk}).json()
    assert [s["id"] for s in since] == [str(posts[4].pk)]


def test_public_timeline_hides_blocked_and_muted_accounts(api, anon, user, other, third):
    make_post(other, "De Tom")
    make_post(third, "D'Amina")
    block_create(user, other)
    mute_create(user, third)
    assert api.get("/api/v1/timelines/public").json() == []
    assert len(anon.get("/api/v1/timelines/public").json()) == 2


def test_followers_only_post_not_in_strangers_views(api_for, user, other, third):
    post = make_post(user, "Pour mes abonnés #intime", visibility="private")
    follow_create(other, user)
    assert [s["id"] for s in api_for(other).get("/api/v1/timelines/home").json()] == [str(post.pk)]
    stranger = api_for(third)
    assert stranger.get("/api/v1/timelines/public").json() == []
    assert stranger.get("/api/v1/timelines/tag/intime").json() == []
    assert stranger.get(f"/api/v1/accounts/{user.pk}/statuses").json() == []


def test_tag_timeline_ignores_case(api, other):
    post = make_post(other, "Une bougie #Réconfort")
    assert [s["id"] for s in api.get("/api/v1/timelines/tag/réconfort").json()] == [str(post.pk)]


def test_bad_pagination_is_422(api):
    for params in ({"limit": "many"}, {"max_id": "abc"}, {"since_id": "99999999999999999999999"}):
        response = api.get("/api/v1/timelines/public", params)
        assert response.status_code == 422 and response.json()["error"], params


def test_home_needs_a_member(anon):
    assert anon.get("/api/v1/timelines/home").status_code == 401


def test_a_page_of_statuses_reads_the_memorialised_accounts_once(api, user, monkeypatch):
    """Each status's account says whether it is memorialised; the set is read from the cache once per request,
    not once per status (on the embedded default the cache is a database table)."""
    from reconfort.memorials import selectors as memorial_selectors

    for _ in range(5):
        make_post(UserFactory(), "Une pensée #espoir")
    reads = []
    real_read = memorial_selectors._memorialised_ids_from_cache

    def counting_read():
        reads.append(1)
        return real_read()

    monkeypatch.setattr(memorial_selectors, "_memorialised_ids_from_cache", counting_read)
    response = api.get("/api/v1/timelines/public")
    assert response.status_code == 200 and len(response.json()) == 5
    assert len(reads) == 1

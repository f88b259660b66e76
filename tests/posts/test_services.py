import threading

import pytest
from django.db import connection

from reconfort.accounts import services as accounts
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.posts import services
from reconfort.posts.models import Gesture, IdempotencyKey, Mention, Post, PostEdit, Visibility
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_post_links_tags_mentions_and_counts(user, other):
    post = make_post(user, text="Serrez fort les vôtres ce soir #Deuil #deuil @tom @ghost")
    assert post.tag_names == ["Deuil"]
    assert post.mentions_data == [{"id": other.pk, "username": "tom"}]
    assert 'href="/@tom"' in post.content_html
    assert "@ghost" in post.content_html and 'href="/@ghost"' not in post.content_html
    assert Mention.objects.filter(post=post, account=other).exists()
    user.refresh_from_db()
    assert user.statuses_count == 1 and user.last_status_at is not None


def test_post_html_is_escaped(user):
    post = make_post(user, text='<script>alert(1)</script> <img src=x onerror=alert(1)> "quotes"')
    assert "<script>" not in post.content_html
    assert "<img" not in post.content_html
    assert "&lt;script&gt;" in post.content_html


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"text": ""}, "empty"),
        ({"text": "   \n "}, "empty"),
        ({"text": "x" * 1001}, "too_long"),
        ({"text": "ok", "visibility": "everyone"}, "invalid_visibility"),
        ({"text": "ok", "kind": "likes"}, "invalid_kind"),
        ({"text": "ok", "language": "xx"}, "invalid_language"),
        ({"text": "ok", "media_ids": ["12"]}, "unknown_media"),
    ],
)
def test_invalid_posts_are_refused_and_write_nothing(user, fields, code):
    with pytest.raises(ServiceError) as exc:
        services.post_create(user, **fields)
    assert exc.value.code == code
    assert Post.objects.count() == 0
    user.refresh_from_db()
    assert user.statuses_count == 0


def test_thousand_characters_is_allowed(user):
    assert make_post(user, text="é" * 1000).pk


def test_story_needs_title_allows_long_markdown_and_is_sanitised(user):
    with pytest.raises(ServiceError):
        services.post_create(user, text="Texte", is_story=True, title="")
    body = "## Maman\n\nElle aimait les *roses*.\n\n<script>x</script>\n\n" + ("Un souvenir. " * 1400)
    story = services.post_create(user, text=body, is_story=True, title="Ce que le cancer m'a appris")
    assert story.is_story and len(story.text) > 1000
    assert "<h2>Maman</h2>" in story.content_html and "<em>roses</em>" in story.content_html
    assert "<script>" not in story.content_html
    with pytest.raises(ServiceError):
        services.post_create(user, text="x" * 20001, is_story=True, title="Trop long")


def test_reply_threads_and_counts(user, other):
    root = make_post(user, text="Ma fille est née cette nuit")
    reply = make_post(other, text="Félicitations !", in_reply_to_id=root.pk)
    deeper = make_post(user, text="Merci 💐", in_reply_to_id=reply.pk)
    assert reply.thread_root_id == root.pk and deeper.thread_root_id == root.pk
    assert reply.in_reply_to_account == user
    root.refresh_from_db()
    assert root.replies_count == 1
    assert reply.mentions_data == [{"id": user.pk, "username": "marie"}]


def test_cannot_reply_to_invisible_or_blocked(user, other):
    private = make_post(user, text="Pour mes proches", visibility=Visibility.PRIVATE)
    with pytest.raises(NotFound):
        make_post(other, text="?", in_reply_to_id=private.pk)
    with pytest.raises(NotFound):
        make_post(other, text="?", in_reply_to_id="nope")
    public = make_post(user, text="Public")
    accounts.block_create(user, other)
    with pytest.raises(NotFound):  # a blocked post is answered as absent, never as "forbidden"
        make_post(other, text="!", in_reply_to_id=public.pk)


def test_edit_keeps_history_and_only_author_may(user, other):
    post = make_post(user, text="Première version #un")
    services.post_edit(user, post, text="Deuxième version #deux", spoiler_text="deuil")
    post.refresh_from_db()
    assert post.text == "Deuxième version #deux" and post.edited_at is not None
    assert post.tag_names == ["deux"] and post.sensitive
    assert list(PostEdit.objects.filter(post=post).values_list("text", flat=True)) == ["Première version #un"]
    with pytest.raises(Forbidden):
        services.post_edit(other, post, text="piraté")
    with pytest.raises(ServiceError):
        services.post_edit(user, post, text="")
    post.refresh_from_db()
    assert post.text == "Deuxième version #deux"


def test_delete_only_by_author_and_counts_follow(user, other):
    root = make_post(user, text="Bonjour")
    reply = make_post(other, text="Bonjour à toi", in_reply_to_id=root.pk)
    with pytest.raises(Forbidden):
        services.post_delete(other, root)
    services.post_delete(other, reply)
    root.refresh_from_db()
    assert root.replies_count == 0
    other.refresh_from_db()
    assert other.statuses_count == 0


def test_reblog_is_idempotent_and_undoable(user, other):
    post = make_post(user, text="Donnez votre sang #dondusang")
    first = services.post_reblog(other, post)
    again = services.post_reblog(other, post)
    assert first.pk == again.pk
    post.refresh_from_db()
    assert post.reblogs_count == 1
    services.post_unreblog(other, post)
    post.refresh_from_db()
    assert post.reblogs_count == 0
    assert not Post.objects.filter(reblog_of=post).exists()


def test_private_and_direct_posts_cannot_be_reshared(user, other):
    accounts.follow_create(other, user)
    private = make_post(user, text="entre nous", visibility=Visibility.PRIVATE)
    with pytest.raises(Forbidden):
        services.post_reblog(other, private)


def test_gestures_one_of_each_kind_and_undoable(user, other):
    post = make_post(user, text="Papa nous a quittés ce matin.", kind="memorial")
    services.gesture_add(other, post, "candle")
    services.gesture_add(other, post, "candle")
    services.gesture_add(other, post, "hug")
    post.refresh_from_db()
    assert post.candle_count == 1 and post.hug_count == 1 and post.heart_count == 0
    services.gesture_remove(other, post, "candle")
    services.gesture_remove(other, post, "candle")
    post.refresh_from_db()
    assert post.candle_count == 0
    assert list(Gesture.objects.values_list("kind", flat=True)) == ["hug"]
    with pytest.raises(ServiceError):
        services.gesture_add(other, post, "like")


def test_gesture_on_reshare_goes_to_original(user, other, third):
    post = make_post(user, text="Merci à tous")
    reblog = services.post_reblog(other, post)
    services.gesture_add(third, reblog, "heart")
    post.refresh_from_db()
    assert post.heart_count == 1


def test_gestures_refused_on_invisible_posts(user, other):
    direct = make_post(user, text="Juste pour moi", visibility=Visibility.DIRECT)
    with pytest.raises(NotFound):
        services.gesture_add(other, direct, "hug")


def test_idempotency_key_returns_same_post(user):
    a = services.post_create(user, text="Une fois", idempotency_key="abc")
    b = services.post_create(user, text="Une fois", idempotency_key="abc")
    assert a.pk == b.pk and Post.objects.count() == 1
    user.refresh_from_db()
    assert user.statuses_count == 1


def test_idempotency_key_is_per_user(user, other):
    a = services.post_create(user, text="Moi", idempotency_key="same")
    b = services.post_create(other, text="Toi", idempotency_key="same")
    assert a.pk != b.pk


def test_expired_idempotency_key_makes_a_new_post(user):
    from datetime import timedelta

    from django.utils import timezone

    a = services.post_create(user, text="Hier", idempotency_key="k")
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=2))
    b = services.post_create(user, text="Aujourd'hui", idempotency_key="k")
    assert a.pk != b.pk


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_key_make_one_post(user):
    results, errors = [], []
    barrier = threading.Barrier(4)

    def attempt():
        try:
            barrier.wait()
            results.append(services.post_create(user, text="Réessai", idempotency_key="retry-1").pk)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 1
    assert Post.objects.filter(author=user).count() == 1


def test_media_upload_strips_metadata_and_attaches(user):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    image = Image.new("RGB", (3000, 2000), "#ccddee")
    exif = Image.Exif()
    exif[0x8825] = {2: (48.0, 51.0, 0.0)}  # GPS latitude
    exif[0x010F] = "PhoneMaker"
    buf = io.BytesIO()
    image.save(buf, format="JPEG", exif=exif)
    media = services.media_upload(user, SimpleUploadedFile("p.jpg", buf.getvalue(), "image/jpeg"), description="Max")
    assert max(media.width, media.height) == 1600
    with Image.open(media.file.path) as stored:
        assert not stored.getexif()
    post = services.post_create(user, text="", media_ids=[media.pk])
    assert list(post.media.all()) == [media]
    with pytest.raises(ServiceError):
        services.post_create(user, text="encore", media_ids=[media.pk])  # already attached

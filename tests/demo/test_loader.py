"""The demo community: loaded through the services, with everything a visitor expects to find."""

from django.contrib.auth import authenticate
from django.db.models import Count, Q

from reconfort.accounts.models import Follow, User
from reconfort.core.pagination import PageParams
from reconfort.demo.content import ADMIN_USERNAME, DEMO_PASSWORD, MEMBERS, POSTS, RESHARES
from reconfort.notifications.models import Notification, NotificationType
from reconfort.posts.models import Gesture, Post, PostEdit
from reconfort.timelines import selectors as timelines


def test_loaded_despite_closed_registrations_and_tasks_ran_inline(community, read_db):
    result, huey_mode_after_load = community
    assert result.created and result.admin_created
    assert huey_mode_after_load is False, "the loader restores the queue mode it found"
    assert User.objects.filter(username="camille_roux", is_active=True).exists()


def test_members_and_admin_sign_in_with_the_printed_password(read_db):
    assert User.objects.count() == len(MEMBERS) + 1
    for username in ("camille_roux", "sarah_okafor", ADMIN_USERNAME):
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None
    assert authenticate(username="camille_roux", password="wrong password") is None
    admin = User.objects.get(username=ADMIN_USERNAME)
    assert admin.is_superuser and admin.is_staff and admin.is_moderator
    assert User.objects.filter(locked=True).count() >= 3
    assert all(u.bio_html for u in User.objects.exclude(username=ADMIN_USERNAME))
    assert not User.objects.exclude(username=ADMIN_USERNAME).filter(email_confirmed=False).exists()


def test_posts_in_french_and_english_with_replies_reshares_and_stories(read_db):
    originals = Post.objects.filter(reblog_of__isnull=True)
    assert originals.filter(language="fr").count() >= 30
    assert originals.filter(language="en").count() >= 30
    assert originals.filter(in_reply_to__isnull=False).count() >= 30
    assert originals.filter(in_reply_to__in_reply_to__isnull=False).exists(), "threads go several levels deep"
    assert Post.objects.filter(reblog_of__isnull=False).count() == len(RESHARES)
    stories = originals.filter(is_story=True)
    assert stories.count() == 3
    for story in stories:
        assert story.title and "<h2>" in story.content_html and "<script" not in story.content_html
    assert set(originals.values_list("kind", flat=True)) >= {"memorial", "gratitude", "support_request", "news"}
    assert originals.filter(visibility="private").exists() and originals.filter(visibility="direct").exists()
    assert not originals.filter(Q(text__icontains="lorem") | Q(text__icontains="ipsum")).exists()


def test_hashtags_are_linked_and_case_folded(read_db):
    assert Post.objects.filter(tags__key="réconfort").count() >= 3
    [both_spellings] = [p for p in Post.objects.filter(tags__key="réconfort") if "#Réconfort" in p.text]
    assert "#réconfort" in both_spellings.text and both_spellings.tags.count() == 1
    assert Post.objects.filter(tags__key="deuil").exists() and Post.objects.filter(tags__key="grief").exists()
    assert 'class="mention hashtag"' in Post.objects.filter(tags__key="dondusang").first().content_html


def test_counters_match_the_rows_because_everything_went_through_the_services(read_db):
    for post in Post.objects.filter(reblog_of__isnull=True).annotate(
        hugs=Count("gestures", filter=Q(gestures__kind="hug"), distinct=True),
        candles=Count("gestures", filter=Q(gestures__kind="candle"), distinct=True),
        reply_rows=Count("replies", distinct=True),
    ):
        assert (post.hug_count, post.candle_count, post.replies_count) == (post.hugs, post.candles, post.reply_rows)
    for user in User.objects.all():
        assert user.followers_count == Follow.objects.filter(target=user, state=Follow.State.ACCEPTED).count()
        # Anonymous requests are not counted (decision 0038: the count would give their asker away).
        assert user.statuses_count == Post.objects.filter(author=user, author_alias="").count()
    assert Gesture.objects.values("kind").distinct().count() == 5
    assert PostEdit.objects.count() == 1


def test_follows_include_pending_requests_to_locked_accounts(read_db):
    assert Follow.objects.filter(state=Follow.State.ACCEPTED).count() > len(MEMBERS) * 5
    assert Follow.objects.filter(state=Follow.State.PENDING, target__locked=True).exists()
    assert Notification.objects.filter(type=NotificationType.FOLLOW_REQUEST).exists()


def test_home_timelines_and_notifications_are_filled(read_db):
    camille = User.objects.get(username="camille_roux")
    home = timelines.home_timeline(camille, PageParams(limit=40))
    assert len(home) >= 30
    assert {p.author_id for p in home} - {camille.pk}, "the home shows the people Camille follows"
    kinds = set(Notification.objects.filter(recipient=camille).values_list("type", flat=True))
    assert {NotificationType.GESTURE, NotificationType.FOLLOW, NotificationType.REPLY} <= kinds


def test_dates_are_spread_over_the_past_days_in_order(read_db):
    times = list(Post.objects.order_by("id").values_list("created_at", flat=True))
    assert times == sorted(times)
    assert (times[-1] - times[0]).days >= 5
    for notification in Notification.objects.filter(type=NotificationType.GESTURE).select_related("post")[:50]:
        assert notification.created_at >= notification.post.created_at


def test_every_reply_points_at_an_earlier_post():
    keys = [p.key for p in POSTS]
    for position, post in enumerate(POSTS):
        if post.reply_to:
            assert keys.index(post.reply_to) < position, post.key

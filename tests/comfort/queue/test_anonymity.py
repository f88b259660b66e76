"""An anonymous request for comfort (decision 0038): only its asker and moderators can tell it is theirs, on every
page — timelines, the post and its thread, the profile, search, feeds, notifications, the givers of gestures."""

import importlib

import pytest
from django.apps import apps
from django.test import Client

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Role, User
from reconfort.comfort.models import SupportRequest
from reconfort.core.errors import ServiceError
from reconfort.moderation import services as moderation_services
from reconfort.notifications.models import Notification, NotificationType
from reconfort.posts import services as post_services
from reconfort.posts.authors import alias_handle
from reconfort.posts.models import Mention, Post
from reconfort.timelines.models import HomeFeedEntry
from tests.factories import make_post

from .conftest import ask, old_member, opt_in, trusted_by

pytestmark = pytest.mark.django_db

SECRET = "Personne ne sait que je pleure chaque nuit #insomnie"
WORDS = "pleure chaque nuit"  # as the page shows them (the tag becomes a link)
# What would give the asker away on a page: her name, her handle, her profile link.
GIVEAWAYS = ("Solène Verdier", "@solene_v", "/@solene_v")


def signed_in(person) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def names_asker(text: str) -> bool:
    for g in GIVEAWAYS:
        if g in text:
            at = text.index(g)
            print("GIVEAWAY", text[max(0, at - 300) : at + 100])
            return True
    return False


@pytest.fixture
def people(db):
    asker = old_member(username="solene_v", display_name="Solène Verdier", language="en")
    follower = old_member(username="bruno", display_name="Bruno", language="en")
    stranger = old_member(username="ines", display_name="Inès", language="en")
    moderator = old_member(username="garance", display_name="Garance", role=Role.MODERATOR, language="en")
    comforter = old_member(username="paul", display_name="Paul", language="en")
    opt_in(comforter)
    account_services.follow_create(follower, asker)
    trusted_by(asker, comforter)  # the kind-reply guard shows his reply at once
    # (that follow's own notice names her: not what these tests look at)
    Notification.objects.filter(recipient=comforter, type=NotificationType.FOLLOW).delete()
    return {
        "asker": asker,
        "follower": follower,
        "stranger": stranger,
        "moderator": moderator,
        "comforter": comforter,
    }


@pytest.fixture
def request_(people):
    return ask(people["asker"], text=SECRET, anonymous=True, language="en")


def test_the_post_carries_the_pseudonym_and_leaves_the_profile_counts_alone(people, request_):
    post = request_.post
    assert request_.anonymous and request_.pseudonym and post.author_alias == request_.pseudonym
    assert User.objects.get(pk=people["asker"].pk).statuses_count == 0
    post_services.post_delete(people["asker"], post)
    assert User.objects.get(pk=people["asker"].pk).statuses_count == 0


def test_an_anonymous_request_for_followers_only_is_refused(people):
    with pytest.raises(ServiceError) as refused:
        ask(people["asker"], text=SECRET, anonymous=True, audience="private")
    assert refused.value.field == "audience" and not Post.objects.exists()


def test_it_reaches_no_followers_home_only_the_askers(people, request_):
    owners = set(HomeFeedEntry.objects.filter(post=request_.post).values_list("owner_id", flat=True))
    assert owners == {people["asker"].pk}
    assert WORDS not in signed_in(people["follower"]).get("/").text
    assert WORDS in signed_in(people["asker"]).get("/").text
    # A new follower's home is filled with recent posts: never this one.
    account_services.follow_create(people["stranger"], people["asker"])
    assert not HomeFeedEntry.objects.filter(owner=people["stranger"], post=request_.post).exists()


def test_public_timeline_card_shows_the_pseudonym(people, request_):
    for viewer in (None, people["stranger"], people["follower"]):
        page = signed_in(viewer).get("/community/").text
        assert WORDS in page and request_.pseudonym in page
        assert not names_asker(page), viewer
    own = signed_in(people["asker"]).get("/community/").text
    assert "Solène Verdier" in own and "only the author and the moderators see who wrote it" in own
    assert "Solène Verdier" in signed_in(people["moderator"]).get("/community/").text


def test_post_page_lives_at_posts_id_and_names_nobody(people, request_):
    post = request_.post
    for tried in (f"/@solene_v/{post.pk}", f"/@bruno/{post.pk}"):  # no name is confirmed or denied
        response = signed_in(people["stranger"]).get(tried)
        assert response.status_code == 302 and response["Location"] == f"/posts/{post.pk}"
    for viewer in (None, people["stranger"], people["follower"]):
        page = signed_in(viewer).get(f"/posts/{post.pk}")
        assert page.status_code == 200 and request_.pseudonym in page.text
        assert not names_asker(page.text)
    assert "Solène Verdier" in signed_in(people["asker"]).get(f"/posts/{post.pk}").text
    assert "Solène Verdier" in signed_in(people["moderator"]).get(f"/posts/{post.pk}").text


def test_profile_page_does_not_list_it(people, request_):
    make_post(people["asker"], "Un message ordinaire", language="fr")
    for viewer in (None, people["stranger"], people["follower"]):
        page = signed_in(viewer).get("/@solene_v").text
        assert "Un message ordinaire" in page and "pleure" not in page
    assert "pleure" in signed_in(people["asker"]).get("/@solene_v").text
    assert "pleure" in signed_in(people["moderator"]).get("/@solene_v").text


def test_a_comforters_reply_does_not_mention_the_asker_who_is_still_notified(people, request_):
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request_.post_id)
    assert not reply.held
    assert reply.mentions_data == [] and not Mention.objects.filter(post=reply).exists()
    assert Notification.objects.filter(
        recipient=people["asker"], actor=people["comforter"], type=NotificationType.REPLY, post=reply
    ).exists()
    # A Mastodon client starts its reply with the pseudonym's handle: it names nobody, not even a namesake.
    handle = alias_handle(request_.pseudonym)
    old_member(username=handle)
    other = post_services.post_create(people["stranger"], text=f"@{handle} courage", in_reply_to_id=request_.post_id)
    assert other.mentions_data == [] and not Mention.objects.filter(post=other).exists()
    thread = signed_in(people["stranger"]).get(f"/posts/{reply.pk}", follow=True).text
    assert "Je suis là." in thread and request_.pseudonym in thread and not names_asker(thread)


def test_the_askers_reply_in_the_thread_keeps_the_pseudonym(people, request_):
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request_.post_id)
    answer = post_services.post_create(people["asker"], text="Merci, ça m'aide.", in_reply_to_id=reply.pk)
    assert answer.author_alias == request_.pseudonym
    assert User.objects.get(pk=people["asker"].pk).statuses_count == 0
    assert Notification.objects.filter(recipient=people["comforter"], actor=people["asker"], post=answer).exists()
    notifications = signed_in(people["comforter"]).get("/notifications/").text
    assert request_.pseudonym in notifications and not names_asker(notifications)
    # Not listed on her profile, not in her followers' homes.
    assert "ça m'aide" not in signed_in(people["stranger"]).get("/@solene_v").text
    assert not HomeFeedEntry.objects.filter(owner=people["follower"], post=answer).exists()


def test_the_askers_gesture_in_the_thread_shows_the_pseudonym(people, request_):
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request_.post_id)
    post_services.gesture_add(people["asker"], reply, "hug")
    notifications = signed_in(people["comforter"]).get("/notifications/").text
    assert request_.pseudonym in notifications and not names_asker(notifications)
    givers = signed_in(people["comforter"]).get(f"/posts/{reply.pk}", follow=True).text  # the author sees givers
    assert "Who comforted you" in givers and request_.pseudonym in givers and not names_asker(givers)


def test_gestures_on_the_request_reach_the_asker_and_only_she_sees_givers(people, request_):
    post_services.gesture_add(people["stranger"], request_.post, "hug")
    assert Notification.objects.filter(recipient=people["asker"], actor=people["stranger"]).exists()
    assert "Inès" in signed_in(people["asker"]).get(f"/posts/{request_.post_id}").text
    assert "Who comforted you" not in signed_in(people["follower"]).get(f"/posts/{request_.post_id}").text


def test_the_asker_cannot_reshare_from_the_thread_others_can(people, request_):
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request_.post_id)
    for target in (request_.post, reply):
        with pytest.raises(ServiceError):
            post_services.post_reblog(people["asker"], target)
    reshare = post_services.post_reblog(people["stranger"], request_.post)
    account_services.follow_create(people["follower"], people["stranger"])
    assert HomeFeedEntry.objects.filter(owner=people["follower"], post=reshare).exists()
    home = signed_in(people["follower"]).get("/").text
    assert request_.pseudonym in home and "Inès" in home and not names_asker(home)


def test_muting_or_blocking_the_asker_does_not_make_it_vanish(people, request_):
    """Otherwise muting someone and looking for what disappeared would tell whose it is."""
    account_services.mute_create(people["stranger"], people["asker"])
    assert request_.pseudonym in signed_in(people["stranger"]).get("/community/").text
    account_services.block_create(people["follower"], people["asker"])
    assert request_.pseudonym in signed_in(people["follower"]).get("/community/").text
    reply = post_services.post_create(people["follower"], text="Courage.", in_reply_to_id=request_.post_id)
    assert reply.pk
    # The asker's own block still keeps the request from the one she blocked.
    account_services.block_create(people["asker"], people["stranger"])
    assert request_.pseudonym not in signed_in(people["stranger"]).get("/community/").text


def test_search_finds_the_words_never_the_author(people, request_):
    page = signed_in(people["stranger"]).get("/search/", {"q": "pleure"}).text
    assert "pleure" in page and request_.pseudonym in page and not names_asker(page)


def test_feeds_sign_it_with_the_pseudonym_and_the_askers_feed_leaves_it_out(people, request_):
    make_post(people["asker"], "Un message ordinaire", language="fr")
    own_feed = Client().get("/feeds/@solene_v.rss").content.decode()
    assert "ordinaire" in own_feed and "pleure" not in own_feed
    tag_feed = Client().get("/feeds/tags/insomnie.rss").content.decode()
    assert "pleure" in tag_feed and request_.pseudonym in tag_feed and not names_asker(tag_feed)
    assert f"/posts/{request_.post_id}" in tag_feed


def test_reporting_the_asker_never_confirms_the_request_is_hers(people, request_):
    page = signed_in(people["stranger"]).get(f"/report/solene_v/?post={request_.post_id}").text
    assert "pleure" not in page
    for target in (people["asker"], people["follower"]):  # refused the same way under any name
        with pytest.raises(ServiceError) as refused:
            moderation_services.report_create(people["stranger"], target, category="spam", post_ids=[request_.post_id])
        assert refused.value.field == "post_ids"


def test_backfill_migration_gives_old_anonymous_requests_their_pseudonym(people):
    request = ask(people["asker"], text=SECRET, anonymous=True)
    reply = post_services.post_create(people["comforter"], text="Je suis là.", in_reply_to_id=request.post_id)
    answer = post_services.post_create(people["asker"], text="Merci.", in_reply_to_id=reply.pk)
    # As before decision 0038: no pseudonym on the posts, and the reply auto-mentioned the asker.
    Post.objects.all().update(author_alias="")
    SupportRequest.objects.filter(pk=request.pk).update(pseudonym="")
    Mention.objects.create(post=reply, account=people["asker"])
    Post.objects.filter(pk=reply.pk).update(mentions_data=[{"id": people["asker"].pk, "username": "solene_v"}])
    module = importlib.import_module("reconfort.posts.migrations.0006_backfill_author_alias")
    module.backfill(apps, None)
    request.refresh_from_db()
    assert request.pseudonym
    assert set(Post.objects.exclude(author_alias="").values_list("pk", flat=True)) == {request.post_id, answer.pk}
    assert Post.objects.get(pk=answer.pk).author_alias == request.pseudonym
    assert Post.objects.get(pk=reply.pk).mentions_data == [] and not Mention.objects.filter(post=reply).exists()

"""The kind-reply guard through the services: who may reply, what is held, approving and removing."""

import pytest
from django.utils import timezone, translation

from reconfort.comfort.guard import selectors, services
from reconfort.comfort.guard.models import HeldReply
from reconfort.comfort.models import Comforter
from reconfort.core import events
from reconfort.core.errors import Forbidden
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Memorial
from reconfort.notifications.models import Notification
from reconfort.posts import services as post_services
from reconfort.posts.models import Post
from reconfort.posts.selectors import can_view, post_context
from tests.factories import UserFactory, make_post
from tests.memorials.conftest import make_memorial

pytestmark = pytest.mark.django_db

KIND = "Je suis tellement désolée pour ta maman. Je pense fort à toi."
HOSTILE = "c o n n a r d, tout le monde s'en fout de ta mère"


def test_friend_reply_is_shown_and_notifies(asker, friend, request_post):
    reply = make_post(friend, KIND, in_reply_to_id=request_post.pk)
    assert not reply.held and not HeldReply.objects.exists()
    assert Notification.objects.filter(recipient=asker, post=reply).exists()
    request_post.refresh_from_db()
    assert request_post.replies_count == 1


def test_stranger_reply_is_held_unseen_and_unnotified(asker, stranger, request_post):
    reply = make_post(stranger, KIND, in_reply_to_id=request_post.pk)
    assert reply.held
    held = HeldReply.objects.get(reply=reply)
    assert held.owner == asker and held.reasons == ["not_followed"] and held.state == "held"
    assert not Notification.objects.filter(recipient=asker).exists()
    assert can_view(stranger, reply) and not can_view(asker, reply) and not can_view(UserFactory(), reply)
    assert reply not in post_context(asker, request_post).descendants
    assert reply in post_context(stranger, request_post).descendants
    request_post.refresh_from_db()
    assert request_post.replies_count == 0
    assert list(selectors.held_for(asker)) == [held] and not selectors.held_for(stranger).exists()


def test_hostile_reply_from_a_friend_is_held_for_its_words(asker, friend, request_post):
    reply = make_post(friend, HOSTILE, in_reply_to_id=request_post.pk)
    held = HeldReply.objects.get(reply=reply)
    assert reply.held and "not_followed" not in held.reasons and "hostility" in held.reasons


def test_approve_shows_the_reply_notifies_and_emits_released(asker, stranger, request_post):
    released = []
    events.subscribe(events.REPLY_RELEASED, lambda post_id, **_: released.append(post_id))
    reply = make_post(stranger, KIND, in_reply_to_id=request_post.pk)
    held = selectors.held_get_for_decision(asker, HeldReply.objects.get(reply=reply).pk)
    services.held_reply_approve(asker, held)
    reply.refresh_from_db()
    request_post.refresh_from_db()
    assert not reply.held and can_view(UserFactory(), reply) and request_post.replies_count == 1
    assert released == [reply.pk]
    assert Notification.objects.filter(recipient=asker, post=reply, type="reply").exists()
    services.held_reply_approve(asker, held)  # twice: nothing more
    assert released == [reply.pk]
    with translation.override("en"), pytest.raises(Exception, match="already"):
        services.held_reply_remove(asker, held)


def test_remove_keeps_it_out_for_good(asker, stranger, request_post):
    reply = make_post(stranger, HOSTILE, in_reply_to_id=request_post.pk)
    held = HeldReply.objects.get(reply=reply)
    services.held_reply_remove(asker, held)
    reply.refresh_from_db()
    assert reply.held and not can_view(asker, reply) and can_view(stranger, reply)
    assert not selectors.held_for(asker).exists()


def test_only_the_author_decides(asker, stranger, request_post):
    reply = make_post(stranger, KIND, in_reply_to_id=request_post.pk)
    held_id = HeldReply.objects.get(reply=reply).pk
    for someone in (stranger, UserFactory()):
        with translation.override("en"), pytest.raises(Exception, match="not yours"):
            selectors.held_get_for_decision(someone, held_id)


@pytest.mark.parametrize(
    ("audience", "friend_ok", "stranger_ok"),
    [("anyone", True, True), ("following", True, False), ("comforters", True, False), ("nobody", False, False)],
)
def test_reply_policies(asker, friend, stranger, request_post, audience, friend_ok, stranger_ok):
    services.reply_policy_set(asker, request_post, audience)
    for writer, allowed in ((friend, friend_ok), (stranger, stranger_ok)):
        if allowed:
            reply = make_post(writer, KIND, in_reply_to_id=request_post.pk)
            assert not reply.held  # "anyone": open, shown at once
        else:
            with pytest.raises(Forbidden):
                make_post(writer, KIND, in_reply_to_id=request_post.pk)
    make_post(asker, "Merci à vous.", in_reply_to_id=request_post.pk)  # the author always replies


def test_open_to_everyone_still_screens(asker, stranger, request_post):
    services.reply_policy_set(asker, request_post, "anyone")
    assert not make_post(stranger, KIND, in_reply_to_id=request_post.pk).held
    assert make_post(stranger, "Buy followers cheap, DM me on WhatsApp", in_reply_to_id=request_post.pk).held


def test_policy_is_the_authors_alone(asker, stranger, request_post):
    with pytest.raises(Forbidden):
        services.reply_policy_set(stranger, request_post, "nobody")
    ordinary = make_post(asker, "Bonjour")
    with pytest.raises(Forbidden):
        services.reply_policy_set(asker, ordinary, "nobody")
    with pytest.raises(Exception, match="Unknown|inconnu"):
        services.reply_policy_set(asker, request_post, "everyone-but-bob")


def test_troll_answering_in_the_thread_is_held_too(asker, friend, stranger, request_post):
    comfort = make_post(friend, KIND, in_reply_to_id=request_post.pk)
    troll = make_post(stranger, "lol get over it", in_reply_to_id=comfort.pk)
    assert troll.held and HeldReply.objects.get(reply=troll).owner == asker


def test_ordinary_posts_are_not_guarded(asker, stranger):
    post = make_post(asker, "Une belle journée")
    reply = make_post(stranger, "lol get over it", in_reply_to_id=post.pk)
    assert not reply.held and Post.objects.filter(pk=reply.pk, held=False).exists()


def test_suspect_tributes_wait_for_the_stewards_even_without_premoderation(asker, stranger):
    memorial = make_memorial(asker, tributes_premoderated=False)
    kind = memorial_services.tribute_create(stranger, memorial, text="Une femme lumineuse, merci pour tout.")
    hostile = memorial_services.tribute_create(stranger, memorial, text="Bon débarras, personne ne la regrettera")
    spam = memorial_services.tribute_create(stranger, memorial, text="Marabout, retour de l'être aimé, WhatsApp")
    assert kind.state == "approved" and hostile.state == "pending" and spam.state == "pending"
    own = memorial_services.tribute_create(asker, memorial, text="Ouin ouin, lol")  # a steward's own: as before
    assert own.state == "approved"


def test_stewards_decide_for_a_memorialised_account(asker, stranger):
    """Nobody signs in as a memorialised account: its memorial's stewards decide on replies held on its posts."""
    memorial_post = make_post(asker, "En mémoire de nos années ensemble.", kind="memorial")
    steward = UserFactory()
    memorial = make_memorial(steward)
    Memorial.objects.filter(pk=memorial.pk).update(subject_account=asker)  # as after a memorialisation
    reply = make_post(stranger, "Repose en paix.", in_reply_to_id=memorial_post.pk)
    held = HeldReply.objects.get(reply=reply)
    assert list(selectors.held_for(steward)) == [held]
    with translation.override("en"), pytest.raises(Exception, match="not yours"):
        selectors.held_get_for_decision(UserFactory(), held.pk)
    services.held_reply_approve(steward, selectors.held_get_for_decision(steward, held.pk))
    reply.refresh_from_db()
    assert not reply.held


def test_a_held_reply_cannot_be_reshared_into_timelines(asker, stranger, request_post):
    reply = make_post(stranger, "Je pense à toi.", in_reply_to_id=request_post.pk)
    with pytest.raises(Forbidden):
        post_services.post_reblog(stranger, reply)


def test_comforters_answering_a_request_are_not_strangers(asker, stranger, request_post):
    comforter = UserFactory()
    Comforter.objects.create(user=comforter, languages=["fr"], guide_read_at=timezone.now())
    assert not make_post(comforter, KIND, in_reply_to_id=request_post.pk).held
    hurtful = make_post(comforter, HOSTILE, in_reply_to_id=request_post.pk)
    assert hurtful.held and HeldReply.objects.get(reply=hurtful).reasons == ["hostility", "mockery"]
    services.reply_policy_set(asker, request_post, "comforters")
    assert not make_post(comforter, KIND, in_reply_to_id=request_post.pk).held
    with pytest.raises(Forbidden):
        make_post(stranger, KIND, in_reply_to_id=request_post.pk)
    # on a memorial post, a comforter is a stranger like any other
    memorial_post = make_post(asker, "En mémoire de papa.", kind="memorial")
    assert make_post(comforter, KIND, in_reply_to_id=memorial_post.pk).held

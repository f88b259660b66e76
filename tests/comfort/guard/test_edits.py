"""Edits of replies to guarded posts are screened again: a shown reply (approved from the folder, or never held)
edited into words that may hurt waits again in the author's folder, hidden from everyone but its writer, who is told;
pages and the Mastodon API alike."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reconfort.api.services import application_create
from reconfort.comfort import selectors as comfort_selectors
from reconfort.comfort.guard import selectors, services
from reconfort.comfort.guard.models import HeldReply
from reconfort.comfort.models import KindReply, SupportRequest
from reconfort.notifications.models import Notification
from reconfort.posts import services as post_services
from reconfort.posts.models import Post
from reconfort.posts.selectors import can_view, post_context
from tests.api.conftest import ApiClient, make_token
from tests.comfort.queue.conftest import ask, old_member, opt_in
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db

KIND = "Je suis tellement désolée pour ta maman. Je pense fort à toi."
HOSTILE = "c o n n a r d, tout le monde s'en fout de ta mère"


def _approved_reply(asker, stranger, request_post):
    reply = make_post(stranger, KIND, in_reply_to_id=request_post.pk)
    services.held_reply_approve(asker, HeldReply.objects.get(reply=reply))
    reply.refresh_from_db()
    assert not reply.held and Notification.objects.filter(recipient=asker, post=reply).exists()
    return reply


def _hidden_from_all_but_its_writer(reply, writer, asker, request_post):
    reply.refresh_from_db()
    assert reply.held
    assert can_view(writer, reply) and not can_view(asker, reply) and not can_view(UserFactory(), reply)
    assert reply not in post_context(asker, request_post).descendants
    assert not Notification.objects.filter(recipient=asker, post=reply).exists()  # the notice is withdrawn
    request_post.refresh_from_db()
    assert request_post.replies_count == 0


def test_an_approved_reply_edited_into_hostility_waits_again(asker, stranger, request_post):
    reply = _approved_reply(asker, stranger, request_post)
    post_services.post_edit(stranger, reply, text=HOSTILE)
    _hidden_from_all_but_its_writer(reply, stranger, asker, request_post)
    held = HeldReply.objects.get(reply=reply)
    assert held.state == "held" and held.decided_at is None and "hostility" in held.reasons
    assert list(selectors.held_for(asker)) == [held]
    # the author may approve it again, as any held reply: it is shown and notified anew
    services.held_reply_approve(asker, held)
    reply.refresh_from_db()
    assert not reply.held and Notification.objects.filter(recipient=asker, post=reply, type="reply").exists()


def test_a_reply_never_held_is_held_when_edited_into_hostility(asker, friend, request_post):
    reply = make_post(friend, KIND, in_reply_to_id=request_post.pk)
    assert not reply.held and not HeldReply.objects.exists()
    post_services.post_edit(friend, reply, text=HOSTILE)
    _hidden_from_all_but_its_writer(reply, friend, asker, request_post)
    held = HeldReply.objects.get(reply=reply)
    assert held.owner == asker and held.state == "held" and "not_followed" not in held.reasons
    assert "hostility" in held.reasons


def test_a_comforters_kind_reply_edited_into_hostility_no_longer_counts():
    asker, comforter = old_member(username="lea"), old_member(username="paul")
    opt_in(comforter)
    request = ask(asker)
    reply = make_post(comforter, KIND, in_reply_to_id=request.post_id)
    request.refresh_from_db()
    assert not reply.held and request.kind_replies == 1 and request.first_kind_reply_at is not None
    post_services.post_edit(comforter, reply, text=HOSTILE)
    request = SupportRequest.objects.get(pk=request.pk)
    assert request.kind_replies == 0 and request.first_kind_reply_at is None  # back in the queue
    assert not KindReply.objects.exists()
    other_comforter = old_member(username="nadia")
    opt_in(other_comforter)
    assert request in comfort_selectors.queue_for(other_comforter)


def test_kind_edits_and_unguarded_posts_are_left_alone(asker, friend, stranger, request_post):
    reply = make_post(friend, KIND, in_reply_to_id=request_post.pk)
    post_services.post_edit(friend, reply, text=KIND + " Courage.")
    own = make_post(asker, "Merci à vous.", in_reply_to_id=request_post.pk)
    post_services.post_edit(asker, own, text="Ouin ouin, lol")  # the author's own words are not screened
    ordinary = make_post(asker, "Une belle journée")
    answer = make_post(stranger, "Oui !", in_reply_to_id=ordinary.pk)
    post_services.post_edit(stranger, answer, text="lol get over it")
    for post in (reply, own, answer):
        post.refresh_from_db()
        assert not post.held
    assert not HeldReply.objects.exists()


def test_a_waiting_reply_edited_keeps_waiting_with_reasons_of_its_new_words(asker, stranger, request_post):
    reply = make_post(stranger, KIND, in_reply_to_id=request_post.pk)
    post_services.post_edit(stranger, reply, text=HOSTILE)
    held = HeldReply.objects.get(reply=reply)
    assert held.state == "held" and held.reasons[0] == "not_followed" and "hostility" in held.reasons
    services.held_reply_remove(asker, held)
    post_services.post_edit(stranger, reply, text=KIND)
    held.refresh_from_db()
    reply.refresh_from_db()
    assert reply.held and held.state == "removed"  # removed stays removed, whatever the words become


def test_the_edit_page_tells_the_writer(asker, friend, request_post):
    friend.language = "en"
    friend.save(update_fields=["language"])
    reply = make_post(friend, KIND, in_reply_to_id=request_post.pk)
    client = Client()
    client.force_login(friend)
    with translation.override("en"):
        response = client.post(
            reverse("posts:edit", args=[reply.pk]), {"text": HOSTILE, "language": "fr", "spoiler_text": ""}, follow=True
        )
    assert response.status_code == 200
    assert b"Only you see it until the author approves it" in response.content
    reply.refresh_from_db()
    assert reply.held and HeldReply.objects.filter(reply=reply, state="held").exists()


def test_the_mastodon_api_edit_is_screened_too(asker, stranger, request_post):
    reply = _approved_reply(asker, stranger, request_post)
    app, _secret = application_create(name="Client", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read write")
    writer = ApiClient(make_token(app, stranger, "read write"))
    response = writer.put_json(f"/api/v1/statuses/{reply.pk}", {"status": HOSTILE})
    assert response.status_code == 200, response.content
    assert response.json()["reconfort"]["held"] is True  # the writer is told
    reader = ApiClient(make_token(app, asker, "read write"))
    assert reader.get(f"/api/v1/statuses/{reply.pk}").status_code == 404
    context = reader.get(f"/api/v1/statuses/{request_post.pk}/context").json()
    assert str(reply.pk) not in [s["id"] for s in context["descendants"]]
    folder = reader.get("/api/v1/comfort/held_replies").json()
    assert [h["status"]["id"] for h in folder] == [str(reply.pk)]
    assert Post.objects.get(pk=reply.pk).held

"""The kind-reply guard's pages: the kindness nudge on the reply form, the held folder, who may reply."""

import pytest
from django.urls import reverse

from reconfort.comfort.guard.models import HeldReply, ReplyPolicy
from reconfort.notifications.models import Notification
from reconfort.posts.models import Post
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db

HOSTILE = "Ouin ouin, arrête ton cinéma"


def _reply(client, parent, text, **extra):
    return client.post(
        reverse("posts:compose"),
        {"text": text, "in_reply_to": parent.pk, "kind": "ordinary", "visibility": "public", "language": "fr", **extra},
    )


def test_nudge_first_then_edit_or_send_anyway(client, stranger, request_post, asker):
    stranger.language = "en"
    stranger.save(update_fields=["language"])
    client.force_login(stranger)
    response = _reply(client, request_post, HOSTILE)
    assert response.status_code == 200 and b"kindness-nudge" in response.content
    assert b"Send anyway" in response.content and b"Edit my reply" in response.content
    assert not Post.objects.filter(in_reply_to=request_post).exists()  # nothing written yet
    # edited into something kind: no nudge, written (held: the asker does not follow the stranger)
    response = _reply(client, request_post, "Je suis désolé, je pense à toi.")
    assert response.status_code == 302
    kind_reply = Post.objects.get(in_reply_to=request_post)
    assert kind_reply.held and HeldReply.objects.get(reply=kind_reply).reasons == ["not_followed"]
    # or sent anyway: held, never notified
    response = _reply(client, request_post, HOSTILE, send_anyway="1")
    assert response.status_code == 302
    hostile = Post.objects.get(in_reply_to=request_post, text=HOSTILE)
    assert hostile.held and "mockery" in HeldReply.objects.get(reply=hostile).reasons
    assert not Notification.objects.filter(recipient=asker).exists()
    page = client.get(reverse("posts:detail", args=[asker.username, request_post.pk]))
    assert HOSTILE.encode() in page.content.replace(b"&#x27;", b"'")  # its writer sees it, marked
    assert b"waits for the author" in page.content


def test_held_folder_approve_and_remove(client, asker, stranger, request_post):
    shown = make_post(stranger, "Courage, je pense à toi.", in_reply_to_id=request_post.pk)
    hidden = make_post(stranger, HOSTILE, in_reply_to_id=request_post.pk)
    detail = reverse("posts:detail", args=[asker.username, request_post.pk])
    client.force_login(asker)
    assert "Courage" not in client.get(detail).content.decode()
    folder = client.get(reverse("guard:held"))
    assert folder.status_code == 200 and "Courage, je pense" in folder.content.decode()
    held = {h.reply_id: h for h in HeldReply.objects.all()}
    assert client.post(reverse("guard:approve", args=[held[shown.pk].pk])).status_code == 302
    assert client.post(reverse("guard:remove", args=[held[hidden.pk].pk])).status_code == 302
    page = client.get(detail).content.decode()
    assert "Courage, je pense" in page and "cinéma" not in page
    assert Notification.objects.filter(recipient=asker, post=shown).exists()
    assert not Notification.objects.filter(post=hidden).exists()
    assert "Courage" not in client.get(reverse("guard:held")).content.decode()


def test_only_the_author_decides_through_pages(client, stranger, request_post):
    held = HeldReply.objects.get(reply=make_post(stranger, HOSTILE, in_reply_to_id=request_post.pk))
    client.force_login(UserFactory())
    assert client.post(reverse("guard:approve", args=[held.pk])).status_code == 404
    assert "cinéma" not in client.get(reverse("guard:held")).content.decode()
    client.logout()
    assert client.get(reverse("guard:held")).status_code == 302  # to the login page


def test_reply_policy_page(client, asker, stranger, request_post):
    url = reverse("guard:reply_policy", args=[request_post.pk])
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(asker)
    assert client.get(url).status_code == 200
    assert client.post(url, {"audience": "whoever"}).status_code == 422
    assert client.post(url, {"audience": "nobody"}).status_code == 302
    assert ReplyPolicy.objects.get(post=request_post).audience == "nobody"
    client.force_login(stranger)
    response = _reply(client, request_post, "Courage à toi")
    assert response.status_code == 403 and not Post.objects.filter(in_reply_to=request_post).exists()
    ordinary = make_post(asker, "Bonjour")
    client.force_login(asker)
    assert client.get(reverse("guard:reply_policy", args=[ordinary.pk])).status_code == 404

import io
import json
import os
import zipfile
from datetime import timedelta
from unittest.mock import ANY

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from reconfort.accounts import services as accounts
from reconfort.accounts.models import User
from reconfort.comfort import services as comfort_services
from reconfort.comfort.circles import services as circle_services
from reconfort.comfort.kindred import services as kindred_services
from reconfort.core.errors import NotFound, ServiceError
from reconfort.crisis import services as crisis_services
from reconfort.hashtags import services as tag_services
from reconfort.moderation import services as moderation
from reconfort.moderation.models import AuditEntry, Report
from reconfort.posts import services as posts
from reconfort.posts.models import Gesture, Post
from reconfort.privacy import services
from reconfort.privacy.models import AccountDeletion, Export
from tests.factories import PASSWORD, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def jpeg():
    buf = io.BytesIO()
    Image.new("RGB", (50, 50), "#abcdef").save(buf, format="JPEG")
    return SimpleUploadedFile("p.jpg", buf.getvalue(), "image/jpeg")


def test_export_holds_everything_and_an_activitystreams_outbox(user, other):
    accounts.follow_create(user, other)
    accounts.block_create(user, User.objects.create(username="troll", email="t@x.org"))
    media = posts.media_upload(user, jpeg(), description="Nos mains")
    post = posts.post_create(user, text="Pour maman #deuil @tom", media_ids=[media.pk], kind="memorial")
    posts.post_edit(user, post, text="Pour maman, partie trop tôt #deuil @tom")
    posts.post_reblog(user, make_post(other, text="Don du sang samedi"))
    posts.gesture_add(user, make_post(other, text="Merci"), "hug")
    export = services.export_request(user)
    export.refresh_from_db()
    assert export.state == Export.State.DONE and export.progress == 100
    with zipfile.ZipFile(services.export_file(user, export.pk)) as archive:
        names = set(archive.namelist())
        account = json.loads(archive.read("account.json"))
        posts_json = json.loads(archive.read("posts.json"))
        outbox = json.loads(archive.read("outbox.json"))
        relations = json.loads(archive.read("relations.json"))
        gestures = json.loads(archive.read("gestures.json"))
    assert account["username"] == "marie" and account["email"] == "marie@example.org"
    assert posts_json[0]["history"][0]["text"] == "Pour maman #deuil @tom"
    assert posts_json[0]["kind"] == "memorial"
    assert outbox["type"] == "OrderedCollection" and outbox["totalItems"] == 2
    create, announce = outbox["orderedItems"]
    assert create["type"] == "Create" and create["object"]["type"] == "Note"
    assert "https://www.w3.org/ns/activitystreams#Public" in create["object"]["to"]
    assert {"type": "Hashtag"}.items() <= create["object"]["tag"][0].items()
    assert announce["type"] == "Announce"
    assert relations["following"] == ["tom"] and relations["blocked"] == ["troll"]
    assert gestures[0]["kind"] == "hug"
    assert any(n.startswith("media/") for n in names)


def test_export_is_private_to_its_owner(user, other):
    export = services.export_request(user)
    with pytest.raises(NotFound):
        services.export_file(other, export.pk)
    with pytest.raises(NotFound):
        services.export_file(user, "x")


def test_export_request_returns_the_one_being_prepared(user):
    running = Export.objects.create(user=user, state=Export.State.RUNNING, progress=40)
    assert services.export_request(user) == running
    assert Export.objects.count() == 1


def test_deletion_needs_password_and_can_be_cancelled(user):
    with pytest.raises(ServiceError):
        services.deletion_request(user, password="wrong")
    deletion = services.deletion_request(user, password=PASSWORD)
    assert deletion.erase_after - timezone.now() > timedelta(days=29)
    services.deletion_cancel(user)
    assert not AccountDeletion.objects.exists()


def test_erasure_after_grace_removes_rows_and_files_and_anonymises_reports(user, other, settings):
    accounts.account_update_profile(user, avatar=jpeg())
    avatar_path = user.avatar.path
    post = make_post(user, text="mes mots")
    posts.gesture_add(user, make_post(other, text="courage"), "candle")
    report = moderation.report_create(user, other, category="spam")
    services.deletion_request(user, password=PASSWORD)
    assert services.deletion_erase_due() == 0
    AccountDeletion.objects.update(erase_after=timezone.now() - timedelta(minutes=1))
    assert services.deletion_erase_due() == 1
    assert not User.objects.filter(username="marie").exists()
    assert not Post.objects.filter(pk=post.pk).exists() and not Gesture.objects.exists()
    report.refresh_from_db()
    assert report.reporter is None and Report.objects.count() == 1
    assert AuditEntry.objects.filter(action="account.erase").exists()
    assert not os.path.exists(avatar_path)


def test_export_holds_what_comfort_circles_kindred_crises_and_tags_keep(user, other):
    """The member's own data from the later capabilities is in the export too — never who worried about them."""
    old = timezone.now() - timedelta(days=60)
    User.objects.filter(pk__in=[user.pk, other.pk]).update(date_joined=old)
    user.refresh_from_db()
    other.refresh_from_db()
    request = comfort_services.support_request_ask(user, text="Mon père est parti dimanche.", topic="grief")
    comfort_services.comforter_save(other, languages=["fr"], guide_read=True)
    reply = posts.post_create(other, text="Je pense fort à vous.", in_reply_to_id=request.post_id)
    assert not reply.held
    comfort_services.thanks_send(user, request, other.pk, text="Merci, vraiment.")
    circle = circle_services.circle_create(other, name="Deuil d'un parent", join_policy="open")
    circle_services.circle_join(user, circle)
    circle_services.circle_post_create(user, circle, text="Bonjour à toutes et tous.")
    kindred_services.profile_save(user, loss="parent", since="this_year", languages=["fr"], cause="cancer")
    tag_services.tag_follow(user, "deuil")
    crisis_services.trusted_add(user, other)
    export = services.export_request(user)
    with zipfile.ZipFile(services.export_file(user, export.pk)) as archive:
        comfort = json.loads(archive.read("comfort.json"))
        circles = json.loads(archive.read("circles.json"))
        kindred = json.loads(archive.read("kindred.json"))
        crises = json.loads(archive.read("crises.json"))
        tags = json.loads(archive.read("tags.json"))
    assert comfort["support_requests"][0]["topic"] == "grief" and comfort["comforter"] is None
    assert comfort["thanks_sent"] == [{"to": "tom", "text": "Merci, vraiment.", "at": ANY}]
    assert circles["posts"][0]["text"] == "Bonjour à toutes et tous." and circles["memberships"][0]["state"]
    assert kindred["profile"]["cause"] == "cancer" and kindred["profile"]["loss"] == "parent"
    assert crises["may_mark_me_safe"] == ["tom"] and tags["followed"] == ["deuil"]

    theirs = services.export_request(other)
    with zipfile.ZipFile(services.export_file(other, theirs.pk)) as archive:
        received = json.loads(archive.read("comfort.json"))["thanks_received"]
    assert received == [{"text": "Merci, vraiment.", "at": ANY}]  # without who sent it: askers may be anonymous


def test_the_outbox_never_names_the_asker_of_an_anonymous_request(user, other):
    """A reply to an anonymous request (decision 0038) points to it by its anonymous address, /posts/<id>."""
    User.objects.filter(pk__in=[user.pk, other.pk]).update(date_joined=timezone.now() - timedelta(days=60))
    request = comfort_services.support_request_ask(other, text="Je n'en parle à personne.", anonymous=True)
    posts.post_create(user, text="Je vous lis, courage.", in_reply_to_id=request.post_id)
    export = services.export_request(user)
    with zipfile.ZipFile(services.export_file(user, export.pk)) as archive:
        outbox = json.loads(archive.read("outbox.json"))
    [reply] = outbox["orderedItems"]
    assert reply["object"]["inReplyTo"].endswith(f"/posts/{request.post_id}")
    assert "tom" not in json.dumps(outbox)

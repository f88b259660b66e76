"""What a confirmed legacy contact may do for a memorialised account: statement and pinned post (page), avatar,
a zip of its public posts, tributes on memorials about the person, and asking for deletion — and nobody else."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.memorials import selectors, services
from reconfort.memorials.models import MemorialisationRequest, Tribute
from reconfort.moderation import reviews
from reconfort.moderation.models import QueueItem
from tests.factories import UserFactory, make_post

from .conftest import make_memorial

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(user, other, moderator):
    """tom is marie's confirmed legacy contact, and marie's account is memorialised."""
    services.wishes_set(user, on_death="memorialise", legacy_contact=other)
    services.legacy_contact_answer(other, user, accept=True)
    request = services.memorialisation_request(other, user, relation="legacy_contact")
    services.memorialisation_decide(moderator, request.pk, approved=True, reason="")
    return other


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 300), "navy").save(buffer, "JPEG")
    return SimpleUploadedFile("portrait.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_only_the_confirmed_contact_of_a_memorialised_account(user, other, third, contact):
    assert services.legacy_care_check(contact, user).account == user
    with pytest.raises(Forbidden):
        services.legacy_care_check(third, user)
    with pytest.raises(NotFound):
        services.legacy_care_check(contact, third)  # not memorialised


def test_the_contact_changes_the_avatar_and_bad_files_change_nothing(user, contact):
    services.account_memorial_set_avatar(contact, user, jpeg())
    user.refresh_from_db()
    first = user.avatar.name
    width, height = Image.open(user.avatar.path).size
    assert first and width == height <= 400  # re-encoded square, as members' own avatars
    with pytest.raises(ServiceError):
        services.account_memorial_set_avatar(contact, user, SimpleUploadedFile("x.jpg", b"not an image"))
    user.refresh_from_db()
    assert user.avatar.name == first


def test_the_archive_holds_public_posts_only(user, contact):
    make_post(user, "Premier message public")
    make_post(user, "Entre amis seulement", visibility="private")
    make_post(user, "Un secret", visibility="direct")
    make_post(user, "Pas listé", visibility="unlisted")
    out = io.BytesIO()
    count = services.legacy_archive_write(contact, user, out)
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    posts = [json.loads(line) for line in archive.read("posts.jsonl").decode().splitlines()]
    assert count == 2 and [p["text"] for p in posts] == ["Premier message public", "Pas listé"]
    assert json.loads(archive.read("profile.json"))["username"] == "marie"


def test_the_contact_moderates_tributes_on_a_memorial_about_the_person(user, contact, third):
    steward = UserFactory(username="soeur")
    memorial = make_memorial(steward, full_name="Marie Curie-Dupont")
    with pytest.raises(ServiceError):
        services.memorial_link_account(steward, memorial, third)  # a living member: never
    with pytest.raises(Forbidden):
        services.memorial_link_account(third, memorial, user)  # only the owner links
    services.memorial_link_account(steward, memorial, user)
    tribute = services.tribute_create(third, memorial, text="Une pensée pour toi")
    assert tribute.state == Tribute.State.PENDING
    services.tribute_moderate(contact, tribute, state=Tribute.State.APPROVED)
    tribute.refresh_from_db()
    assert tribute.state == Tribute.State.APPROVED
    other_tribute = services.tribute_create(third, make_memorial(steward, full_name="Quelqu'un d'autre"), text="x")
    with pytest.raises(Forbidden):
        services.tribute_moderate(contact, other_tribute, state=Tribute.State.APPROVED)


def test_asking_for_deletion_goes_to_a_moderator_who_closes_the_account(user, contact, moderator):
    request = services.account_deletion_request(contact, user)
    assert request.wishes == "delete"
    with pytest.raises(ServiceError):
        services.account_deletion_request(contact, user)  # one request at a time
    item = QueueItem.objects.get(kind="memorialisation", subject_id=request.pk)
    reviews.review_decide(moderator, item, approved=True, reason="")
    user.refresh_from_db()
    assert not user.is_active
    assert MemorialisationRequest.objects.get(pk=request.pk).state == "approved"


def test_the_care_page_for_the_contact_and_nobody_else(user, contact, third):
    post = make_post(user, "À épingler")
    page = signed_in(contact).get("/memorials/legacy/marie/care/")
    assert page.status_code == 200
    assert signed_in(third).get("/memorials/legacy/marie/care/").status_code == 403
    assert signed_in(contact).get("/memorials/legacy/amina/care/").status_code == 404

    saved = signed_in(contact).post(
        "/memorials/legacy/marie/care/", {"statement": "Elle nous manque.", "pinned_post": str(post.pk)}
    )
    assert saved.status_code == 302
    state = selectors.account_memorial_of(user)
    assert state.statement == "Elle nous manque." and state.pinned_post == post

    too_long = signed_in(contact).post("/memorials/legacy/marie/care/", {"statement": "x" * 501})
    assert too_long.status_code == 422
    assert selectors.account_memorial_of(user).statement == "Elle nous manque."

    download = signed_in(contact).get("/memorials/legacy/marie/care/archive/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert "posts.jsonl" in zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()

    avatar = signed_in(contact).post("/memorials/legacy/marie/care/avatar/", {"avatar": jpeg()})
    assert avatar.status_code == 302
    bad = signed_in(contact).post(
        "/memorials/legacy/marie/care/avatar/", {"avatar": SimpleUploadedFile("x.jpg", b"nope")}
    )
    assert bad.status_code == 422

    asked = signed_in(contact).post("/memorials/legacy/marie/care/delete/")
    assert asked.status_code == 302
    assert MemorialisationRequest.objects.filter(account=user, wishes="delete", state="pending").exists()
    assert signed_in(third).post("/memorials/legacy/marie/care/delete/").status_code == 403

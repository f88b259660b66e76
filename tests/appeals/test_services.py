"""Appeal services: creation per kind, eligibility, the life-cycle and its refusals, closing the loop."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reconfort.accounts.services import block_create
from reconfort.appeals import services
from reconfort.appeals.models import AppealUpdate, Notice, Resolution, Status
from reconfort.core.errors import Forbidden, NotFound, RateLimited, ServiceError
from reconfort.notifications.models import Notification, NotificationType
from reconfort.posts.models import Kind as PostKind
from reconfort.posts.models import Post
from reconfort.posts.services import post_reblog
from tests.factories import UserFactory

from .conftest import NOW, details_for, make_appeal

pytestmark = pytest.mark.django_db


def jpeg_with_gps():
    import io

    image = Image.new("RGB", (60, 40), (120, 80, 40))
    exif = Image.Exif()
    exif[0x010F] = "Camera"
    exif[0x8825] = {1: "N", 2: (45.0, 45.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("cat.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize("kind", ["blood", "missing_pet", "prayer", "help"])
def test_most_kinds_open_at_once_with_a_post_of_kind_appeal(user, kind):
    appeal = make_appeal(user, kind)
    assert appeal.status == Status.OPEN
    post = Post.objects.get(pk=appeal.post_id)
    assert post.kind == PostKind.APPEAL
    assert f"http://reconfort.test/appeals/{appeal.pk}/" in post.text
    assert appeal.title in post.text


def test_photos_are_cleaned_of_gps(user):
    appeal = make_appeal(user, photos=[jpeg_with_gps()])
    photo = appeal.photos.get()
    with Image.open(photo.file.path) as image:
        assert not image.getexif()


def test_place_from_the_gazetteer_or_refused(user):
    appeal = make_appeal(user, latitude=None, longitude=None, place="Saint-Etienne")
    assert appeal.place_name == "Saint-Étienne" and appeal.country_code == "FR"
    with pytest.raises(ServiceError) as caught:
        make_appeal(user, latitude=None, longitude=None, place="Xyzzyville")
    assert caught.value.field == "place"
    with pytest.raises(ServiceError) as caught:
        make_appeal(user, latitude=None, longitude=None)
    assert caught.value.code == "place_required"
    with pytest.raises(ServiceError):
        make_appeal(user, latitude=91, longitude=0)
    with pytest.raises(ServiceError):
        make_appeal(user, latitude="nan", longitude=0)
    # A prayer needs no place.
    assert make_appeal(user, "prayer", latitude=None, longitude=None).latitude is None


def test_public_coordinates_are_rounded_unless_the_owner_chooses(user):
    appeal = make_appeal(user, latitude=45.757812, longitude=4.832011)
    assert (appeal.public_latitude, appeal.public_longitude) == (45.76, 4.83)
    exact = make_appeal(user, latitude=45.757812, longitude=4.832011, exact_location_public=True)
    assert exact.public_latitude == 45.757812


def test_young_accounts_cannot_publish_and_appeals_are_rate_limited(settings, user):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 24
    with pytest.raises(Forbidden):
        make_appeal(user, "prayer", now=user.date_joined + timedelta(hours=2))
    make_appeal(user, "prayer", now=user.date_joined + timedelta(hours=25))
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0
    settings.RECONFORT_RATE_LIMITS = {"appeal": (2, 86400)}
    make_appeal(user)
    with pytest.raises(RateLimited):
        make_appeal(user)


def test_only_prayers_may_be_kept_to_followers(user):
    make_appeal(user, "prayer", audience="followers")
    with pytest.raises(ServiceError):
        make_appeal(user, "missing_pet", audience="followers")


def test_missing_person_waits_for_review_without_a_post(user):
    appeal = make_appeal(user, "missing_person")
    assert appeal.status == Status.PENDING_REVIEW and appeal.post_id is None


def test_child_appeal_needs_the_reference_and_shows_116000_once_approved(user, moderator):
    with pytest.raises(ServiceError):
        make_appeal(user, "missing_person", details={**details_for("missing_person"), "age": 8})
    appeal = make_appeal(
        user, "missing_person", details={**details_for("missing_person"), "age": 8, "authority_reference": "PV-1"}
    )
    assert appeal.is_child
    services.appeal_approve(moderator, appeal, now=NOW)
    appeal.refresh_from_db()
    assert appeal.status == Status.OPEN and "116 000" in appeal.post.text


def test_only_moderators_approve(user, other):
    appeal = make_appeal(user, "missing_person")
    with pytest.raises(Forbidden):
        services.appeal_approve(other, appeal, now=NOW)
    with pytest.raises(Forbidden):
        services.appeal_approve(user, appeal, now=NOW)


def test_rejection_tells_the_owner_why(user, moderator):
    appeal = make_appeal(user, "missing_person")
    services.appeal_reject(moderator, appeal, reason="No police report could be checked.", now=NOW)
    assert appeal.status == Status.REJECTED
    notice = Notice.objects.get(recipient=user)
    assert notice.kind == Notice.Kind.REJECTED and "police" in notice.note
    with pytest.raises(ServiceError):
        services.appeal_approve(moderator, appeal, now=NOW)


def test_transitions_and_refusals(user, other):
    appeal = make_appeal(user, "missing_pet")
    with pytest.raises(ServiceError) as caught:
        services.appeal_resolve(user, appeal, resolution=Resolution.ENOUGH_DONORS, now=NOW)
    assert caught.value.field == "resolution"
    with pytest.raises(Forbidden):
        services.appeal_resolve(other, appeal, resolution=Resolution.REUNITED, now=NOW)
    services.appeal_resolve(user, appeal, resolution=Resolution.REUNITED, note="Max is home!", now=NOW)
    assert appeal.status == Status.RESOLVED and appeal.closed_at == NOW
    for action in (
        lambda: services.appeal_withdraw(user, appeal, now=NOW),
        lambda: services.appeal_resolve(user, appeal, resolution=Resolution.REUNITED, now=NOW),
        lambda: services.appeal_reconfirm(user, appeal, now=NOW),
    ):
        with pytest.raises(ServiceError) as caught:
            action()
        assert caught.value.status == 409
    assert list(AppealUpdate.objects.filter(appeal=appeal).values_list("status", flat=True)) == ["open", "resolved"]


def test_found_sadly_only_for_the_missing(user):
    person = make_appeal(user, "missing_person")
    blood = make_appeal(user, "blood")
    with pytest.raises(ServiceError):
        services.appeal_resolve(user, blood, resolution=Resolution.FOUND_DECEASED, now=NOW)
    # Still under review: nothing to resolve yet.
    with pytest.raises(ServiceError):
        services.appeal_resolve(user, person, resolution=Resolution.FOUND_DECEASED, now=NOW)


def test_resolution_reaches_resharers_followers_and_helpers_and_rewrites_the_post(user, other, third):
    appeal = make_appeal(user, "missing_pet")
    reshare = post_reblog(other, appeal.post)
    services.appeal_follow(third, appeal)
    sighter = UserFactory()
    services.sighting_create(sighter, appeal, note="A ginger cat in my garden", now=NOW)
    services.appeal_resolve(user, appeal, resolution=Resolution.REUNITED, now=NOW)
    told = Notification.objects.filter(type=NotificationType.APPEAL_CLOSED, subject_id=appeal.pk, post=appeal.post)
    assert set(told.values_list("recipient_id", flat=True)) == {other.pk, third.pk, sighter.pk}
    assert set(told.values_list("actor_id", flat=True)) == {user.pk}
    assert not Notice.objects.exclude(recipient=user).exclude(kind=Notice.Kind.OFFER_ACCEPTED).exists()
    # The reshare points at the appeal's post, whose text now leads with the outcome.
    reshare.refresh_from_db()
    original = Post.objects.get(pk=reshare.reblog_of_id)
    assert original.text.startswith("✅") and "Retrouvé" not in original.text
    assert "réunis" in original.text  # in the owner's language (French): "De nouveau réunis"


def test_withdrawing_tells_those_involved_too(user, other):
    appeal = make_appeal(user, "help")
    services.offer_create(other, appeal, message="I can cook on Tuesdays", now=NOW)
    services.appeal_withdraw(user, appeal, note="Family came to help", now=NOW)
    assert Notification.objects.filter(recipient=other, type=NotificationType.APPEAL_CLOSED).count() == 1


def test_a_member_who_blocked_the_owner_is_not_told(user, other):
    appeal = make_appeal(user, "missing_pet")
    services.appeal_follow(other, appeal)
    block_create(other, user)
    services.appeal_withdraw(user, appeal, now=NOW)
    assert not Notification.objects.filter(type=NotificationType.APPEAL_CLOSED).exists()


def test_updates_by_the_owner_only(user, other):
    appeal = make_appeal(user)
    services.appeal_update_add(user, appeal, text="Seen near the station yesterday", now=NOW)
    with pytest.raises(Forbidden):
        services.appeal_update_add(other, appeal, text="Hello", now=NOW)
    with pytest.raises(ServiceError):
        services.appeal_update_add(user, appeal, text="  ", now=NOW)
    assert appeal.updates.filter(text__startswith="Seen").exists()


def test_edit_keeps_the_rules_and_the_post_in_step(user, other):
    appeal = make_appeal(user, "missing_person")
    services.appeal_edit(user, appeal, details={"age": 12, "authority_reference": "PV-9"}, now=NOW)
    assert appeal.is_child and appeal.details["authority_reference"] == "PV-9"
    with pytest.raises(ServiceError):
        services.appeal_edit(user, appeal, details={"age": "old"}, now=NOW)
    with pytest.raises(Forbidden):
        services.appeal_edit(other, appeal, title="Mine now", now=NOW)


def test_sightings_and_offers_rules(user, other):
    pet, blood = make_appeal(user, "missing_pet"), make_appeal(user, "blood")
    with pytest.raises(Forbidden):
        services.sighting_create(user, pet, note="my own", now=NOW)  # the owner does not sight their own pet
    with pytest.raises(Forbidden):
        services.sighting_create(other, blood, note="?", now=NOW)  # blood appeals take offers, not sightings
    with pytest.raises(Forbidden):
        services.offer_create(other, pet, message="?", now=NOW)
    with pytest.raises(ServiceError):
        services.sighting_create(other, pet, note="later", seen_at=NOW + timedelta(days=1), now=NOW)
    with pytest.raises(ServiceError):
        services.offer_create(other, blood, message="I can give", blood_group="Q+", now=NOW)
    offer = services.offer_create(other, blood, message="I can give", blood_group="o−", now=NOW)
    assert offer.blood_group == "O-"
    with pytest.raises(ServiceError) as caught:
        services.offer_create(other, blood, message="again", now=NOW)
    assert caught.value.status == 409
    with pytest.raises(Forbidden):
        services.offer_decide(other, offer, accept=True, now=NOW)
    services.offer_decide(user, offer, accept=True, now=NOW)
    assert Notice.objects.filter(recipient=other, kind=Notice.Kind.OFFER_ACCEPTED).exists()


def test_blocked_members_cannot_answer_or_follow(user, other):
    appeal = make_appeal(user)
    block_create(user, other)
    with pytest.raises(NotFound):
        services.sighting_create(other, appeal, note="I saw it", now=NOW)
    with pytest.raises(NotFound):
        services.appeal_follow(other, appeal)


def test_owner_deletes_a_sighting_others_cannot(user, other, third):
    appeal = make_appeal(user)
    sighting = services.sighting_create(other, appeal, note="Near the bakery", place="Lyon", now=NOW)
    assert sighting.place_name == "Lyon"
    with pytest.raises(NotFound):
        services.sighting_delete(third, sighting)
    services.sighting_delete(user, sighting)
    assert not appeal.sightings.exists()


def test_moderators_hide_an_appeal_and_its_post(user, other, moderator):
    appeal = make_appeal(user)
    with pytest.raises(Forbidden):
        services.appeal_hide(other, appeal, reason="no")
    with pytest.raises(ServiceError):
        services.appeal_hide(moderator, appeal, reason=" ")
    services.appeal_hide(moderator, appeal, reason="A scam", now=NOW)
    assert Post.objects.get(pk=appeal.post_id).hidden_at == NOW

"""Tributes (pre-moderated guestbook), gestures (one of each per person per day, fading candles), following."""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.memorials import selectors, services
from reconfort.memorials.models import Memorial, MemorialGesture, Tribute
from tests.factories import UserFactory
from tests.memorials.conftest import make_memorial

pytestmark = pytest.mark.django_db


def jpeg():
    buffer = BytesIO()
    Image.new("RGB", (50, 50), "blue").save(buffer, format="JPEG")
    return SimpleUploadedFile("t.jpg", buffer.getvalue())


def test_a_member_tribute_waits_for_the_stewards(memorial, user, other, third):
    tribute = services.tribute_create(other, memorial, text="Merci pour tout, https://example.org", photo=jpeg())
    assert tribute.state == Tribute.State.PENDING and tribute.photo
    assert '<a href="https://example.org"' in tribute.text_html
    access = selectors.access_for
    assert list(selectors.tributes_visible(other, memorial, access(other, memorial))) == [tribute]  # the author
    assert list(selectors.tributes_visible(third, memorial, access(third, memorial))) == []
    assert list(selectors.tributes_visible(AnonymousUser(), memorial, access(AnonymousUser(), memorial))) == []
    assert list(selectors.tributes_visible(user, memorial, access(user, memorial))) == [tribute]  # the steward
    services.tribute_moderate(user, tribute, state="approved")
    assert list(selectors.tributes_visible(third, memorial, access(third, memorial))) == [tribute]
    memorial.refresh_from_db()
    assert memorial.tributes_count == 1


def test_stewards_tributes_are_published_at_once(memorial, user, editor):
    assert services.tribute_create(user, memorial, text="Maman").state == Tribute.State.APPROVED
    assert services.tribute_create(editor, memorial, text="Tante", kind="memory").state == Tribute.State.APPROVED


def test_without_premoderation_tributes_are_published(memorial, user, other):
    services.memorial_update(user, memorial, tributes_premoderated=False)
    assert services.tribute_create(other, memorial, text="Paix").state == Tribute.State.APPROVED


def test_moderation_needs_a_reason_to_refuse_and_a_tribute_role(memorial, other, third, tribute_moderator, editor):
    tribute = services.tribute_create(other, memorial, text="Un souvenir")
    with pytest.raises(Forbidden):
        services.tribute_moderate(third, tribute, state="approved")
    with pytest.raises(Forbidden):
        services.tribute_moderate(other, tribute, state="approved")  # not their own
    with pytest.raises(ServiceError):
        services.tribute_moderate(tribute_moderator, tribute, state="rejected", reason="")
    with pytest.raises(ServiceError):
        services.tribute_moderate(tribute_moderator, tribute, state="deleted", reason="x")
    services.tribute_moderate(tribute_moderator, tribute, state="approved")
    services.tribute_moderate(editor, tribute, state="hidden", reason="Trop personnel")
    tribute.refresh_from_db()
    assert tribute.state == Tribute.State.HIDDEN and tribute.moderation_reason == "Trop personnel"
    memorial.refresh_from_db()
    assert memorial.tributes_count == 0
    assert memorial.log.filter(action="tribute.hidden").exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_bad_tributes_are_refused(memorial, other, text):
    with pytest.raises(ServiceError):
        services.tribute_create(other, memorial, text=text)
    with pytest.raises(ServiceError):
        services.tribute_create(other, memorial, text="ok", kind="poem")
    with pytest.raises(ServiceError):
        services.tribute_create(other, memorial, text="ok", photo=SimpleUploadedFile("x.jpg", b"nope"))
    assert not Tribute.objects.exists()


def test_who_may_write(memorial, user, other, third):
    with pytest.raises(Forbidden):
        services.tribute_create(AnonymousUser(), memorial, text="x")
    services.memorial_update(user, memorial, tribute_access="followers")
    with pytest.raises(Forbidden):
        services.tribute_create(other, memorial, text="x")
    services.memorial_follow(other, memorial)
    services.tribute_create(other, memorial, text="Je suivais")
    services.memorial_update(user, memorial, tribute_access="invited")
    with pytest.raises(Forbidden):
        services.tribute_create(other, memorial, text="x")
    services.guest_invite(user, memorial, third)
    services.tribute_create(third, memorial, text="Invitée")


def test_locked_tributes_only_stewards_write(memorial, user, other):
    services.memorial_update(user, memorial, tributes_locked=True)
    with pytest.raises(Forbidden):
        services.tribute_create(other, memorial, text="x")
    services.tribute_create(user, memorial, text="Le mot de la famille")


def test_archived_or_draft_memorials_take_no_new_tributes_or_gestures(user, other):
    memorial = make_memorial(user)
    services.memorial_set_state(user, memorial, Memorial.State.ARCHIVED)
    with pytest.raises(Forbidden):
        services.tribute_create(other, memorial, text="x")
    with pytest.raises(Forbidden):
        services.gesture_give(other, memorial, "candle")
    draft = make_memorial(user, publish=False, full_name="Brouillon")
    with pytest.raises(NotFound):
        services.gesture_give(other, draft, "candle")


def test_an_author_may_take_a_tribute_back(memorial, user, other):
    services.memorial_update(user, memorial, tributes_premoderated=False)
    tribute = services.tribute_create(other, memorial, text="Oups")
    with pytest.raises(Forbidden):
        services.tribute_delete(user, tribute)
    services.tribute_delete(other, tribute)
    memorial.refresh_from_db()
    assert memorial.tributes_count == 0 and not Tribute.objects.exists()


# --- Gestures ------------------------------------------------------------------------------------


def test_one_of_each_gesture_per_person_per_day(memorial, other):
    services.gesture_give(other, memorial, "candle", message="Pour toi")
    services.gesture_give(other, memorial, "flowers")
    services.gesture_give(other, memorial, "hug")
    with pytest.raises(ServiceError) as exc:
        services.gesture_give(other, memorial, "candle")
    assert exc.value.status == 409
    memorial.refresh_from_db()
    assert (memorial.candle_count, memorial.flowers_count, memorial.hug_count) == (1, 1, 1)
    # The next day (in the member's own day), the same gesture may be given again.
    MemorialGesture.objects.filter(kind="candle").update(day=datetime.date(2020, 1, 1))
    services.gesture_give(other, memorial, "candle")
    memorial.refresh_from_db()
    assert memorial.candle_count == 2


def test_gesture_day_is_the_members_own(memorial, other):
    other.time_zone = "Pacific/Kiritimati"  # UTC+14
    other.save()
    gesture = services.gesture_give(other, memorial, "hug")
    assert gesture.day == services.local_day(other)


@pytest.mark.parametrize("kind, message", [("heart", ""), ("candle", "x" * 141)])
def test_bad_gestures_are_refused(memorial, other, kind, message):
    with pytest.raises(ServiceError):
        services.gesture_give(other, memorial, kind, message=message)
    assert not MemorialGesture.objects.exists()


def test_strangers_cannot_give_gestures(memorial):
    with pytest.raises(Forbidden):
        services.gesture_give(AnonymousUser(), memorial, "candle")


def test_candles_burn_then_fade_then_go_out(memorial, other, third):
    services.gesture_give(other, memorial, "candle")
    services.gesture_give(third, memorial, "candle", message="Lumière")
    now = timezone.now()
    candles = selectors.candles_burning(memorial, now=now)
    assert len(candles) == 2 and not any(c.fading for c in candles)
    candles = selectors.candles_burning(memorial, now=now + datetime.timedelta(hours=20))
    assert len(candles) == 2 and all(c.fading for c in candles)
    assert selectors.candles_burning(memorial, now=now + datetime.timedelta(hours=25)) == []
    assert [g.message for g in selectors.gestures_recent(memorial)] == ["Lumière"]


# --- Following -----------------------------------------------------------------------------------


def test_follow_and_never_remind(memorial, other):
    with pytest.raises(ServiceError):
        services.memorial_reminders(other, memorial, remind=False)
    services.memorial_follow(other, memorial)
    services.memorial_follow(other, memorial)
    memorial.refresh_from_db()
    assert memorial.followers_count == 1
    assert services.memorial_reminders(other, memorial, remind=False).no_reminders
    services.memorial_unfollow(other, memorial)
    services.memorial_unfollow(other, memorial)
    memorial.refresh_from_db()
    assert memorial.followers_count == 0


def test_cannot_follow_what_one_cannot_see(user):
    memorial = make_memorial(user, visibility="invite_only")
    with pytest.raises(NotFound):
        services.memorial_follow(UserFactory(), memorial)

"""Anniversary notices: the follower's own date, once a year per memorial and kind, and every way to say no."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reconfort.memorials import selectors, services
from reconfort.memorials.models import AccountMemorial, AnniversaryReminder, Memorial
from reconfort.memorials.services.anniversaries import falls_on
from reconfort.notifications.models import Notification, NotificationType
from tests.factories import UserFactory

from .conftest import make_memorial

UTC = datetime.UTC


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def remembered(user):
    """Jeanne Martin died on 14 March 2024; her stewards turned anniversaries on."""
    return make_memorial(user, anniversaries_enabled=True)


@pytest.fixture
def paris(remembered):
    person = UserFactory(username="claire", time_zone="Europe/Paris")
    services.memorial_follow(person, remembered)
    return person


@pytest.fixture
def los_angeles(remembered):
    person = UserFactory(username="jim", time_zone="America/Los_Angeles", language="en")
    services.memorial_follow(person, remembered)
    return person


def notices(person):
    return Notification.objects.filter(recipient=person, type=NotificationType.MEMORIAL_ANNIVERSARY)


def test_each_follower_hears_on_their_own_date(remembered, paris, los_angeles):
    # 23:30 UTC on the 13th: already the 14th in Paris, still the afternoon of the 13th in Los Angeles.
    assert services.anniversaries_send(now=at(2025, 3, 13, 23, 30)) == 1
    assert notices(paris).count() == 1 and notices(los_angeles).count() == 0
    # A day later it is the 15th in Paris (nothing more) and the 14th in Los Angeles.
    assert services.anniversaries_send(now=at(2025, 3, 14, 23, 30)) == 1
    assert notices(paris).count() == 1 and notices(los_angeles).count() == 1
    assert notices(paris).get().subject_id == remembered.pk
    assert services.anniversaries_send(now=at(2025, 3, 16, 12)) == 0


def test_running_twice_sends_one_notice(remembered, paris):
    assert services.anniversaries_send(now=at(2025, 3, 14, 9)) == 1
    assert services.anniversaries_send(now=at(2025, 3, 14, 10)) == 0
    assert notices(paris).count() == 1
    assert AnniversaryReminder.objects.filter(memorial=remembered, user=paris, year=2025, kind="death").count() == 1


def test_next_year_comes_fresh(remembered, paris):
    services.anniversaries_send(now=at(2025, 3, 14, 9))
    first = notices(paris).get()
    assert services.anniversaries_send(now=at(2026, 3, 14, 9)) == 1
    # Last year's notice is replaced, so this year's is at the top of the list.
    assert list(notices(paris).values_list("pk", flat=True)) != [first.pk]
    assert notices(paris).count() == 1
    assert AnniversaryReminder.objects.filter(user=paris).count() == 2


def test_off_by_default_and_when_the_stewards_turn_it_off(user, remembered, paris):
    quiet = make_memorial(user, full_name="Louis Petit")
    services.memorial_follow(paris, quiet)
    services.memorial_update(user, remembered, anniversaries_enabled=False)
    assert services.anniversaries_send(now=at(2025, 3, 14, 9)) == 0
    assert not notices(paris).exists()


def test_never_remind_me_for_one_memorial_or_for_all(remembered, paris, los_angeles):
    services.memorial_reminders(paris, remembered, remind=False)
    services.anniversaries_opt_out(los_angeles, never=True)
    assert selectors.anniversaries_never(los_angeles)
    assert services.anniversaries_send(now=at(2025, 3, 14, 20)) == 0
    services.anniversaries_opt_out(los_angeles, never=False)
    assert services.anniversaries_send(now=at(2025, 3, 14, 20)) == 1
    assert notices(los_angeles).count() == 1 and not notices(paris).exists()


def test_a_memorialised_member_is_never_reminded(remembered, paris):
    AccountMemorial.objects.create(account=paris)
    assert services.anniversaries_send(now=at(2025, 3, 14, 9)) == 0
    assert not notices(paris).exists()


def test_hidden_or_draft_memorials_stay_silent(user, remembered, paris):
    services.memorial_set_state(user, remembered, Memorial.State.DRAFT)
    assert services.anniversaries_send(now=at(2025, 3, 14, 9)) == 0


def test_birthday_only_when_known_to_the_day(user, paris):
    born = make_memorial(user, full_name="Rose Blanc", anniversaries_enabled=True, birth_date=datetime.date(1950, 7, 2))
    vague = make_memorial(
        user,
        full_name="Henri Noir",
        anniversaries_enabled=True,
        birth_date=datetime.date(1950, 7, 1),
        birth_precision="month",
        death_date=datetime.date(2020, 7, 2),
        death_precision="month",
    )
    services.memorial_follow(paris, born)
    services.memorial_follow(paris, vague)
    assert services.anniversaries_send(now=at(2025, 7, 1, 9)) == 0
    assert services.anniversaries_send(now=at(2025, 7, 2, 9)) == 1
    assert AnniversaryReminder.objects.get(user=paris).kind == "birth"
    assert notices(paris).get().subject_id == born.pk


def test_leap_day_is_remembered_on_the_28th():
    leap = datetime.date(1960, 2, 29)
    assert falls_on(leap, datetime.date(2025, 2, 28))
    assert not falls_on(leap, datetime.date(2024, 2, 28))
    assert falls_on(leap, datetime.date(2024, 2, 29))
    assert not falls_on(datetime.date(2024, 3, 14), datetime.date(2024, 3, 14))  # the day itself is not one


def test_notice_on_the_notifications_page(client, remembered, los_angeles):
    services.anniversaries_send(now=at(2025, 3, 14, 20))
    client.force_login(los_angeles)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "died on this day, in 2024" in page
    assert f'<a href="{reverse("memorials:detail", args=[remembered.key])}">Jeanne Martin</a>' in page


def test_notice_stays_vague_when_the_memorial_is_no_longer_visible(client, user, remembered, los_angeles):
    services.anniversaries_send(now=at(2025, 3, 14, 20))
    services.memorial_set_state(user, remembered, Memorial.State.DRAFT)
    client.force_login(los_angeles)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "A memorial you follow marks an anniversary today." in page
    assert "Jeanne Martin" not in page


def test_never_remind_me_switch_on_my_memorials_page(client, los_angeles):
    client.force_login(los_angeles)
    assert "Never remind me of any anniversary" in client.get(reverse("memorials:mine")).content.decode()
    response = client.post(reverse("memorials:anniversaries"), {"never": "1"})
    assert response.status_code == 302 and selectors.anniversaries_never(los_angeles)
    assert "Remind me again" in client.get(reverse("memorials:mine")).content.decode()
    client.post(reverse("memorials:anniversaries"), {"never": "0"})
    assert not selectors.anniversaries_never(los_angeles)
    assert client.get(reverse("memorials:anniversaries")).status_code == 405


def in_their_language(user, text: str) -> str:
    with translation.override(user.language):
        return gettext(text)


def test_never_remind_me_switch_on_the_memorial_page(client, remembered, paris):
    client.force_login(paris)
    url = reverse("memorials:detail", args=[remembered.key])
    never = in_their_language(paris, "Never remind me of their anniversaries")
    assert never in client.get(url).content.decode()
    client.post(reverse("memorials:follow", args=[remembered.key]), {"remind": "0"})
    assert in_their_language(paris, "Remind me of their anniversaries") in client.get(url).content.decode()
    assert services.anniversaries_send(now=at(2025, 3, 14, 9)) == 0
    client.post(reverse("memorials:follow", args=[remembered.key]), {"remind": "1"})
    assert services.anniversaries_send(now=at(2025, 3, 14, 9)) == 1

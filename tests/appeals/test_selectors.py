"""Who sees what: near me, the moderation gate, followers-only prayers, blocks, private sightings and offers."""

import pytest
from django.contrib.auth.models import AnonymousUser

from reconfort.accounts.models import Follow
from reconfort.accounts.services import block_create, follow_create
from reconfort.appeals import selectors, services
from reconfort.appeals.models import Resolution, Status
from reconfort.core.errors import Forbidden, NotFound

from .conftest import NOW, make_appeal

pytestmark = pytest.mark.django_db
LYON = (45.7578, 4.8320)
VILLEURBANNE = (45.7719, 4.8902)
PARIS = (48.8566, 2.3522)


def near(viewer, point=LYON, radius=20, **kwargs):
    return selectors.appeals_near(viewer, latitude=point[0], longitude=point[1], radius_km=radius, **kwargs)


def test_near_me_nearest_first_within_the_radius_with_filters(user, other):
    far = make_appeal(user, latitude=PARIS[0], longitude=PARIS[1])
    close = make_appeal(user, latitude=LYON[0] + 0.001, longitude=LYON[1])
    middle = make_appeal(user, "blood", latitude=VILLEURBANNE[0], longitude=VILLEURBANNE[1])
    results = near(other)
    assert [r.appeal.pk for r in results] == [close.pk, middle.pk]
    assert results[0].distance_km < 1 and 4 < results[1].distance_km < 6
    assert [r.appeal.pk for r in near(other, kinds=["blood"])] == [middle.pk]
    assert far.pk in [r.appeal.pk for r in near(other, radius=500)]
    services.appeal_resolve(user, close, resolution=Resolution.REUNITED, now=NOW)
    assert [r.appeal.pk for r in near(other)] == [middle.pk]
    assert [r.appeal.pk for r in near(other, statuses=[Status.RESOLVED])] == [close.pk]
    # Statuses strangers may not list fall back to open.
    assert [r.appeal.pk for r in near(other, statuses=[Status.PENDING_REVIEW])] == [middle.pk]


def test_pending_missing_person_is_seen_by_owner_and_moderators_only(user, other, moderator):
    appeal = make_appeal(user, "missing_person")
    assert selectors.appeal_get_visible(user, appeal.pk) == appeal
    assert selectors.appeal_get_visible(moderator, appeal.pk) == appeal
    with pytest.raises(NotFound):
        selectors.appeal_get_visible(other, appeal.pk)
    with pytest.raises(NotFound):
        selectors.appeal_get_visible(AnonymousUser(), appeal.pk)
    assert near(other) == []
    services.appeal_approve(moderator, appeal, now=NOW)
    assert selectors.appeal_get_visible(AnonymousUser(), appeal.pk) == appeal
    assert [r.appeal.pk for r in near(other)] == [appeal.pk]


def test_followers_only_prayers(user, other, third):
    appeal = make_appeal(user, "prayer", audience="followers")
    follow_create(other, user)
    assert Follow.objects.filter(follower=other, target=user).exists()
    assert selectors.appeal_get_visible(other, appeal.pk) == appeal
    with pytest.raises(NotFound):
        selectors.appeal_get_visible(third, appeal.pk)
    assert selectors.appeals_visible_to(third).count() == 0
    assert selectors.appeals_visible_to(other).count() == 1


def test_blocked_member_sees_nothing(user, other):
    appeal = make_appeal(user)
    block_create(user, other)
    with pytest.raises(NotFound):
        selectors.appeal_get_visible(other, appeal.pk)
    assert near(other) == []


def test_hidden_appeal_leaves_lists_but_not_its_owner(user, other, moderator):
    appeal = make_appeal(user)
    services.appeal_hide(moderator, appeal, reason="scam", now=NOW)
    with pytest.raises(NotFound):
        selectors.appeal_get_visible(other, appeal.pk)
    assert selectors.appeal_get_visible(user, appeal.pk) == appeal
    assert near(other) == []


def test_sightings_and_offers_are_private(user, other, third, moderator):
    pet, person, blood = make_appeal(user), make_appeal(user, "missing_person"), make_appeal(user, "blood")
    services.appeal_approve(moderator, person, now=NOW)
    services.sighting_create(other, pet, note="In the park", now=NOW)
    services.sighting_create(other, person, note="At the station", now=NOW)
    services.offer_create(other, blood, message="I can give", blood_group="AB+", now=NOW)
    assert selectors.sightings_for(user, pet).count() == 1
    for viewer in (other, third):
        with pytest.raises(Forbidden):
            selectors.sightings_for(viewer, pet)
        with pytest.raises(Forbidden):
            selectors.offers_for(viewer, blood)
    # Moderators see sightings of missing people, not of pets.
    assert selectors.sightings_for(moderator, person).count() == 1
    with pytest.raises(Forbidden):
        selectors.sightings_for(moderator, pet)
    assert selectors.offers_for(user, blood).get().blood_group == "AB+"


def test_distance_is_measured_from_the_rounded_point(user, other):
    make_appeal(user, latitude=45.75449, longitude=4.83449)
    [result] = near(other, point=(45.75449, 4.83449), radius=5)
    # 45.75, 4.83 is about 600 m away: the exact point is not revealed by the distance.
    assert 0.4 < result.distance_km < 0.8

"""Crisis services: the life-cycle and its refusals, the burst proposal, check-ins, marking others, questions,
invitations and expiry."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts.services import block_create, follow_create
from reconfort.core import events
from reconfort.core.errors import Forbidden, RateLimited, ServiceError
from reconfort.crisis import background, services
from reconfort.crisis.models import (
    CheckIn,
    Crisis,
    Invitation,
    SafetyQuestion,
    SharedLocation,
    State,
)
from reconfort.hashtags.services import tags_get_or_create
from reconfort.moderation import reviews
from reconfort.moderation.models import QueueItem
from reconfort.notifications.models import Notification, NotificationType
from tests.factories import UserFactory

from .conftest import PARIS, live_in, open_crisis

pytestmark = pytest.mark.django_db


# --- life-cycle ------------------------------------------------------------------------------------------


def test_a_moderator_opens_an_active_crisis_with_place_tags_and_sources(moderator):
    crisis = open_crisis(moderator)
    assert crisis.state == State.ACTIVE and crisis.slug == "crue-du-rhone"
    assert crisis.place_name == "Lyon" and crisis.country_code == "FR" and crisis.radius_km == 30
    assert sorted(crisis.tags.values_list("name", flat=True)) == ["CrueLyon", "inondations"]
    assert list(crisis.sources.values_list("url", flat=True)) == ["https://www.rhone.gouv.fr"]
    assert open_crisis(moderator).slug == "crue-du-rhone-2"


def test_members_cannot_open_a_crisis(user):
    with pytest.raises(Forbidden):
        open_crisis(user)
    assert not Crisis.objects.exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"name": " "}, "name"),
        ({"place": "Nowhereville"}, "place"),
        ({"place": ""}, "place"),
        ({"radius_km": 0}, "radius_km"),
        ({"tags": "#ok #not-a-tag!"}, "tags"),
        ({"sources": "javascript:alert(1)"}, "sources"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(moderator, overrides, field):
    with pytest.raises(ServiceError) as caught:
        open_crisis(moderator, **overrides)
    assert caught.value.field == field
    assert not Crisis.objects.exists()


def test_allowed_transitions_only(moderator):
    crisis = open_crisis(moderator)
    crisis = services.crisis_transition(moderator, crisis, State.WINDING_DOWN)
    assert crisis.winding_down_at is not None
    crisis = services.crisis_transition(moderator, crisis, State.ACTIVE)  # it flared up again
    crisis = services.crisis_transition(moderator, crisis, State.ARCHIVED)
    for target in (State.ACTIVE, State.WINDING_DOWN, State.PROPOSED):
        with pytest.raises(ServiceError) as caught:
            services.crisis_transition(moderator, crisis, target)
        assert caught.value.status == 409
    with pytest.raises(ServiceError):
        services.crisis_transition(moderator, crisis, "exploded")
    assert Crisis.objects.get().state == State.ARCHIVED


def test_only_moderators_change_the_state(moderator, user):
    crisis = open_crisis(moderator)
    with pytest.raises(Forbidden):
        services.crisis_transition(user, crisis, State.ARCHIVED)
    assert Crisis.objects.get().state == State.ACTIVE


# --- the burst detector proposes; a moderator reviews -----------------------------------------------------


def burst(tag_name="Séisme"):
    (tag,) = tags_get_or_create([tag_name])
    from django.db import transaction

    with transaction.atomic():
        events.emit(events.TAG_BURST, tag_id=tag.pk, language="fr", score=9.5)
    return tag


def test_a_burst_proposes_a_crisis_waiting_in_the_queue_once(moderator):
    tag = burst()
    burst()  # the same burst seen again: no second proposal
    crisis = Crisis.objects.get()
    assert crisis.state == State.PROPOSED and crisis.proposed_from_tag == tag and crisis.burst_score == 9.5
    item = QueueItem.objects.get(kind=QueueItem.Kind.CRISIS_PROPOSED)
    assert item.subject_id == crisis.pk and item.state == QueueItem.State.OPEN


def test_approving_the_review_activates_and_rejecting_archives(moderator):
    burst("Tempete")
    item = QueueItem.objects.get(kind=QueueItem.Kind.CRISIS_PROPOSED)
    reviews.review_decide(moderator, item, approved=True, reason="")
    assert Crisis.objects.get().state == State.ACTIVE

    burst("Incendie")
    item = QueueItem.objects.filter(kind=QueueItem.Kind.CRISIS_PROPOSED).exclude(state="closed").get()
    reviews.review_decide(moderator, item, approved=False, reason="A football match, not a crisis.")
    assert Crisis.objects.get(name="#Incendie").state == State.ARCHIVED
    burst("Incendie")  # rejected recently: not proposed again
    assert Crisis.objects.filter(name="#Incendie").count() == 1


def test_deciding_on_the_crisis_page_closes_the_queue_item(moderator):
    burst("Crue")
    crisis = Crisis.objects.get()
    services.crisis_edit(moderator, crisis, place="Lyon", radius_km=20)
    services.crisis_transition(moderator, crisis, State.ACTIVE)
    assert QueueItem.objects.get(kind=QueueItem.Kind.CRISIS_PROPOSED).state == QueueItem.State.CLOSED


# --- check-ins ---------------------------------------------------------------------------------------


def test_members_living_in_the_area_are_invited_privately_once(moderator, user, other):
    live_in(user)
    live_in(other, PARIS)
    crisis = open_crisis(moderator)
    assert list(Invitation.objects.values_list("account_id", flat=True)) == [user.pk]
    note = Notification.objects.get(type=NotificationType.CRISIS_INVITE)
    assert note.recipient == user and note.subject_id == crisis.pk
    background.invitations_send(crisis.pk)  # twice: no second invitation
    assert Notification.objects.filter(type=NotificationType.CRISIS_INVITE).count() == 1


def test_setting_a_home_area_during_a_crisis_invites(moderator, user):
    crisis = open_crisis(moderator)
    assert not Invitation.objects.exists()
    live_in(user)
    assert Invitation.objects.get().crisis == crisis


def test_sharing_a_recent_location_for_the_crisis_invites(moderator, user, other):
    crisis = open_crisis(moderator)
    services.location_share(user, crisis, place="Villeurbanne")
    services.location_share(other, crisis, place="Marseille")
    assert list(Invitation.objects.values_list("account_id", flat=True)) == [user.pk]


def test_checking_in_tells_followers_only(moderator, user, other, third):
    follow_create(other, user)
    crisis = open_crisis(moderator)
    checkin = services.checkin_set(user, crisis, "safe")
    assert checkin.status == "safe" and checkin.marked_by is None
    told = Notification.objects.filter(type=NotificationType.SAFETY_CHECKIN)
    assert [(n.recipient_id, n.actor_id, n.subject_id) for n in told] == [(other.pk, user.pk, crisis.pk)]
    services.checkin_set(user, crisis, "need_help")  # a change: one fresh notice, not two
    assert Notification.objects.filter(type=NotificationType.SAFETY_CHECKIN).count() == 1
    services.checkin_remove(user, crisis)
    assert not Notification.objects.filter(type=NotificationType.SAFETY_CHECKIN).exists()


def test_a_blocked_follower_is_not_told(moderator, user, other):
    follow_create(other, user)
    block_create(user, other)
    follow_create(UserFactory(), user)
    crisis = open_crisis(moderator)
    services.checkin_set(user, crisis, "safe")
    recipients = set(Notification.objects.filter(type="safety_checkin").values_list("recipient_id", flat=True))
    assert other.pk not in recipients and len(recipients) == 1


def test_bad_status_and_closed_crises_are_refused(moderator, user):
    crisis = open_crisis(moderator)
    with pytest.raises(ServiceError):
        services.checkin_set(user, crisis, "fine")
    services.crisis_transition(moderator, crisis, State.WINDING_DOWN)
    with pytest.raises(ServiceError) as caught:
        services.checkin_set(user, crisis, "safe")
    assert caught.value.status == 409
    assert not CheckIn.objects.exists()


def test_nobody_marks_another_person_without_permission(moderator, user, other):
    crisis = open_crisis(moderator)
    with pytest.raises(Forbidden):
        services.checkin_set(other, crisis, "safe", account=user)
    assert not CheckIn.objects.exists()
    services.trusted_add(user, other)
    checkin = services.checkin_set(other, crisis, "safe", account=user)
    assert checkin.account == user and checkin.marked_by == other
    # The person hears who marked them.
    assert Notification.objects.filter(recipient=user, actor=other, type="safety_checkin").exists()
    services.trusted_remove(user, other)
    with pytest.raises(Forbidden):
        services.checkin_set(other, crisis, "need_help", account=user)
    assert CheckIn.objects.get().status == "safe"


def test_trusting_oneself_or_a_blocked_account_is_refused(user, other):
    with pytest.raises(ServiceError):
        services.trusted_add(user, user)
    block_create(other, user)
    with pytest.raises(ServiceError):
        services.trusted_add(user, other)


def test_only_followers_may_ask_are_you_safe_once(moderator, user, other, third):
    crisis = open_crisis(moderator)
    with pytest.raises(Forbidden):
        services.safety_ask(third, crisis, user)  # a stranger
    follow_create(other, user)
    services.safety_ask(other, crisis, user)
    services.safety_ask(other, crisis, user)  # asked again: nothing more
    assert SafetyQuestion.objects.count() == 1
    note = Notification.objects.get(type=NotificationType.SAFETY_QUESTION)
    assert (note.recipient, note.actor, note.subject_id) == (user, other, crisis.pk)


def test_asking_is_rate_limited(moderator, user, settings):
    settings.RECONFORT_RATE_LIMITS = {"safety_question": (2, 86400)}
    crisis = open_crisis(moderator)
    targets = [UserFactory() for _ in range(3)]
    for target in targets:
        follow_create(user, target)
    services.safety_ask(user, crisis, targets[0])
    services.safety_ask(user, crisis, targets[1])
    with pytest.raises(RateLimited):
        services.safety_ask(user, crisis, targets[2])
    assert SafetyQuestion.objects.count() == 2


# --- expiry ------------------------------------------------------------------------------------------


def crisis_with_checkins(moderator, user, other):
    live_in(user)
    follow_create(other, user)
    crisis = open_crisis(moderator)
    services.location_share(other, crisis, place="Lyon")
    services.checkin_set(user, crisis, "safe")
    services.safety_ask(other, crisis, user)
    assert Notification.objects.filter(subject_id=crisis.pk).count() == 4  # 2 invites, check-in, question
    return crisis


def assert_all_gone(crisis):
    for model in (CheckIn, Invitation, SafetyQuestion, SharedLocation):
        assert not model.objects.filter(crisis=crisis).exists(), model
    types = ("crisis_invite", "safety_checkin", "safety_question")
    assert not Notification.objects.filter(type__in=types).exists()


def test_archiving_deletes_checkins_and_their_notifications(moderator, user, other):
    crisis = crisis_with_checkins(moderator, user, other)
    services.crisis_transition(moderator, crisis, State.ARCHIVED)
    assert_all_gone(crisis)
    assert Crisis.objects.get().checkins_expired_at is not None
    assert background.checkins_expire(crisis.pk)  # twice is harmless


def test_winding_down_keeps_checkins_for_the_set_days(moderator, user, other, settings):
    settings.RECONFORT_CRISIS_CHECKIN_DAYS = 3
    crisis = crisis_with_checkins(moderator, user, other)
    services.crisis_transition(moderator, crisis, State.WINDING_DOWN)
    assert background.crises_run_clock(now=timezone.now() + timedelta(days=2)) == []
    assert CheckIn.objects.filter(crisis=crisis).exists()
    assert background.crises_run_clock(now=timezone.now() + timedelta(days=4)) == [crisis.pk]
    assert_all_gone(crisis)
    assert background.crises_run_clock(now=timezone.now() + timedelta(days=5)) == []


def test_an_active_crisis_never_loses_its_checkins(moderator, user, other):
    crisis = crisis_with_checkins(moderator, user, other)
    assert not background.checkins_expire(crisis.pk)
    assert CheckIn.objects.filter(crisis=crisis).exists()

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.comfort.kindred import selectors, services
from reconfort.comfort.kindred.models import KindredLink, KindredProfile
from reconfort.core.errors import NotFound, RateLimited, ServiceError
from reconfort.memorials.models import AccountMemorial
from reconfort.notifications.models import Notification, NotificationType
from tests.factories import UserFactory

from .conftest import opt_in


def suggested(viewer) -> list:
    return [s.account for s in selectors.suggestions(viewer)]


@pytest.fixture
def pair(user, other):
    opt_in(user)
    opt_in(other, languages=["fr", "en"])
    return user, other


def test_people_with_close_facets_are_suggested_to_each_other(pair):
    user, other = pair
    assert suggested(user) == [other]
    assert suggested(other) == [user]


def test_not_opted_in_sees_no_suggestion_and_is_never_suggested(user, other):
    opt_in(user)
    assert suggested(user) == []
    assert suggested(other) == []


def test_best_score_first(user, other, third):
    opt_in(user, region="Bretagne")
    opt_in(other, since="longer")
    opt_in(third, since="this_year", region="bretagne")
    assert suggested(user) == [third, other]


def test_bad_input_writes_nothing(user):
    for bad in ({"loss": "nope"}, {"since": "soon"}, {"languages": []}, {"languages": ["de"]}, {"cause": "x"}):
        with pytest.raises(ServiceError):
            opt_in(user, **bad)
    with pytest.raises(ServiceError):
        opt_in(user, region="x" * 81)
    assert not KindredProfile.objects.filter(user=user).exists()


def test_suicide_cannot_be_set_to_be_named(user):
    assert opt_in(user, cause="suicide", cause_use="share").cause_use == "match"


# --- consent -----------------------------------------------------------------------------------------


def test_nothing_happens_before_both_accept(pair):
    user, other = pair
    services.kindred_request(user, other)
    assert selectors.kindred_of(user) == [] and selectors.kindred_of(other) == []
    assert [link.requester for link in selectors.requests_received(other)] == [user]
    assert [link.recipient for link in selectors.requests_sent(user)] == [other]
    # The request is noticed by the person asked; nobody is told anything else yet.
    notices = Notification.objects.filter(type=NotificationType.KINDRED)
    assert [(n.recipient, n.actor) for n in notices] == [(other, user)]
    # Once asked, they are no longer suggested to each other.
    assert suggested(user) == [] and suggested(other) == []
    services.kindred_accept(other, user)
    assert selectors.kindred_of(user) == [other] and selectors.kindred_of(other) == [user]
    notices = Notification.objects.filter(type=NotificationType.KINDRED)
    assert [(n.recipient, n.actor, n.subject_id) for n in notices] == [(user, other, None)]


def test_only_the_person_asked_can_accept(pair, third):
    user, other = pair
    services.kindred_request(user, other)
    with pytest.raises(NotFound):
        services.kindred_accept(user, other)  # the asker cannot answer their own request
    with pytest.raises(NotFound):
        services.kindred_accept(third, user)
    assert KindredLink.objects.get().state == KindredLink.State.PENDING


def test_asking_back_is_a_yes(pair):
    user, other = pair
    services.kindred_request(user, other)
    services.kindred_request(other, user)
    assert KindredLink.objects.get().state == KindredLink.State.ACCEPTED


def test_declined_is_never_suggested_again_and_the_asker_is_not_told(pair):
    user, other = pair
    services.kindred_request(user, other)
    services.kindred_decline(other, user)
    assert suggested(user) == [] and suggested(other) == []
    assert not Notification.objects.filter(recipient=user, type=NotificationType.KINDRED).exists()
    with pytest.raises(NotFound):
        services.kindred_request(user, other)
    with pytest.raises(NotFound):
        services.kindred_accept(other, user)


def test_dismissed_suggestion_does_not_come_back(pair):
    user, other = pair
    services.kindred_dismiss(user, other)
    assert suggested(user) == [] and suggested(other) == []


def test_cannot_ask_someone_not_among_the_suggestions(user, other):
    opt_in(user)
    opt_in(other, loss="pet")
    with pytest.raises(NotFound):
        services.kindred_request(user, other)
    with pytest.raises(NotFound):
        services.kindred_request(user, user)


def test_must_be_opted_in_to_ask(user, other):
    opt_in(other)
    with pytest.raises(ServiceError) as caught:
        services.kindred_request(user, other)
    assert caught.value.status == 409


def test_requests_are_rate_limited(user, settings):
    settings.RECONFORT_RATE_LIMITS = {"kindred_request": (2, 3600)}
    opt_in(user)
    others = [UserFactory() for _ in range(3)]
    for person in others:
        opt_in(person)
    services.kindred_request(user, others[0])
    services.kindred_request(user, others[1])
    with pytest.raises(RateLimited):
        services.kindred_request(user, others[2])
    assert KindredLink.objects.count() == 2


def test_opting_out_deletes_the_facets_and_waiting_requests(pair, third):
    user, other = pair
    opt_in(third)
    services.kindred_request(user, other)
    services.kindred_dismiss(user, third)
    services.profile_delete(user)
    assert not KindredProfile.objects.filter(user=user).exists()
    assert list(KindredLink.objects.values_list("state", flat=True)) == ["dismissed"]
    assert suggested(other) == [third]  # no longer the one who opted out


# --- never suggested -----------------------------------------------------------------------------------


@pytest.mark.parametrize("direction", ["made", "received"])
def test_blocked_either_way_is_never_suggested(pair, direction):
    user, other = pair
    if direction == "made":
        account_services.block_create(user, other)
    else:
        account_services.block_create(other, user)
    assert suggested(user) == [] and suggested(other) == []
    with pytest.raises(NotFound):
        services.kindred_request(user, other)


@pytest.mark.parametrize("direction", ["made", "received"])
def test_muted_either_way_is_never_suggested(pair, direction):
    user, other = pair
    if direction == "made":
        account_services.mute_create(user, other)
    else:
        account_services.mute_create(other, user)
    assert suggested(user) == [] and suggested(other) == []


def test_memorialised_suspended_and_unapproved_are_never_suggested(user):
    opt_in(user)
    gone, suspended, waiting, fine = (UserFactory() for _ in range(4))
    for person in (gone, suspended, waiting, fine):
        opt_in(person)
    AccountMemorial.objects.create(account=gone)
    suspended.is_active, suspended.suspended_at = False, timezone.now()
    suspended.save()
    waiting.approved = False
    waiting.save()
    assert suggested(user) == [fine]


def test_a_request_from_someone_blocked_later_cannot_be_seen_or_accepted(pair):
    user, other = pair
    services.kindred_request(user, other)
    account_services.block_create(other, user)
    assert list(selectors.requests_received(other)) == []
    with pytest.raises(NotFound):
        services.kindred_accept(other, user)

"""Memorialised member accounts: legacy contact confirmed, request reviewed by a moderator, effects."""

import pytest
from django.test import Client
from oauth2_provider.models import get_access_token_model

from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.memorials import selectors, services
from reconfort.moderation import reviews
from reconfort.moderation.models import AuditEntry, QueueItem
from tests.factories import PASSWORD, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(user, other):
    """tom is marie's confirmed legacy contact."""
    services.wishes_set(user, on_death="memorialise", legacy_contact=other)
    services.legacy_contact_answer(other, user, accept=True)
    return other


def review_item(request):
    return QueueItem.objects.get(kind="memorialisation", subject_id=request.pk)


def test_a_legacy_contact_has_no_right_until_confirmed(user, other):
    services.wishes_set(user, on_death="memorialise", legacy_contact=other)
    assert selectors.legacy_contact_of(user) is None
    assert [w.account for w in selectors.legacy_requests_for(other)] == [user]
    with pytest.raises(Forbidden):
        services.memorialisation_request(other, user, relation="legacy_contact")
    services.legacy_contact_answer(other, user, accept=True)
    assert selectors.legacy_contact_of(user) == other


def test_bad_wishes(user, other):
    with pytest.raises(ServiceError):
        services.wishes_set(user, on_death="freeze")
    with pytest.raises(ServiceError):
        services.wishes_set(user, on_death="delete", legacy_contact=user)
    with pytest.raises(NotFound):
        services.legacy_contact_answer(other, user, accept=True)


def test_memorialisation_by_the_legacy_contact(user, contact, moderator, client):
    make_post(user, "Un vieux message")
    last = make_post(user, "Mon dernier message, merci pour tout")
    make_post(user, "Privé", visibility="direct")
    client.force_login(user)  # a session open at the time of death
    get_access_token_model().objects.create(user=user, token="t" * 40, expires="2999-01-01T00:00:00Z", scope="read")
    request = services.memorialisation_request(contact, user, relation="legacy_contact")
    assert services.memorialisation_request(contact, user, relation="legacy_contact") == request  # one at a time
    item = review_item(request)
    assert item.state == "open"
    reviews.review_decide(moderator, item, approved=True, reason="")
    user.refresh_from_db()
    assert selectors.is_memorialised(user) and not user.discoverable and user.is_active
    assert selectors.account_memorial_of(user).pinned_post == last
    assert not get_access_token_model().objects.filter(user=user).exists()
    assert not Client().login(username="marie", password=PASSWORD)  # nobody can sign in
    assert client.get("/memorials/mine/").status_code == 302  # the open session is over
    assert AuditEntry.objects.filter(action="review.memorialisation.approve").exists()
    assert selectors.memorialised_ids([user.pk, contact.pk]) == {user.pk}


def test_family_needs_proof_and_a_moderator(user, third, moderator):
    with pytest.raises(ServiceError):
        services.memorialisation_request(third, user, relation="family", proof=" ")
    request = services.memorialisation_request(third, user, relation="family", proof="https://avis-de-deces.example/1")
    reviews.review_decide(moderator, review_item(request), approved=False, reason="Preuve illisible")
    request.refresh_from_db()
    assert request.state == "rejected" and not selectors.is_memorialised(user)
    assert Client().login(username="marie", password=PASSWORD)


def test_a_wish_to_be_deleted_closes_the_account(user, third, moderator):
    services.wishes_set(user, on_death="delete")
    request = services.memorialisation_request(third, user, relation="family", proof="Avis de décès")
    reviews.review_decide(moderator, review_item(request), approved=True, reason="")
    user.refresh_from_db()
    assert not user.is_active and not selectors.is_memorialised(user)


def test_what_the_legacy_contact_may_do(user, contact, third, moderator):
    public = make_post(user, "Public")
    direct = make_post(user, "Un secret", visibility="direct")
    request = services.memorialisation_request(contact, user, relation="legacy_contact")
    with pytest.raises(Forbidden):
        services.memorialisation_decide(contact, request.pk, approved=True, reason="")  # not a moderator
    services.memorialisation_decide(moderator, request.pk, approved=True, reason="")
    state = services.account_memorial_update(contact, user, statement="Elle nous manque.", pinned_post_id=public.pk)
    assert state.statement == "Elle nous manque." and state.pinned_post == public
    with pytest.raises(ServiceError):
        services.account_memorial_update(contact, user, pinned_post_id=direct.pk)
    with pytest.raises(Forbidden):
        services.account_memorial_update(third, user, statement="x")
    with pytest.raises(ServiceError):
        services.memorialisation_request(contact, user, relation="legacy_contact")  # already memorialised


def test_moderators_reverse_it(user, contact, moderator, third):
    request = services.memorialisation_request(contact, user, relation="legacy_contact")
    services.memorialisation_decide(moderator, request.pk, approved=True, reason="")
    with pytest.raises(Forbidden):
        services.memorialisation_reverse(third, user)
    services.memorialisation_reverse(moderator, user)
    assert not selectors.is_memorialised(user)
    with pytest.raises(NotFound):
        services.memorialisation_reverse(moderator, user)

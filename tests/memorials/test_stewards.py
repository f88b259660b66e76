"""Stewards: invitations, roles, leaving, transfer of ownership, guests; every action in the log."""

import pytest

from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.memorials import policies, selectors, services
from reconfort.memorials.models import Steward, StewardLogEntry

pytestmark = pytest.mark.django_db


def role_of(memorial, person):
    return selectors.access_for(person, memorial).role


def test_invitation_gives_no_rights_until_accepted(memorial, user, other):
    services.steward_invite(user, memorial, other, "editor")
    assert role_of(memorial, other) is None
    with pytest.raises(Forbidden):
        services.memorial_update(other, memorial, place="x")
    assert [s.memorial for s in selectors.steward_invitations_for(other)] == [memorial]
    services.steward_accept(other, memorial)
    assert role_of(memorial, other) == "editor"
    services.memorial_update(other, memorial, place="Lorient")


def test_only_the_owner_invites_and_only_editor_or_tribute_moderator(memorial, user, editor, other):
    with pytest.raises(Forbidden):
        services.steward_invite(editor, memorial, other, "tribute_moderator")
    with pytest.raises(ServiceError):
        services.steward_invite(user, memorial, other, "owner")
    with pytest.raises(ServiceError):
        services.steward_invite(user, memorial, user, "editor")  # already the owner
    assert not Steward.objects.filter(user=other).exists()


def test_accepting_without_invitation_fails(memorial, other):
    with pytest.raises(NotFound):
        services.steward_accept(other, memorial)


def test_roles_and_removal(memorial, user, editor, tribute_moderator):
    services.steward_change_role(user, memorial, editor, "tribute_moderator")
    assert role_of(memorial, editor) == "tribute_moderator"
    with pytest.raises(Forbidden):
        services.steward_change_role(editor, memorial, tribute_moderator, "editor")
    with pytest.raises(ServiceError):
        services.steward_change_role(user, memorial, user, "editor")  # the owner's role changes by transfer only
    services.steward_remove(user, memorial, editor)
    assert role_of(memorial, editor) is None
    services.steward_remove(tribute_moderator, memorial, tribute_moderator)  # leaving
    assert role_of(memorial, tribute_moderator) is None
    with pytest.raises(ServiceError):
        services.steward_remove(user, memorial, user)  # the owner cannot leave
    actions = set(StewardLogEntry.objects.filter(memorial=memorial).values_list("action", flat=True))
    assert {"steward.invite", "steward.accept", "steward.role", "steward.remove", "steward.leave"} <= actions


def test_transfer_of_ownership(memorial, user, editor, other):
    with pytest.raises(ServiceError):
        services.memorial_transfer(user, memorial, other)  # not a steward
    services.steward_invite(user, memorial, other, "editor")
    with pytest.raises(ServiceError):
        services.memorial_transfer(user, memorial, other)  # has not accepted
    with pytest.raises(Forbidden):
        services.memorial_transfer(editor, memorial, editor)
    services.memorial_transfer(user, memorial, editor)
    assert role_of(memorial, editor) == "owner"
    assert role_of(memorial, user) == "editor"
    assert Steward.objects.filter(memorial=memorial, role="owner").count() == 1
    services.steward_invite(editor, memorial, other, "tribute_moderator")  # the new owner manages stewards
    with pytest.raises(Forbidden):
        services.steward_remove(user, memorial, other)
    assert StewardLogEntry.objects.filter(memorial=memorial, action="steward.transfer").exists()


def test_the_log_is_for_stewards_only(memorial, user, editor, tribute_moderator, other):
    for person in (user, editor, tribute_moderator):
        assert policies.can_read_steward_log(selectors.access_for(person, memorial))
    assert not policies.can_read_steward_log(selectors.access_for(other, memorial))


def test_guests(user, other, third):
    from tests.memorials.conftest import make_memorial

    memorial = make_memorial(user, visibility="invite_only")
    with pytest.raises(NotFound):  # a stranger cannot even see it
        services.guest_invite(other, memorial, third)
    services.guest_invite(user, memorial, third)
    services.guest_invite(user, memorial, third)  # idempotent
    assert list(selectors.guests_list(memorial).values_list("user__username", flat=True)) == ["amina"]
    services.guest_remove(third, memorial, third)  # a guest may leave
    assert not selectors.guests_list(memorial).exists()

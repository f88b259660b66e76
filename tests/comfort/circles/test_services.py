"""Circle services and policies: creating, joining (open and on request), leaving, bans, newcomer limits, removals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from reconfort.accounts.services import block_create, follow_create
from reconfort.comfort.circles import policies, selectors, services
from reconfort.comfort.circles.models import CirclePost, Membership, MembershipState, Role
from reconfort.core.errors import Forbidden, NotFound, RateLimited, ServiceError
from reconfort.notifications.models import Notification, NotificationType
from reconfort.posts.services import post_create
from tests.factories import UserFactory

from .conftest import make_circle, settle

pytestmark = pytest.mark.django_db


def test_the_creator_is_the_first_moderator(founder, circle):
    membership = Membership.objects.get(circle=circle, account=founder)
    assert membership.state == MembershipState.MEMBER and membership.role == Role.MODERATOR
    assert circle.slug == "jeunes-parents"
    assert make_circle(founder).slug == "jeunes-parents-2"


def test_a_new_account_cannot_start_a_circle(db, settings):
    settings.RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS = 14
    newcomer = UserFactory()
    with pytest.raises(Forbidden):
        make_circle(newcomer)
    settings.RECONFORT_CIRCLE_MIN_ACCOUNT_DAYS = 0
    assert make_circle(newcomer).pk


def test_bad_input_writes_nothing(founder):
    for bad in ({"name": " "}, {"language": "de"}, {"join_policy": "secret"}, {"name": "x" * 81}):
        with pytest.raises(ServiceError):
            make_circle(founder, **bad)
    assert not selectors.circle_list(founder).exists()


def test_join_an_open_circle_then_leave(circle, user):
    membership = services.circle_join(user, circle)
    assert membership.state == MembershipState.MEMBER and membership.joined_at
    assert services.circle_join(user, circle).pk == membership.pk  # twice is once
    services.circle_leave(user, circle)
    assert not Membership.objects.filter(circle=circle, account=user).exists()
    with pytest.raises(ServiceError):
        services.circle_leave(user, circle)


def test_join_on_request_tells_the_moderators_and_the_newcomer(founder, private_circle, user):
    with TestCase.captureOnCommitCallbacks(execute=True):
        membership = services.circle_join(user, private_circle)
    assert membership.state == MembershipState.REQUESTED
    assert not policies.can_post(user, membership)
    request_notice = Notification.objects.get(recipient=founder, type=NotificationType.CIRCLE_REQUEST)
    assert request_notice.actor_id == user.pk and request_notice.subject_id == private_circle.pk
    with pytest.raises(Forbidden):
        services.circle_request_decide(user, private_circle, user.pk, accept=True)  # not a moderator
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.circle_request_decide(founder, private_circle, user.pk, accept=True)
    assert Membership.objects.get(circle=private_circle, account=user).state == MembershipState.MEMBER
    welcome = Notification.objects.get(recipient=user, type=NotificationType.CIRCLE_ACCEPTED)
    assert welcome.subject_id == private_circle.pk and welcome.actor_id == founder.pk
    with pytest.raises(NotFound):
        services.circle_request_decide(founder, private_circle, user.pk, accept=True)


def test_a_declined_request_goes_quietly(founder, private_circle, user):
    services.circle_join(user, private_circle)
    services.circle_request_decide(founder, private_circle, user.pk, accept=False)
    assert not Membership.objects.filter(circle=private_circle, account=user).exists()
    assert not Notification.objects.filter(recipient=user).exists()


def test_members_only_posts_are_for_members(founder, private_circle, user, other):
    services.circle_post_create(founder, private_circle, text="Bienvenue à toutes et tous.")
    with pytest.raises(Forbidden):
        selectors.circle_posts(user, private_circle, None)
    anonymous = type("Anonymous", (), {"is_authenticated": False})()
    assert not policies.can_read_posts(anonymous, private_circle, None)
    services.circle_join(user, private_circle)
    with pytest.raises(Forbidden):  # asked, not yet accepted
        selectors.circle_posts(user, private_circle, selectors.membership_of(user, private_circle))
    services.circle_request_decide(founder, private_circle, user.pk, accept=True)
    member = selectors.membership_of(user, private_circle)
    assert [p.text for p in selectors.circle_posts(user, private_circle, member)] == ["Bienvenue à toutes et tous."]
    with pytest.raises(Forbidden):
        selectors.circle_members(other, private_circle, None)
    assert {m.account_id for m in selectors.circle_members(user, private_circle, member)} == {founder.pk, user.pk}


def test_public_circle_posts_are_read_by_anyone_but_written_by_members(founder, public_circle, user):
    services.circle_post_create(founder, public_circle, text="Avez-vous vu Moka, chat tigré, quartier Croix-Rousse ?")
    assert selectors.circle_posts(user, public_circle, None).count() == 1
    with pytest.raises(Forbidden):
        services.circle_post_create(user, public_circle, text="Je regarde dans ma rue.")
    with pytest.raises(Forbidden):  # the member list stays private even in a public circle
        selectors.circle_members(user, public_circle, None)


def test_newcomers_write_without_links_for_their_first_days(circle, user, settings):
    settings.RECONFORT_CIRCLE_NEWCOMER_DAYS = 3
    services.circle_join(user, circle)
    for text in ("Regardez https://example.org/miracle", "Voir www.example.org"):
        with pytest.raises(ServiceError) as refused:
            services.circle_post_create(user, circle, text=text)
        assert refused.value.code == "newcomer_link"
    assert not CirclePost.objects.exists()
    services.circle_post_create(user, circle, text="Merci de m'accueillir.")
    settle(user, circle, days=4)
    assert services.circle_post_create(user, circle, text="Un livre qui m'a aidée : https://example.org/livre").pk


def test_moderators_are_never_newcomers(founder, circle):
    assert services.circle_post_create(founder, circle, text="Les règles : https://example.org/regles").pk


def test_a_newcomer_cannot_message_a_member_met_only_in_the_circle(founder, circle, user, other, settings):
    settings.RECONFORT_CIRCLE_NEWCOMER_DAYS = 3
    services.circle_join(other, circle)  # a long-time member
    settle(other, circle)
    services.circle_join(user, circle)  # the newcomer
    with pytest.raises(Forbidden) as refused:
        post_create(user, text=f"@{other.username} coucou, on peut parler en privé ?", visibility="direct")
    assert refused.value.code == "circle_newcomer"
    # Public posts, and private messages to people outside the circle, are not this check's business.
    assert post_create(user, text=f"@{other.username} merci pour votre message", visibility="public").pk
    stranger = UserFactory()
    assert post_create(user, text=f"@{stranger.username} bonjour", visibility="direct").pk
    # Once the member follows the newcomer, or writes first, the door is open.
    follow_create(other, user)
    assert post_create(user, text=f"@{other.username} merci", visibility="direct").pk


def test_a_newcomer_may_answer_a_private_message(circle, user, other):
    services.circle_join(other, circle)
    settle(other, circle)
    services.circle_join(user, circle)
    first = post_create(other, text=f"@{user.username} bienvenue, comment allez-vous ?", visibility="direct")
    assert post_create(user, text=f"@{other.username} ça va, merci", visibility="direct", in_reply_to_id=first.pk).pk


def test_after_the_newcomer_days_private_messages_are_open(circle, user, other):
    services.circle_join(other, circle)
    services.circle_join(user, circle)
    settle(user, circle, days=10)
    assert post_create(user, text=f"@{other.username} bonjour", visibility="direct").pk


def test_moderators_remove_posts_with_a_reason_the_author_sees(founder, circle, user, other):
    services.circle_join(user, circle)
    services.circle_join(other, circle)
    post = services.circle_post_create(user, circle, text="Tout arrive pour une raison.")
    with pytest.raises(Forbidden):
        services.circle_post_remove(other, post, reason="Pas d'accord")
    with pytest.raises(ServiceError):
        services.circle_post_remove(founder, post, reason=" ")
    services.circle_post_remove(founder, post, reason="Merci d'éviter les phrases toutes faites.")
    mine = selectors.circle_posts(user, circle, selectors.membership_of(user, circle))
    assert [p.removed_reason for p in mine] == ["Merci d'éviter les phrases toutes faites."]
    assert not selectors.circle_posts(other, circle, selectors.membership_of(other, circle)).exists()


def test_site_moderators_moderate_every_circle(circle, user):
    moderator = UserFactory(role="moderator")
    services.circle_join(user, circle)
    post = services.circle_post_create(user, circle, text="Achetez mes cristaux guérisseurs.")
    services.circle_post_remove(moderator, post, reason="Publicité")
    services.circle_ban(moderator, circle, user, reason="Publicité répétée")
    assert Membership.objects.get(circle=circle, account=user).state == MembershipState.BANNED


def test_a_banned_member_cannot_post_or_rejoin(founder, circle, user):
    services.circle_join(user, circle)
    services.circle_ban(founder, circle, user, reason="Messages blessants")
    with pytest.raises(Forbidden):
        services.circle_post_create(user, circle, text="Je reviens.")
    with pytest.raises(Forbidden):
        services.circle_join(user, circle)
    with pytest.raises(ServiceError):  # a ban cannot be left
        services.circle_leave(user, circle)
    services.circle_unban(founder, circle, user.pk)
    assert services.circle_join(user, circle).state == MembershipState.MEMBER


def test_who_may_ban_whom(founder, circle, user, other):
    services.circle_join(user, circle)
    services.circle_join(other, circle)
    with pytest.raises(Forbidden):  # members do not ban
        services.circle_ban(user, circle, other, reason="Je ne l'aime pas")
    services.circle_moderator_add(founder, circle, user.pk)
    with pytest.raises(Forbidden):  # a circle moderator does not ban another
        services.circle_ban(user, circle, founder, reason="Coup d'État")
    with pytest.raises(Forbidden):
        services.circle_ban(founder, circle, founder, reason="Moi-même")
    with pytest.raises(ServiceError):  # a reason is required
        services.circle_ban(user, circle, other, reason="")
    assert services.circle_ban(user, circle, other, reason="Harcèlement").state == MembershipState.BANNED
    with pytest.raises(NotFound):  # only members become moderators
        services.circle_moderator_add(founder, circle, other.pk)


def test_blocks_hide_circle_posts_and_replies(founder, circle, user, other):
    services.circle_join(user, circle)
    services.circle_join(other, circle)
    post = services.circle_post_create(other, circle, text="Mon bébé ne dort pas.")
    services.circle_post_create(founder, circle, text="Courage.", parent_id=post.pk)
    block_create(user, other)
    membership = selectors.membership_of(user, circle)
    assert not selectors.circle_posts(user, circle, membership).exists()
    mine = services.circle_post_create(user, circle, text="Bonsoir à tous.")
    with pytest.raises(NotFound):  # no reply to someone you blocked (or who blocked you)
        services.circle_post_create(other, circle, text="Bonsoir", parent_id=mine.pk)
    feed = list(selectors.circle_posts(other, circle, selectors.membership_of(other, circle)))
    assert [p.text for p in feed] == ["Mon bébé ne dort pas."]  # the blocker's post is hidden both ways
    assert [r.text for r in feed[0].visible_replies] == ["Courage."]


def test_replies_stay_one_level_and_in_the_same_circle(founder, circle, public_circle, user):
    top = services.circle_post_create(founder, circle, text="Comment allez-vous ce soir ?")
    reply = services.circle_post_create(founder, circle, text="Moi, fatiguée.", parent_id=top.pk)
    with pytest.raises(NotFound):
        services.circle_post_create(founder, circle, text="Nested", parent_id=reply.pk)
    with pytest.raises(NotFound):
        services.circle_post_create(founder, public_circle, text="Elsewhere", parent_id=top.pk)
    with pytest.raises(NotFound):
        services.circle_post_create(founder, circle, text="Bad id", parent_id="abc")


def test_rate_limits_for_joining_and_posting(founder, user, settings):
    settings.RECONFORT_RATE_LIMITS = {"circle_join": (2, 3600), "circle_post": (2, 3600)}
    circles = [make_circle(founder, name=f"Cercle {n}") for n in range(3)]
    services.circle_join(user, circles[0])
    services.circle_join(user, circles[1])
    with pytest.raises(RateLimited):
        services.circle_join(user, circles[2])
    services.circle_post_create(user, circles[0], text="Un")
    services.circle_post_create(user, circles[0], text="Deux")
    with pytest.raises(RateLimited):
        services.circle_post_create(user, circles[0], text="Trois")
    assert CirclePost.objects.count() == 2


def test_directory_puts_the_viewers_language_first(founder, other):
    make_circle(founder, name="Bereaved parents", language="en")
    make_circle(founder, name="Amis des animaux", language="fr")
    assert [c.name for c in selectors.circle_list(other)][:1] == ["Bereaved parents"]  # other reads English
    assert [c.name for c in selectors.circle_list(founder)][0] == "Amis des animaux"


def test_newcomer_policy_follows_the_clock():
    now = timezone.now()
    membership = Membership(state=MembershipState.MEMBER, role=Role.MEMBER, joined_at=now - timedelta(days=1))
    assert policies.is_newcomer(membership, now=now)
    assert not policies.is_newcomer(membership, now=now + timedelta(days=5))
    assert not policies.is_newcomer(None, now=now)

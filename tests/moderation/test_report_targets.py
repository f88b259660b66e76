"""Reports about a memorial, a tribute, an appeal or a circle message (services): who may report what they can see,
what the moderators can do about it, and what the reported member and the reporter are told."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from reconfort.accounts import services as accounts
from reconfort.appeals.models import Appeal
from reconfort.comfort.circles.models import CirclePost
from reconfort.core.errors import Forbidden, NotFound, RateLimited, ServiceError
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Tribute
from reconfort.moderation import selectors, services
from reconfort.moderation.models import AuditEntry, Decision, QueueItem, Report
from reconfort.notifications.models import Notification
from tests.factories import UserFactory, make_post

from .targets_world import appeal_of, circle_post_by, memorial_of, tribute_by

pytestmark = pytest.mark.django_db


def notices(user):
    return list(Notification.objects.filter(recipient=user).values_list("type", flat=True).order_by("id"))


def _things(user, other):
    """One of each kind written or kept by `other`, all visible to `user`."""
    memorial = memorial_of(other)
    return {
        "memorial": (memorial, memorial.key),
        "tribute": (tribute_by(other, memorial_of(user)),) * 2,
        "appeal": (appeal_of(other),) * 2,
        "circle_post": (circle_post_by(other, creator=user),) * 2,
    }


def test_each_kind_is_reported_about_its_writer_or_keeper_who_is_told_nothing(user, other):
    for kind, (thing, ref) in _things(user, other).items():
        ref = ref if isinstance(ref, str) else ref.pk
        report = services.report_create_about(user, kind, ref, category="harassment", comment="Cruel")
        report.refresh_from_db()
        assert report.target_kind == kind and report.target == thing, kind
        assert report.target_account == other and report.reporter == user
        assert report.queue_item.kind == QueueItem.Kind.REPORT and report.queue_item.risk == 2
        assert not report.posts.exists()
    assert notices(user).count("report_received") == 4
    assert "report_received" not in notices(other) and not Notification.objects.filter(recipient=other).exists()


def test_nobody_reports_their_own_thing(user, other):
    editor = UserFactory(username="editor")
    memorial = memorial_of(user)
    memorial_services.steward_invite(user, memorial, editor, "editor")
    memorial_services.steward_accept(editor, memorial)
    own = {
        "memorial": (user, memorial.key),
        "tribute": (other, tribute_by(other, memorial).pk),
        "appeal": (other, appeal_of(other).pk),
        "circle_post": (other, circle_post_by(other, creator=user).pk),
    }
    own_by_editor = ("memorial", editor, memorial.key)  # every steward keeps the memorial, not only its owner
    for kind, (reporter, ref) in [*own.items(), (own_by_editor[0], own_by_editor[1:])]:
        with pytest.raises(ServiceError) as refused:
            services.report_create_about(reporter, kind, ref, category="spam")
        assert refused.value.code == "self_report", kind
    assert not Report.objects.exists()


def test_only_what_the_reporter_can_see(user, other, third):
    """Drafts, waiting tributes, followers-only appeals, members-only circles, the blocked: never found (404)."""
    draft = memorial_of(other, publish=False)
    waiting = tribute_by(third, memorial_of(other), approve=False)
    followers_only = appeal_of(other, kind="prayer", audience="followers")
    members_only = circle_post_by(other, creator=other, posts_visibility="members")
    public_appeal = appeal_of(third)
    accounts.block_create(third, user)  # the appeal's owner blocked the reporter
    hidden = [
        ("memorial", draft.key),
        ("memorial", "no-such-key"),
        ("tribute", waiting.pk),
        ("tribute", 999999),
        ("appeal", followers_only.pk),
        ("appeal", public_appeal.pk),
        ("appeal", "x"),
        ("circle_post", members_only.pk),
    ]
    for kind, ref in hidden:
        with pytest.raises(NotFound):
            services.report_create_about(user, kind, ref, category="spam")
    assert not Report.objects.exists()
    # The follower sees the followers-only appeal, so may report it.
    accounts.follow_create(user, other)
    assert services.report_create_about(user, "appeal", followers_only.pk, category="scam").appeal == followers_only


def test_same_rules_as_account_reports(user, other, settings):
    appeal = appeal_of(other)
    with pytest.raises(ServiceError) as refused:
        services.report_create_about(user, "appeal", appeal.pk, category="nonsense")
    assert refused.value.field == "category"
    with pytest.raises(ServiceError) as unknown:
        services.report_create_about(user, "post", appeal.pk, category="spam")
    assert unknown.value.code == "invalid_target"
    with pytest.raises(ServiceError) as too_new:  # "worried" is refused to new accounts, as for accounts
        services.report_create_about(user, "appeal", appeal.pk, category="worried")
    assert too_new.value.code == "too_new"
    settings.RECONFORT_RATE_LIMITS = {"report": (1, 3600)}
    services.report_create_about(user, "appeal", appeal.pk, category="spam")
    with pytest.raises(RateLimited):
        services.report_create_about(user, "appeal", appeal.pk, category="spam")
    assert Report.objects.count() == 1


def test_a_report_has_one_target_at_most(user, other):
    report = services.report_create_about(user, "appeal", appeal_of(other).pk, category="spam")
    memorial = memorial_of(other)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(memorial=memorial)
    assert Report.objects.get(pk=report.pk).memorial_id is None


def _decide(moderator, report, **kwargs):
    return services.decision_take(moderator, report.target_account, report=report, reason="Hurtful.", **kwargs)


@pytest.mark.parametrize("kind", ["tribute", "appeal", "circle_post"])
def test_hiding_the_reported_thing_is_a_decision_the_member_may_appeal(kind, user, other, moderator, second_moderator):
    thing = _things(user, other)[kind][0]
    report = services.report_create_about(user, kind, thing.pk, category="harassment")
    decision = _decide(moderator, report, action="hide")
    hidden = {
        "tribute": lambda t: Tribute.objects.get(pk=t.pk).state == Tribute.State.HIDDEN,
        "appeal": lambda a: Appeal.objects.get(pk=a.pk).hidden_at is not None,
        "circle_post": lambda p: CirclePost.objects.get(pk=p.pk).removed_at is not None,
    }[kind]
    assert hidden(thing)
    report.refresh_from_db()
    assert report.state == Report.State.RESOLVED and report.queue_item.state == QueueItem.State.CLOSED
    entry = AuditEntry.objects.get(action="decision.hide")
    assert entry.before == {"target": kind, "target_id": thing.pk, "hidden": False}
    assert entry.after["hidden"] is True and entry.actor == moderator and entry.reason == "Hurtful."
    assert "moderation_decision" in notices(other) and "report_resolved" in notices(user)
    assert list(selectors.decisions_for_member(other)) == [decision]
    # Hiding it twice is refused; the author appeals and another moderator overturns: it is shown again.
    with pytest.raises(ServiceError) as twice:
        _decide(moderator, report, action="hide")
    assert twice.value.code == "not_hideable"
    appeal = services.decision_appeal_create(other, decision, text="It was a joke between friends.")
    services.decision_appeal_decide(second_moderator, appeal, overturn=True)
    assert not hidden(thing)


def test_the_stewards_cannot_bring_back_a_tribute_the_moderators_hid(user, other, moderator, second_moderator):
    tribute = tribute_by(other, memorial_of(user))  # `user` keeps the memorial and approved the tribute
    report = services.report_create_about(user, "tribute", tribute.pk, category="harassment")
    decision = _decide(moderator, report, action="hide")
    with pytest.raises(Forbidden) as refused:
        memorial_services.tribute_moderate(user, Tribute.objects.get(pk=tribute.pk), state="approved")
    assert refused.value.code == "hidden_by_site"
    assert Tribute.objects.get(pk=tribute.pk).state == Tribute.State.HIDDEN
    # Overturned on appeal, it is the stewards' again.
    appeal = services.decision_appeal_create(other, decision, text="Ce n'était pas méchant.")
    services.decision_appeal_decide(second_moderator, appeal, overturn=True)
    shown = Tribute.objects.get(pk=tribute.pk)
    assert shown.state == Tribute.State.APPROVED and not shown.hidden_by_site
    memorial_services.tribute_moderate(user, shown, state="hidden", reason="Finalement non.")
    assert Tribute.objects.get(pk=tribute.pk).state == Tribute.State.HIDDEN


def test_a_reported_memorial_is_hidden_and_shown_again_when_overturned(user, other, moderator, second_moderator):
    memorial = memorial_of(other)
    report = services.report_create_about(user, "memorial", memorial.key, category="false_memorial")
    decision = _decide(moderator, report, action="hide")
    memorial.refresh_from_db()
    assert memorial.hidden_at is not None and decision.target_account == other
    entry = AuditEntry.objects.get(action="decision.hide")
    assert entry.before == {"target": "memorial", "target_id": memorial.pk, "hidden": False}
    report.refresh_from_db()
    with pytest.raises(ServiceError) as twice:
        _decide(moderator, report, action="hide")
    assert twice.value.code == "not_hideable"
    appeal = services.decision_appeal_create(other, decision, text="Elle est bien morte, hélas.")
    services.decision_appeal_decide(second_moderator, appeal, overturn=True)
    memorial.refresh_from_db()
    assert memorial.hidden_at is None


def test_decisions_on_object_reports_stay_on_that_object(user, other, third, moderator):
    report = services.report_create_about(user, "appeal", appeal_of(other).pk, category="scam")
    with pytest.raises(ServiceError) as with_post:
        _decide(moderator, report, action="hide", post=make_post(other, "autre chose"))
    assert with_post.value.code == "not_a_post"
    with pytest.raises(ServiceError) as someone_else:
        services.decision_take(moderator, third, report=report, action="warn", reason="x")
    assert someone_else.value.code == "other_member"
    assert not Decision.objects.exists()


def test_a_deleted_tribute_leaves_the_report_and_its_kind(user, other, third):
    tribute = tribute_by(other, memorial_of(user))
    report = services.report_create_about(third, "tribute", tribute.pk, category="spam")
    memorial_services.tribute_delete(other, tribute)
    report.refresh_from_db()
    assert report.target_kind == "tribute" and report.tribute is None and report.target is None
    assert report.reporter == third and report.target_account == other

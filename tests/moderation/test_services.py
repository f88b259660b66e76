from datetime import timedelta

import pytest
from django.utils import timezone
from oauth2_provider.models import get_access_token_model, get_application_model

from reconfort.accounts import services as accounts
from reconfort.accounts.models import Role, User
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.core.pagination import PageParams
from reconfort.moderation import selectors, services
from reconfort.moderation.models import AuditEntry, Decision, QueueItem, Report, Rule
from reconfort.notifications.models import Notification
from reconfort.posts import services as posts
from reconfort.posts.selectors import can_view
from reconfort.privacy import services as privacy_services
from reconfort.timelines.selectors import home_timeline, public_timeline
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


def notices(user):
    return list(Notification.objects.filter(recipient=user).values_list("type", flat=True).order_by("id"))


def test_report_acknowledged_and_queued_by_risk(user, other, third):
    rule = Rule.objects.create(text_fr="Pas de harcèlement", text_en="No harassment")
    post = make_post(other, text="Tu l'as bien cherché")
    spam = services.report_create(user, other, category="spam")
    third.date_joined = timezone.now() - timedelta(days=30)  # "worried" is refused to new accounts
    third.save(update_fields=["date_joined"])
    urgent = services.report_create(third, other, category="worried", comment="Il parle d'en finir")
    harassment = services.report_create(user, other, category="harassment", rule_ids=[rule.pk], post_ids=[post.pk])
    assert list(harassment.posts.all()) == [post] and list(harassment.rules.all()) == [rule]
    assert notices(user) == ["report_received", "report_received"]
    assert "report_received" not in notices(other)  # the reported member is told nothing
    moderator = UserFactory(role=Role.MODERATOR)
    order = [item.report.pk for item in selectors.queue_list(moderator)]
    assert order == [urgent.pk, harassment.pk, spam.pk]


def test_report_validation_changes_nothing(user, other, third):
    foreign = make_post(third, text="pas à lui")
    for kwargs in [
        {"category": "bad"},
        {"category": "spam", "post_ids": [foreign.pk]},
        {"category": "spam", "post_ids": ["x"]},
        {"category": "spam", "rule_ids": [999]},
        {"category": "spam", "comment": "x" * 1001},
    ]:
        with pytest.raises(ServiceError):
            services.report_create(user, other, **kwargs)
    with pytest.raises(ServiceError):
        services.report_create(user, user, category="spam")
    assert not Report.objects.exists() and not QueueItem.objects.exists()


def test_members_cannot_moderate(user, other):
    report = services.report_create(user, other, category="spam")
    with pytest.raises(Forbidden):
        services.decision_take(user, other, action="suspend", reason="non")
    with pytest.raises(Forbidden):
        services.report_dismiss(user, report)
    with pytest.raises(Forbidden):
        selectors.queue_list(user)


def test_hide_post_resolves_report_and_tells_both(user, other, moderator):
    post = make_post(other, text="Quel cinéma pour un mort")
    report = services.report_create(user, other, category="harassment", post_ids=[post.pk])
    services.queue_assign(moderator, report.queue_item)
    decision = services.decision_take(moderator, other, action="hide", reason="Moquerie", post=post, report=report)
    post.refresh_from_db()
    report.refresh_from_db()
    assert post.hidden_at is not None
    assert not can_view(user, post) and can_view(other, post)
    assert report.state == Report.State.RESOLVED and report.queue_item.state == QueueItem.State.CLOSED
    assert "report_resolved" in notices(user)
    assert notices(other) == ["moderation_decision"]
    entry = AuditEntry.objects.get(action="decision.hide")
    assert entry.actor == moderator and entry.reason == "Moquerie" and entry.target_id == decision.pk
    assert entry.before == {"hidden": False} and entry.after == {"hidden": True}


def test_decision_needs_reason_and_matching_post(user, other, moderator):
    post = make_post(user, text="à moi")
    with pytest.raises(ServiceError):
        services.decision_take(moderator, other, action="warn", reason=" ")
    with pytest.raises(ServiceError):
        services.decision_take(moderator, other, action="hide", reason="x", post=post)
    with pytest.raises(ServiceError):
        services.decision_take(moderator, other, action="explode", reason="x")
    assert not Decision.objects.exists() and not AuditEntry.objects.exists()


def test_content_warning(user, moderator):
    post = make_post(user, text="Photo de l'accident")
    services.decision_take(
        moderator,
        user,
        action="content_warning",
        reason="Images dures",
        post=post,
        content_warning="Accident, images difficiles",
    )
    post.refresh_from_db()
    assert post.spoiler_text == "Accident, images difficiles" and post.sensitive


def test_limit_removes_from_public_timelines_only(user, other, moderator):
    accounts.follow_create(other, user)
    post = make_post(user, text="Bonjour")
    services.decision_take(moderator, user, action="limit", reason="Spam répété")
    assert public_timeline(other, PageParams()) == []
    assert home_timeline(other, PageParams()) == [post]


def test_suspension_revokes_access_and_hides_everywhere(user, other, third, moderator):
    app = get_application_model().objects.create(
        name="client", client_type="confidential", authorization_grant_type="authorization-code"
    )
    get_access_token_model().objects.create(
        user=user, application=app, token="t" * 40, scope="read", expires=timezone.now() + timedelta(days=1)
    )
    post = make_post(user, text="message d'un troll")
    reblog = posts.post_reblog(other, post)
    accounts.follow_create(third, other)
    assert home_timeline(third, PageParams()) == [reblog]
    services.decision_take(moderator, user, action="suspend", reason="Harcèlement répété")
    user.refresh_from_db()
    assert not user.is_active and user.suspended_at is not None
    assert not get_access_token_model().objects.filter(user=user).exists()
    assert home_timeline(third, PageParams()) == []  # not back through the reshare
    assert not can_view(third, post)


def test_appeal_once_within_20_days_decided_by_another_moderator(user, moderator, second_moderator):
    decision = services.decision_take(moderator, user, action="limit", reason="Trop de liens")
    appeal = services.decision_appeal_create(user, decision, text="C'étaient des liens vers la collecte de sang")
    with pytest.raises(ServiceError):
        services.decision_appeal_create(user, decision, text="encore")
    with pytest.raises(Forbidden):
        services.decision_appeal_decide(moderator, appeal, overturn=True)
    services.decision_appeal_decide(second_moderator, appeal, overturn=True, note="Liens légitimes")
    user.refresh_from_db()
    decision.refresh_from_db()
    assert not user.limited and decision.reversed_at is not None
    assert notices(user) == ["moderation_decision", "appeal_decided"]
    assert AuditEntry.objects.filter(action="appeal.decide", actor=second_moderator).exists()


def test_appeal_window_closes_after_20_days(user, other, moderator):
    decision = services.decision_take(moderator, user, action="warn", reason="Ton agressif")
    Decision.objects.filter(pk=decision.pk).update(created_at=timezone.now() - timedelta(days=21))
    decision.refresh_from_db()
    with pytest.raises(ServiceError):
        services.decision_appeal_create(user, decision, text="Je conteste")
    with pytest.raises(ServiceError):  # and nobody else may appeal it
        services.decision_appeal_create(other, decision, text="Je conteste")


def test_purge_after_30_days_keeps_reports_anonymised(user, other, moderator):
    report = services.report_create(user, other, category="spam")
    services.decision_take(moderator, user, action="suspend", reason="Faux compte")
    assert privacy_services.suspended_accounts_purge() == 0
    User.objects.filter(pk=user.pk).update(suspended_at=timezone.now() - timedelta(days=31))
    assert privacy_services.suspended_accounts_purge() == 1
    assert not User.objects.filter(pk=user.pk).exists()
    report.refresh_from_db()
    assert report.reporter is None
    assert AuditEntry.objects.filter(action="account.purge", target_id=user.pk).exists()


def test_roles_granted_by_admins_only_and_audited(user, other, admin, moderator):
    with pytest.raises(Forbidden):
        services.role_grant(moderator, user, Role.MODERATOR)
    services.role_grant(admin, user, Role.MODERATOR)
    user.refresh_from_db()
    assert user.role == Role.MODERATOR
    with pytest.raises(Forbidden):  # moderators cannot act on each other; admins can
        services.decision_take(moderator, user, action="warn", reason="x")
    entry = selectors.audit_log(admin, action="role").get()
    assert entry.before == {"role": "member"} and entry.after == {"role": "moderator"}
    with pytest.raises(Forbidden):
        selectors.audit_log(moderator)


def test_audit_log_is_append_only(admin, user):
    services.role_grant(admin, user, Role.MODERATOR)
    entry = AuditEntry.objects.get()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(reason="changed")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().reason == ""


def test_admins_cannot_demote_themselves(admin):
    with pytest.raises(ServiceError):
        services.role_grant(admin, admin, Role.MEMBER)
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN

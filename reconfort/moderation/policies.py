"""Who may moderate, grant roles, read the audit log, report and appeal. Pure functions."""

from __future__ import annotations

from django.utils import timezone

from reconfort.accounts.models import Role

from .models import Decision


def can_moderate(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_moderator)


def can_grant_role(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.role == Role.ADMIN or user.is_superuser))


def can_read_audit_log(user) -> bool:
    return can_grant_role(user)


def can_report_account(reporter, target) -> bool:
    return bool(reporter.is_authenticated and reporter.pk != target.pk)


def can_appeal_decision(member, decision: Decision, *, already_appealed: bool) -> bool:
    """Once, within 20 days, by the member the decision is about; a dismissal is nothing to appeal."""
    return (
        member.is_authenticated
        and decision.target_account_id == member.pk
        and decision.action != Decision.Action.DISMISS
        and decision.reversed_at is None
        and not already_appealed
        and timezone.now() <= decision.appeal_deadline
    )


def can_decide_appeal(moderator, decision: Decision) -> bool:
    """Another moderator than the one who decided."""
    return can_moderate(moderator) and moderator.pk != decision.moderator_id

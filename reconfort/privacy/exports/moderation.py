"""moderation.json: the reports the member made, and the moderators' decisions about them with their appeals.

As the member sees them on their pages, and never who the moderator was. A report says what it was about (the
account reported, or the kind and number of the memorial, tribute, appeal or circle message) and its outcome
(the moderators' note only when they dismissed it, as the report's page shows); a post reported under a
pseudonym stays under its pseudonym. Reports about the member are not
exported: the reported never learns who reported, nor their words; the decisions taken on them are.
"""

from __future__ import annotations

from django.utils import translation

from reconfort.moderation.models import Decision, DecisionAppeal, Report

from .common import at


def _thing_id(thing):
    """A memorial by its key (its address), anything else by its number."""
    return getattr(thing, "key", None) or thing.pk


def _about(report: Report | None) -> dict | None:
    if report is None:
        return None
    if report.target_kind:
        thing = report.target  # None once it was deleted
        return {"kind": report.target_kind, "id": _thing_id(thing) if thing is not None else None}
    alias = getattr(report, "target_alias", "")  # reports about posts under a pseudonym (decision 0038)
    if alias:
        return {"kind": "anonymous_post", "pseudonym": alias}  # as the reporter saw it: never the asker's account
    return {"kind": "account", "account": report.target_account.username if report.target_account else None}


def _rule_text(rule, language: str) -> str:
    return rule.text_fr if language == "fr" else rule.text_en


def _report(report: Report, language: str) -> dict:
    return {
        "id": report.pk,
        "category": report.category,
        "about": _about(report),
        "rules": [_rule_text(r, language) for r in report.rules.all()],
        "comment": report.comment,
        "posts": sorted(p.pk for p in report.posts.all()),
        "state": report.state,
        "outcome_note": report.outcome_note if report.state == Report.State.DISMISSED else "",
        "at": at(report.created_at),
        "resolved_at": at(report.resolved_at),
    }


def _appeal(appeal: DecisionAppeal | None) -> dict | None:
    if appeal is None:
        return None
    return {
        "text": appeal.text,
        "state": appeal.state,
        "at": at(appeal.created_at),
        "decided_at": at(appeal.decided_at),
    }


def _decision(decision: Decision) -> dict:
    return {
        "id": decision.pk,
        "action": decision.action,
        "reason": decision.reason,
        "post": decision.post_id,
        # A hidden tribute, appeal or circle message: which one (not who reported it).
        "about": _about(decision.report) if decision.report and decision.report.target_kind else None,
        "at": at(decision.created_at),
        "reversed_at": at(decision.reversed_at),
        "appeal_until": at(decision.appeal_deadline),
        "my_appeal": _appeal(getattr(decision, "appeal", None)),
    }


def moderation_data(user) -> dict:
    language = user.language or translation.get_language()
    reports = (
        Report.objects.filter(reporter=user)
        .select_related("target_account", "memorial", "tribute", "appeal", "circle_post")
        .prefetch_related("rules", "posts")
        .order_by("id")
    )
    decisions = (
        Decision.objects.filter(target_account=user)
        .select_related("report__memorial", "report__tribute", "report__appeal", "report__circle_post", "appeal")
        .order_by("id")
    )
    return {
        "reports_made": [_report(r, language) for r in reports],
        "decisions_about_me": [_decision(d) for d in decisions],
    }

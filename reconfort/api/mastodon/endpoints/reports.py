"""Reports (docs.joinmastodon.org/methods/reports) and the server rules they point to (GET /api/v1/instance/rules).

Mastodon's four categories map onto ours: spam → spam, violation → harassment (reviewed early, with the rules
chosen), legal → other, other → other; our own ten categories are accepted as they are. In the Report entity our
categories come back as Mastodon's (anything but spam and other is a violation). Réconfort does not federate
reports yet: `forward` is accepted and `forwarded` is always false.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from pydantic import Field

from reconfort.accounts.selectors import account_get
from reconfort.core.errors import NotFound, ServiceError
from reconfort.moderation import services
from reconfort.moderation.models import Report as ReportModel
from reconfort.moderation.models import ReportCategory
from reconfort.moderation.selectors import rules_list

from ..auth import member
from ..entities.account import Account, render_account
from ..entities.common import iso
from ..entities.instance import render_rules
from ..parsing import object_id
from ..responses import json_response
from .statuses import TextId

router = Router(tags=["reports"])

FROM_MASTODON = {"spam": "spam", "violation": "harassment", "legal": "other", "other": "other"}
TO_MASTODON = {ReportCategory.SPAM: "spam", ReportCategory.OTHER: "other"}


class ReportCreate(Schema):
    account_id: TextId
    status_ids: list[TextId] = Field(default_factory=list)
    comment: str | None = None
    category: str | None = None
    rule_ids: list[TextId] = Field(default_factory=list)
    forward: bool = False


class Report(Schema):
    id: str
    action_taken: bool
    action_taken_at: str | None
    category: str
    comment: str
    forwarded: bool
    created_at: str
    status_ids: list[str] | None
    rule_ids: list[str] | None
    target_account: Account


class RuleOut(Schema):
    id: str
    text: str
    hint: str


def _category(payload: ReportCreate) -> str:
    """Mastodon's default: a violation when rules are given, otherwise other."""
    wanted = (payload.category or "").strip().lower()
    if not wanted:
        return FROM_MASTODON["violation" if payload.rule_ids else "other"]
    if wanted in ReportCategory.values:
        return wanted
    if wanted in FROM_MASTODON:
        return FROM_MASTODON[wanted]
    raise ServiceError(_("Unknown report category."), field="category", code="invalid_category")


def _ids(values: list[str], field: str) -> list[int]:
    ids = [object_id(v) for v in values if str(v).strip() != ""]
    if any(i is None for i in ids):
        raise ServiceError(_("Unknown rule or post."), field=field, code="invalid_ids")
    return ids


def render_report(report: ReportModel) -> dict:
    status_ids = [str(pk) for pk in report.posts.order_by("id").values_list("pk", flat=True)]
    rule_ids = [str(pk) for pk in report.rules.order_by("id").values_list("pk", flat=True)]
    return {
        "id": str(report.pk),
        "action_taken": report.state != ReportModel.State.OPEN,
        "action_taken_at": iso(report.resolved_at),
        "category": TO_MASTODON.get(report.category, "violation"),
        "comment": report.comment,
        "forwarded": False,
        "created_at": iso(report.created_at),
        "status_ids": status_ids or None,
        "rule_ids": rule_ids or None,
        "target_account": render_account(report.target_account),
    }


@router.post(
    "/v1/reports",
    response={200: Report},
    auth=member("write:reports"),
    openapi_extra={
        "description": "Form-encoded or JSON. `category` is Mastodon's (spam, violation, legal, other) or one of "
        "Réconfort's own (harassment, hate, violence, false_memorial, impersonation, scam, child_safety, "
        "worried, other)."
    },
)
def create_report(request, payload: ReportCreate):
    target_id = object_id(payload.account_id)
    if target_id is None:
        raise NotFound(_("Record not found."))
    target = account_get(target_id)
    report = services.report_create(
        request.auth,
        target,
        category=_category(payload),
        comment=payload.comment or "",
        rule_ids=_ids(payload.rule_ids, "rule_ids"),
        post_ids=_ids(payload.status_ids, "status_ids"),
    )
    return json_response(render_report(report))


@router.get("/v1/instance/rules", response={200: list[RuleOut]}, auth=None)
def instance_rules(request):
    return json_response(render_rules(rules_list()))

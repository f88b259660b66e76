"""Reports (docs.joinmastodon.org/methods/reports) and the server rules they point to (GET /api/v1/instance/rules).

Mastodon's four categories map onto ours: spam → spam, violation → harassment (reviewed early, with the rules
chosen), legal → other, other → other; our own ten categories are accepted as they are. In the Report entity our
categories come back as Mastodon's (anything but spam and other is a violation). Réconfort does not federate
reports yet: `forward` is accepted and `forwarded` is always false.

Our extension: instead of an account, a report may be about one memorial, tribute, appeal or circle message the
caller can see (`memorial_id`, `tribute_id`, `appeal_id`, `circle_post_id`). It is then about the member who wrote
or keeps it; for a memorial, whose keepers are not public, `target_account` comes back null.

An anonymous request for comfort and its asker's replies show a pseudonym account (`anon-<id>`, decision 0038):
a report sends that id as `account_id`, or no `account_id` at all, with the `status_ids`. It is about the real
author for the moderators, and `target_account` stays the pseudonym for the reporter.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from pydantic import Field

from reconfort.accounts.selectors import account_get
from reconfort.core.errors import NotFound, ServiceError
from reconfort.moderation import services
from reconfort.moderation.models import TARGET_FIELDS, ReportCategory, ReportTarget
from reconfort.moderation.models import Report as ReportModel
from reconfort.moderation.selectors import rules_list
from reconfort.posts.authors import ALIAS_ID_PREFIX
from reconfort.posts.models import Post
from reconfort.posts.policies import can_see_anonymous_author

from ..auth import member
from ..entities.account import Account, render_account, render_alias_account
from ..entities.common import iso
from ..entities.instance import render_rules
from ..links import absolute
from ..parsing import Flag, JsonObject, object_id
from ..responses import json_response
from .statuses import TextId

router = Router(tags=["reports"])

FROM_MASTODON = {"spam": "spam", "violation": "harassment", "legal": "other", "other": "other"}
TO_MASTODON = {ReportCategory.SPAM: "spam", ReportCategory.OTHER: "other"}


class ReportCreate(JsonObject):
    account_id: TextId | None = None
    status_ids: list[TextId] = Field(default_factory=list)
    comment: str | None = None
    category: str | None = None
    rule_ids: list[TextId] = Field(default_factory=list)
    forward: Flag = False
    memorial_id: TextId | None = Field(None, description="Réconfort: report this memorial (its id, the key).")
    tribute_id: TextId | None = Field(None, description="Réconfort: report this tribute.")
    appeal_id: TextId | None = Field(None, description="Réconfort: report this appeal.")
    circle_post_id: TextId | None = Field(None, description="Réconfort: report this circle message.")


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
    target_account: Account | None = Field(description="Null only for a report about a memorial (Réconfort).")
    memorial_id: str | None = None
    tribute_id: str | None = None
    appeal_id: str | None = None
    circle_post_id: str | None = None


class ReportError(Schema):
    error: str
    field: str | None = None


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


def _target_account(viewer, report: ReportModel) -> dict | None:
    # A memorial's keepers are not public: the reporter is not told who keeps it.
    if report.target_kind == ReportTarget.MEMORIAL or report.target_account is None:
        return None
    if report.target_alias and not can_see_anonymous_author(viewer, report.target_account_id):
        root = report.target_alias_root
        asked_at = Post.objects.filter(pk=root).values_list("created_at", flat=True).first()
        return render_alias_account(
            report.target_alias,
            f"{ALIAS_ID_PREFIX}{root}",
            created_at=asked_at or report.created_at,
            page_url=absolute(f"/posts/{root}"),
        )
    return render_account(report.target_account)


def render_report(report: ReportModel, viewer) -> dict:
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
        "target_account": _target_account(viewer, report),
        "memorial_id": report.memorial.key if report.memorial_id else None,
        "tribute_id": _text(report.tribute_id),
        "appeal_id": _text(report.appeal_id),
        "circle_post_id": _text(report.circle_post_id),
    }


def _text(pk) -> str | None:
    return str(pk) if pk is not None else None


def _target(payload: ReportCreate) -> tuple[str, str] | None:
    """The one memorial, tribute, appeal or circle message reported, if any; more than one, or one with an
    account or posts, is refused (a report is about one thing)."""
    given = [(f, v) for f in TARGET_FIELDS if (v := getattr(payload, f"{f}_id")) not in (None, "")]
    if len(given) > 1 or (given and (payload.account_id not in (None, "") or payload.status_ids)):
        message = _(
            "Report one thing at a time: an account (with its posts), a memorial, a tribute, an appeal or a "
            "circle message."
        )
        raise ServiceError(message, code="several_targets")
    return given[0] if given else None


@router.post(
    "/v1/reports",
    response={200: Report, 403: ReportError, 404: ReportError, 422: ReportError, 429: ReportError},
    auth=member("write:reports"),
    openapi_extra={
        "description": "Form-encoded or JSON. `category` is Mastodon's (spam, violation, legal, other) or one of "
        "Réconfort's own (harassment, hate, violence, false_memorial, impersonation, scam, child_safety, "
        "worried, other). Réconfort's extension: send exactly one of `memorial_id`, `tribute_id`, `appeal_id`, "
        "`circle_post_id` instead of `account_id` (and no `status_ids`) to report that thing; 404 when the caller "
        "cannot see it, 403 when it is the caller's own, 422 when two things are sent at once. Posts may be reported "
        "by `status_ids` alone, or with the pseudonym's `anon-…` id of an anonymous request as `account_id`: they "
        "must show one author (422 otherwise), and `target_account` is then that author as the caller sees them."
    },
)
def create_report(request, payload: ReportCreate):
    target = _target(payload)
    if target is not None:
        field, ref = target
        report = services.report_create_about(
            request.auth,
            field,
            ref,
            category=_category(payload),
            comment=payload.comment or "",
            rule_ids=_ids(payload.rule_ids, "rule_ids"),
        )
        return json_response(render_report(report, request.auth))
    alias_id = str(payload.account_id or "").strip()
    if alias_id.startswith(ALIAS_ID_PREFIX) or (not alias_id and payload.status_ids):
        # Posts under a pseudonym (or any posts, named by their ids alone): never through the author's id.
        post_ids = _ids(payload.status_ids, "status_ids")
        if not post_ids:  # the pseudonym alone: its request
            root = object_id(alias_id.removeprefix(ALIAS_ID_PREFIX))
            if root is None:
                raise NotFound(_("Record not found."))
            post_ids = [root]
        report = services.report_create_posts(
            request.auth,
            post_ids,
            alias_id=alias_id,
            category=_category(payload),
            comment=payload.comment or "",
            rule_ids=_ids(payload.rule_ids, "rule_ids"),
        )
        return json_response(render_report(report, request.auth))
    if payload.account_id in (None, ""):
        raise ServiceError(
            _("Say what you report: an account, or (Réconfort) a memorial, a tribute, an appeal or a circle message."),
            field="account_id",
            code="no_target",
        )
    target_id = object_id(payload.account_id)
    if target_id is None:
        raise NotFound(_("Record not found."))
    report = services.report_create(
        request.auth,
        account_get(target_id),
        category=_category(payload),
        comment=payload.comment or "",
        rule_ids=_ids(payload.rule_ids, "rule_ids"),
        post_ids=_ids(payload.status_ids, "status_ids"),
    )
    return json_response(render_report(report, request.auth))


@router.get("/v1/instance/rules", response={200: list[RuleOut]}, auth=None)
def instance_rules(request):
    return json_response(render_rules(rules_list()))

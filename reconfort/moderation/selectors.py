from __future__ import annotations

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Role, User
from reconfort.core.errors import Forbidden, NotFound
from reconfort.memorials.models import AccountMemorial
from reconfort.posts.models import Post

from . import policies
from .models import SUSPENSION_GRACE, AuditEntry, Decision, DecisionAppeal, QueueItem, Report, Rule


def suspended_past_grace(now=None) -> QuerySet:
    """Members suspended more than 30 days ago: their data is due for deletion (privacy.services does it)."""
    cutoff = (now or timezone.now()) - SUSPENSION_GRACE
    return User.objects.filter(suspended_at__lt=cutoff, is_active=False)


def queue_list(moderator, *, include_closed: bool = False) -> QuerySet:
    """Highest risk first (people in danger, children), then oldest first."""
    if not policies.can_moderate(moderator):
        raise Forbidden("moderators only")
    qs = QueueItem.objects.select_related("assigned_to", "report", "report__target_account", "report__reporter")
    if not include_closed:
        qs = qs.exclude(state=QueueItem.State.CLOSED)
    return qs.order_by("risk", "created_at", "id")


def report_target_paths(prefix: str = "") -> list[str]:
    """What select_related needs to show a report's memorial, tribute, appeal or circle message in one query."""
    return [prefix + p for p in ("memorial", "tribute__memorial", "appeal", "circle_post__circle")]


def decisions_for_member(member) -> QuerySet:
    return (
        Decision.objects.filter(target_account=member)
        .select_related("post", "report", *report_target_paths("report__"))
        .order_by("-created_at")
    )


def audit_log(viewer, *, action: str | None = None, actor_id=None, target_type: str | None = None) -> QuerySet:
    if not policies.can_read_audit_log(viewer):
        raise Forbidden("administrators only")
    qs = AuditEntry.objects.order_by("-created_at", "-id")
    if action:
        qs = qs.filter(action__startswith=action)
    if actor_id:
        qs = qs.filter(actor_id=actor_id)
    if target_type:
        qs = qs.filter(target_type=target_type)
    return qs


def queue_item_get(moderator, item_id) -> QueueItem:
    """One item of the queue with what its page shows, for moderators only."""
    if not policies.can_moderate(moderator):
        raise Forbidden("moderators only")
    qs = QueueItem.objects.select_related(
        "assigned_to",
        "report__reporter",
        "report__target_account",
        *report_target_paths("report__"),
        "decision_appeal__decision__target_account",
        "decision_appeal__decision__moderator",
        "decision_appeal__decision__post",
        *report_target_paths("decision_appeal__decision__report__"),
        "decision_appeal__decided_by",
    )
    try:
        return qs.get(pk=int(item_id))
    except (QueueItem.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("There is no such item in the queue.")) from exc


def item_report(item: QueueItem) -> Report | None:
    return getattr(item, "report", None) if item.kind == QueueItem.Kind.REPORT else None


def item_decision_appeal(item: QueueItem) -> DecisionAppeal | None:
    return getattr(item, "decision_appeal", None) if item.kind == QueueItem.Kind.DECISION_APPEAL else None


def review_subject(item: QueueItem):
    """The object another capability asked to review (a memorial, a memorialisation request, an appeal), or
    None when it has been deleted since or the kind has none."""
    if not item.subject_type or item.subject_id is None:
        return None
    try:
        model = apps.get_model(item.subject_type)
    except (LookupError, ValueError):
        return None
    return model._default_manager.filter(pk=item.subject_id).first()


def review_requests(item: QueueItem) -> QuerySet:
    """What the people asking for a review wrote (kept in the audit log when the review opened)."""
    return AuditEntry.objects.filter(
        target_type=QueueItem._meta.label_lower, target_id=item.pk, action__endswith=".requested"
    ).order_by("created_at", "id")


def reports_about(member, *, exclude_id=None) -> QuerySet:
    """Reports received by a member, newest first: their history for the moderator."""
    qs = Report.objects.filter(target_account=member).select_related("reporter").order_by("-created_at", "-id")
    return qs.exclude(pk=exclude_id) if exclude_id else qs


def member_recent_posts(member, *, limit: int = 20) -> list[Post]:
    """A member's latest own posts (hidden ones too): what a moderator may act on."""
    return list(Post.objects.filter(author=member, reblog_of__isnull=True).order_by("-id")[:limit])


def report_for_reporter(reporter, report_id) -> Report:
    """A report as its author may see it (never another member's)."""
    try:
        return Report.objects.select_related("target_account").get(pk=int(report_id), reporter=reporter)
    except (Report.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("There is no such report.")) from exc


def decision_for_member(member, decision_id) -> Decision:
    try:
        return decisions_for_member(member).get(pk=int(decision_id))
    except (Decision.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("There is no such decision.")) from exc


def registrations_pending(moderator) -> QuerySet:
    """Accounts waiting for a moderator's approval, oldest first."""
    if not policies.can_moderate(moderator):
        raise Forbidden("moderators only")
    return User.objects.filter(approved=False).order_by("date_joined", "id")


def memorialised_accounts(moderator) -> QuerySet:
    """Accounts kept in memory now (not reversed), most recent first."""
    if not policies.can_moderate(moderator):
        raise Forbidden("moderators only")
    return (
        AccountMemorial.objects.filter(reversed_at__isnull=True)
        .select_related("account")
        .order_by("-memorialised_at", "-id")
    )


def staff_list(viewer) -> QuerySet:
    if not policies.can_grant_role(viewer):
        raise Forbidden("administrators only")
    return User.objects.filter(Q(role__in=[Role.MODERATOR, Role.ADMIN]) | Q(is_superuser=True)).order_by("username")


def audit_target_types() -> list[str]:
    return list(AuditEntry.objects.order_by("target_type").values_list("target_type", flat=True).distinct())


def rules_list() -> list:
    """The server rules, in their order (shown in reports and in the instance information)."""
    return list(Rule.objects.all())

"""Every moderation write. Each action is audited in the same transaction as its effect."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import get_access_token_model, get_refresh_token_model

from reconfort.accounts.models import Role, User
from reconfort.comfort.safety import policies as safety_policies
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.memorials import services as memorial_services
from reconfort.posts.authors import shown_author, thread_alias
from reconfort.posts.models import Post
from reconfort.posts.policies import can_see_anonymous_author
from reconfort.posts.selectors import can_view, post_get_visible

from . import policies, targets
from .models import (
    CATEGORY_RISK,
    AuditEntry,
    Decision,
    DecisionAppeal,
    QueueItem,
    Report,
    ReportCategory,
    Rule,
)


def audit_record(actor, action: str, target, *, reason: str = "", before=None, after=None) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if actor and actor.pk else None,
        actor_name=getattr(actor, "username", "") or "system",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=getattr(target, "pk", None),
        reason=str(reason),
        before=before or {},
        after=after or {},
    )


def _require_moderator(user) -> None:
    if not policies.can_moderate(user):
        raise Forbidden(_("Only moderators can do this."), code="not_moderator")


@transaction.atomic
def role_grant(actor: User, target: User, role: str) -> User:
    if not policies.can_grant_role(actor):
        raise Forbidden(_("Only administrators can grant roles."), code="not_admin")
    if role not in Role.values:
        raise ServiceError(_("Unknown role."), field="role")
    if target.pk == actor.pk and role != Role.ADMIN:
        # Another administrator must do it, so the server is never left without one by mistake.
        raise ServiceError(_("You cannot give up your own administrator role."), code="self_demotion")
    before = {"role": target.role}
    target.role = role
    target.save(update_fields=["role"])
    audit_record(actor, "role.grant", target, before=before, after={"role": role})
    return target


# --- Reports ------------------------------------------------------------------------------------


def report_create(
    reporter: User,
    target_account: User,
    *,
    category: str,
    comment: str = "",
    rule_ids=(),
    post_ids=(),
) -> Report:
    """A member reports an account (and optionally some of its posts). The target never learns who."""
    if not policies.can_report_account(reporter, target_account):
        raise ServiceError(_("You cannot report yourself."), code="self_report")
    return _report_create(reporter, target_account, category, comment, rule_ids, post_ids=post_ids)


def report_create_about(reporter: User, kind: str, ref, *, category: str, comment: str = "", rule_ids=()) -> Report:
    """A member reports a memorial, a tribute, an appeal or a circle message (`kind`, a ReportTarget) that they
    can see. The report is about the member who wrote or keeps it, who never learns who reported."""
    target_kind = targets.KINDS.get(kind)
    if target_kind is None:
        raise ServiceError(_("Unknown kind of report."), code="invalid_target")
    if not reporter.is_authenticated:
        raise Forbidden(_("Sign in to report."), code="not_signed_in")
    thing = target_kind.find(reporter, ref)  # NotFound when the reporter cannot see it
    owner = target_kind.owner(thing)
    if target_kind.own(reporter, thing) or (owner is not None and not policies.can_report_account(reporter, owner)):
        raise Forbidden(_("You cannot report what is your own."), code="self_report")
    return _report_create(reporter, owner, category, comment, rule_ids, target=(target_kind.field, thing))


POSTS_PER_REPORT = 20


def report_create_posts(
    reporter: User, post_ids, *, alias_id: str = "", category: str, comment: str = "", rule_ids=()
) -> Report:
    """A member reports posts they can see by the posts themselves, not by their author's name: how an anonymous
    request and its asker's replies are reported without naming anyone (decision 0038). The posts must show one
    author to the reporter: one account, or one pseudonym (`alias_id`, the pseudonym's `anon-<id>`, must then be
    theirs). An anonymous post and a named one are never "one author", whoever wrote them, so a refusal tells
    nothing. The report is about the real author, as any post report: moderators see who it is."""
    if not reporter.is_authenticated:
        raise Forbidden(_("Sign in to report."), code="not_signed_in")
    try:
        wanted = list(dict.fromkeys(int(p) for p in post_ids))
    except (TypeError, ValueError) as exc:
        raise ServiceError(_("Unknown rule or post."), field="status_ids", code="invalid_ids") from exc
    if not wanted or len(wanted) > POSTS_PER_REPORT:
        raise ServiceError(_("Choose the posts you report."), field="status_ids", code="no_target")
    posts = []
    for pk in wanted:
        post = post_get_visible(reporter, pk)  # NotFound when the reporter cannot see it
        posts.append(post.reblog_of or post)  # a reshare: what it shows
    shown = [shown_author(reporter, post) for post in posts]
    authors = {author.alias_id if author.hidden else author.account.pk for author in shown}
    if len(authors) != 1:
        raise ServiceError(_("Report the posts of one author at a time."), field="status_ids", code="several_authors")
    if alias_id and not all(post.author_alias and thread_alias(post).alias_id == alias_id for post in posts):
        raise NotFound(_("Record not found."))
    if posts[0].author_id == reporter.pk:
        raise Forbidden(_("You cannot report what is your own."), code="self_report")
    return _report_create(
        reporter, posts[0].author, category, comment, rule_ids, found_posts=posts, alias=shown[0].thread
    )


def _report_create(
    reporter, target_account, category, comment, rule_ids, *, post_ids=(), target=None, found_posts=None, alias=None
) -> Report:
    if category not in ReportCategory.values:
        raise ServiceError(_("Choose what is wrong."), field="category", code="invalid_category")
    if len(comment or "") > 1000:
        raise ServiceError(_("The comment has 1,000 characters at most."), field="comment")
    if category == ReportCategory.WORRIED:  # same rule as comfort.safety's « je m'inquiète » (Reddit Cares abuse)
        days = settings.RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS
        if not safety_policies.account_old_enough_to_worry(reporter, now=timezone.now(), min_days=days):
            message = _("New accounts cannot use this yet (after %(days)s days).") % {"days": days}
            raise Forbidden(message, code="too_new")
        ratelimit.hit_account("worried", reporter)
    ratelimit.hit_account("report", reporter)
    try:
        rule_ids, post_ids = [int(r) for r in rule_ids], [int(p) for p in post_ids]
    except (TypeError, ValueError) as exc:
        raise ServiceError(_("Unknown rule or post."), code="invalid_ids") from exc
    rules = list(Rule.objects.filter(pk__in=rule_ids))
    if len(rules) != len(set(rule_ids)):
        raise ServiceError(_("Unknown rule."), field="rule_ids")
    if found_posts is not None:  # report_create_posts found and checked them
        posts = found_posts
    else:
        posts = Post.objects.select_related("author").filter(pk__in=post_ids, author=target_account)
        if target_account is not None and not can_see_anonymous_author(reporter, target_account.pk):
            # An anonymous request is not "this member's post" to a reporter (decision 0038): accepting it here and
            # refusing it under another name would tell whose it is.
            posts = posts.filter(author_alias="")
        posts = list(posts)
        if len(posts) != len(set(post_ids)) or not all(can_view(reporter, p) for p in posts):
            message = _("These posts are not the reported member's, or you cannot see them.")
            raise ServiceError(message, field="post_ids")
    field, thing = target or ("", None)
    with transaction.atomic():
        item = QueueItem.objects.create(kind=QueueItem.Kind.REPORT, risk=CATEGORY_RISK[category])
        report = Report.objects.create(
            reporter=reporter,
            target_account=target_account,
            category=category,
            comment=(comment or "").strip(),
            queue_item=item,
            target_kind=field,
            target_alias=alias.alias if alias else "",
            target_alias_root=alias.root_id if alias else None,
            **({field: thing} if field else {}),
        )
        report.rules.set(rules)
        report.posts.set(posts)
        events.emit(events.REPORT_CREATED, report_id=report.pk, reporter_id=reporter.pk)
    return report


@transaction.atomic
def queue_assign(moderator: User, item: QueueItem) -> QueueItem:
    _require_moderator(moderator)
    if item.state == QueueItem.State.CLOSED:
        raise ServiceError(_("This item is already closed."), status=409, code="closed")
    item.state, item.assigned_to = QueueItem.State.ASSIGNED, moderator
    item.save(update_fields=["state", "assigned_to"])
    audit_record(moderator, "queue.assign", item)
    return item


def _close(item: QueueItem) -> None:
    item.state, item.closed_at = QueueItem.State.CLOSED, timezone.now()
    item.save(update_fields=["state", "closed_at"])


def _close_report(report: Report, state: str, note: str) -> None:
    report.state, report.outcome_note, report.resolved_at = state, note, timezone.now()
    report.save(update_fields=["state", "outcome_note", "resolved_at"])
    _close(report.queue_item)
    if report.reporter_id:
        events.emit(events.REPORT_RESOLVED, report_id=report.pk, reporter_id=report.reporter_id)


@transaction.atomic
def report_dismiss(moderator: User, report: Report, *, note: str = "") -> Report:
    _require_moderator(moderator)
    if report.state != Report.State.OPEN:
        raise ServiceError(_("This report is already closed."), status=409, code="closed")
    _close_report(report, Report.State.DISMISSED, note)
    audit_record(moderator, "report.dismiss", report, reason=note)
    return report


# --- Decisions ----------------------------------------------------------------------------------


def _revoke_access(user: User) -> None:
    """Suspension takes effect at once: no OAuth token keeps working (sessions die with is_active=False)."""
    get_access_token_model().objects.filter(user=user).delete()
    get_refresh_token_model().objects.filter(user=user).delete()


def _hides_target(decision: Decision) -> bool:
    """Hiding with no post chosen, on a report about a tribute, an appeal or a circle message: hide that."""
    report = decision.report
    return decision.action == Decision.Action.HIDE and decision.post is None and bool(report and report.target_kind)


def _apply(decision: Decision, *, content_warning: str) -> tuple[dict, dict]:
    member, post, now = decision.target_account, decision.post, timezone.now()
    action = decision.action
    if _hides_target(decision):
        report = decision.report
        kind, thing = targets.kind_of(report), report.target
        kind.hide(decision.moderator, thing, decision.reason)
        where = {"target": kind.field, "target_id": thing.pk}
        return {**where, "hidden": False}, {**where, "hidden": True}
    if action == Decision.Action.HIDE:
        before, post.hidden_at = {"hidden": post.hidden_at is not None}, now
        post.save(update_fields=["hidden_at"])
        return before, {"hidden": True}
    if action == Decision.Action.CONTENT_WARNING:
        before = {"spoiler_text": post.spoiler_text, "sensitive": post.sensitive}
        post.spoiler_text, post.sensitive = content_warning[:200], True
        post.save(update_fields=["spoiler_text", "sensitive"])
        return before, {"spoiler_text": post.spoiler_text, "sensitive": True}
    if action == Decision.Action.LIMIT:
        before, member.limited = {"limited": member.limited}, True
        member.save(update_fields=["limited"])
        return before, {"limited": True}
    if action == Decision.Action.SUSPEND:
        before = {"is_active": member.is_active, "suspended_at": None}
        member.is_active, member.suspended_at = False, now
        member.save(update_fields=["is_active", "suspended_at"])
        _revoke_access(member)
        return before, {"is_active": False, "suspended_at": now.isoformat()}
    return {}, {}


NEEDS_POST = {Decision.Action.HIDE, Decision.Action.CONTENT_WARNING}


@transaction.atomic
def decision_take(
    moderator: User,
    target_account: User,
    *,
    action: str,
    reason: str,
    post: Post | None = None,
    report: Report | None = None,
    content_warning: str = "",
) -> Decision:
    """Act on a member or post; the member is told why and may appeal (except a dismissal)."""
    _require_moderator(moderator)
    if action not in Decision.Action.values or action == Decision.Action.DISMISS:
        raise ServiceError(_("Unknown action."), field="action", code="invalid_action")
    if not (reason or "").strip():
        raise ServiceError(_("Give the reason the member will read."), field="reason", code="empty_reason")
    if target_account.pk == moderator.pk:
        raise ServiceError(_("You cannot moderate yourself."), code="self_moderation")
    about_target = report is not None and bool(report.target_kind)
    if about_target and post is not None:
        raise ServiceError(_("This report is not about a post."), field="post", code="not_a_post")
    if about_target and report.target_account_id != target_account.pk:
        raise ServiceError(_("This report is about another member."), code="other_member")
    if about_target and action == Decision.Action.HIDE:
        if not targets.hideable(report):
            message = _("This cannot be hidden now: it is already hidden, deleted, or not hidden this way.")
            raise ServiceError(message, field="action", code="not_hideable")
    elif action in NEEDS_POST and (post is None or post.author_id != target_account.pk):
        raise ServiceError(_("Choose one of this member's posts."), field="post", code="post_required")
    if action == Decision.Action.CONTENT_WARNING and not content_warning.strip():
        raise ServiceError(_("Write the content warning."), field="content_warning")
    if target_account.role != Role.MEMBER and not policies.can_grant_role(moderator):
        raise Forbidden(_("Only administrators can act on moderators."), code="not_admin")
    decision = Decision.objects.create(
        moderator=moderator,
        target_account=target_account,
        post=post,
        report=report,
        action=action,
        reason=reason.strip(),
    )
    before, after = _apply(decision, content_warning=content_warning)
    if report is not None and report.state == Report.State.OPEN:
        _close_report(report, Report.State.RESOLVED, "")
    audit_record(moderator, f"decision.{action}", decision, reason=reason, before=before, after=after)
    events.emit(events.MODERATION_DECISION, decision_id=decision.pk, account_id=target_account.pk)
    return decision


def _reverse(decision: Decision, moderator: User) -> tuple[dict, dict]:
    member, post = decision.target_account, decision.post
    if _hides_target(decision):
        report = decision.report
        kind, thing = targets.kind_of(report), report.target
        if thing is not None and kind.is_hidden(thing):  # deleted since, or shown again by other means: nothing
            kind.show(moderator, thing)
    elif decision.action == Decision.Action.HIDE and post is not None:
        post.hidden_at = None
        post.save(update_fields=["hidden_at"])
    elif decision.action == Decision.Action.LIMIT:
        member.limited = False
        member.save(update_fields=["limited"])
    elif decision.action == Decision.Action.SUSPEND:
        member.is_active, member.suspended_at = True, None
        member.save(update_fields=["is_active", "suspended_at"])
    decision.reversed_at = timezone.now()
    decision.save(update_fields=["reversed_at"])
    return {"reversed": False}, {"reversed": True}


# --- Appeals of decisions -------------------------------------------------------------------------


@transaction.atomic
def decision_appeal_create(member: User, decision: Decision, *, text: str) -> DecisionAppeal:
    already = DecisionAppeal.objects.filter(decision=decision).exists()
    if decision.target_account_id != member.pk:
        raise NotFound(_("There is no such decision."))
    if not policies.can_appeal_decision(member, decision, already_appealed=already):
        raise ServiceError(_("This decision can no longer be appealed."), status=409, code="appeal_closed")
    if not (text or "").strip() or len(text) > 2000:
        raise ServiceError(_("Explain in 1 to 2,000 characters why the decision should change."), field="text")
    ratelimit.hit_account("appeal", member)
    item = QueueItem.objects.create(kind=QueueItem.Kind.DECISION_APPEAL, risk=3)
    return DecisionAppeal.objects.create(decision=decision, text=text.strip(), queue_item=item)


@transaction.atomic
def decision_appeal_decide(
    moderator: User, appeal: DecisionAppeal, *, overturn: bool, note: str = ""
) -> DecisionAppeal:
    decision = appeal.decision
    if not policies.can_decide_appeal(moderator, decision):
        raise Forbidden(_("Another moderator than the one who decided must review this appeal."), code="same_moderator")
    if appeal.state != DecisionAppeal.State.PENDING:
        raise ServiceError(_("This appeal has already been decided."), status=409, code="closed")
    before, after = {"state": appeal.state}, {}
    if overturn:
        _reverse(decision, moderator)
    appeal.state = DecisionAppeal.State.OVERTURNED if overturn else DecisionAppeal.State.UPHELD
    appeal.decided_by, appeal.decided_at = moderator, timezone.now()
    appeal.save(update_fields=["state", "decided_by", "decided_at"])
    _close(appeal.queue_item)
    after = {"state": appeal.state}
    audit_record(moderator, "appeal.decide", appeal, reason=note, before=before, after=after)
    events.emit(events.APPEAL_DECIDED, appeal_id=appeal.pk, account_id=decision.target_account_id)
    return appeal


# --- Registrations waiting for approval -----------------------------------------------------------


def _mail_after_commit(account: User, subject, body, **params) -> None:
    """Tell the person by e-mail, in their language, once the decision is stored. Best effort: the decision
    stands even if the mail server is down."""
    address, language = account.email, account.language
    params["site"] = settings.RECONFORT_INSTANCE_NAME

    def send():
        with translation.override(language):
            send_mail(str(subject) % params, str(body) % params, None, [address], fail_silently=True)

    if address:
        transaction.on_commit(send)


def _require_pending(account: User) -> None:
    if account.approved:
        raise ServiceError(_("This registration has already been decided."), status=409, code="closed")


@transaction.atomic
def account_approve(moderator: User, account: User) -> User:
    """Let a member who asked to join sign in."""
    _require_moderator(moderator)
    _require_pending(account)
    account.approved, account.is_active = True, True
    account.save(update_fields=["approved", "is_active"])
    audit_record(moderator, "registration.approve", account, before={"approved": False}, after={"approved": True})
    _mail_after_commit(
        account, _("Welcome to %(site)s"), _("Your registration on %(site)s was approved: you can sign in now.")
    )
    return account


@transaction.atomic
def account_reject(moderator: User, account: User, *, reason: str) -> None:
    """Refuse a registration: the account is deleted and the person is told why."""
    _require_moderator(moderator)
    _require_pending(account)
    if not (reason or "").strip():
        raise ServiceError(_("Give the reason the person will read."), field="reason", code="empty_reason")
    audit_record(
        moderator, "registration.reject", account, reason=reason.strip(), before={"username": account.username}
    )
    _mail_after_commit(
        account,
        _("Your registration on %(site)s"),
        _("Your registration on %(site)s was not accepted. The moderators wrote: %(reason)s"),
        reason=reason.strip(),
    )
    account.delete()


@transaction.atomic
def memorialisation_reverse(moderator: User, account: User, *, reason: str):
    """Undo a memorialisation made by mistake; the reason and the before/after go to the audit log."""
    _require_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Give the reason for the audit log."), field="reason", code="empty_reason")
    state = memorial_services.memorialisation_reverse(moderator, account)
    audit_record(
        moderator,
        "account.memorialisation_reverse",
        account,
        reason=reason,
        before={"memorialised_at": state.memorialised_at.isoformat()},
        after={"reversed_at": state.reversed_at.isoformat()},
    )
    return state

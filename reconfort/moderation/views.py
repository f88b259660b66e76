"""Moderators' pages: the queue, one item with its context and actions, registrations waiting for approval; and
for administrators the audit log and roles. Every page needs a moderator (the middleware has already asked staff
for their second factor); every write goes through the services, which audit it."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reconfort.accounts.models import User
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import redirect_back
from reconfort.posts.models import Post
from reconfort.posts.selectors import post_context

from . import policies, reviews, selectors, services, targets
from .forms import (
    AppealDecisionForm,
    AuditFilterForm,
    DecisionForm,
    DismissForm,
    RejectRegistrationForm,
    ReverseMemorialisationForm,
    ReviewForm,
    RoleForm,
)
from .models import QueueItem, ReportTarget

PAGE_SIZE = 50
THREADS_SHOWN = 5  # reported posts shown with their thread on an item page
RISK_LABELS = {0: _("Urgent"), 1: _("High"), 2: _("Serious"), 3: _("Normal"), 4: _("Low")}
REVIEW_KINDS = {QueueItem.Kind.MEMORIALISATION, QueueItem.Kind.MEMORIAL_DISPUTE, QueueItem.Kind.MISSING_PERSON,
                QueueItem.Kind.CRISIS_ALERT, QueueItem.Kind.CRISIS_PROPOSED, QueueItem.Kind.TREND}  # fmt: skip


def _only(policy):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not policy(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


moderators_only = _only(policies.can_moderate)
admins_only = _only(policies.can_grant_role)


def _refused(form, exc: ServiceError) -> int:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return exc.status


# --- The queue ----------------------------------------------------------------------------------


@moderators_only
@require_GET
def queue(request):
    items = selectors.queue_list(request.user)
    kind = request.GET.get("kind", "")
    if kind in QueueItem.Kind.values:
        items = items.filter(kind=kind)
    if request.GET.get("mine"):
        items = items.filter(assigned_to=request.user)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page:
        item.risk_label = RISK_LABELS.get(item.risk, item.risk)
    context = {
        "page": page,
        "kinds": QueueItem.Kind.choices,
        "kind": kind,
        "mine": bool(request.GET.get("mine")),
        "tab": "queue",
    }
    return TemplateResponse(request, "moderation/queue.html", context)


def _item(request, item_id) -> QueueItem:
    try:
        return selectors.queue_item_get(request.user, item_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _reported_posts(report) -> list[Post]:
    return list(report.posts.select_related("author").order_by("id"))


HIDE_LABELS = {
    ReportTarget.TRIBUTE: _("Hide the tribute"),
    ReportTarget.APPEAL: _("Hide the appeal"),
    ReportTarget.CIRCLE_POST: _("Remove the message from the circle"),
}


def _decision_form(report, data=None) -> DecisionForm | None:
    """The decisions a moderator may take on this report: None when nobody answers for the reported thing (a
    memorial whose keeper's account is gone), so it can only be dismissed."""
    if report.target_account is None:
        return None
    if report.target_kind:
        hide_label = HIDE_LABELS.get(report.target_kind) if targets.hideable(report) else None
        return DecisionForm(data, posts=None, hide_label=hide_label)
    posts = _reported_posts(report)
    choices = posts + [p for p in selectors.member_recent_posts(report.target_account) if p not in posts]
    return DecisionForm(data, posts=choices, initial={"post": posts[0].pk if posts else None})


def _item_page(request, item: QueueItem, *, status: int = 200, **forms) -> TemplateResponse:
    """The item with its context (the reported posts in their thread, the member's history) and the actions its
    kind allows; `forms` are bound forms to show again with their errors."""
    user = request.user
    context = {"item": item, "risk_label": RISK_LABELS.get(item.risk, item.risk), "tab": "queue"}
    report, appeal, member = selectors.item_report(item), selectors.item_decision_appeal(item), None
    if report is not None:
        member = report.target_account
        posts = _reported_posts(report)
        context.update(
            report=report,
            reported=targets.shown(report),
            rules=report.rules.all(),
            threads=[(post, post_context(user, post)) for post in posts[:THREADS_SHOWN]],
            dismiss_form=forms.get("dismiss") or DismissForm(),
            decision_form=forms.get("decision") or _decision_form(report),
        )
    elif appeal is not None:
        member = appeal.decision.target_account
        context.update(
            appeal=appeal,
            decision=appeal.decision,
            reported=targets.shown(appeal.decision.report) if appeal.decision.report_id else None,
            can_decide_appeal=policies.can_decide_appeal(user, appeal.decision),
            appeal_form=forms.get("appeal") or AppealDecisionForm(),
        )
    elif item.kind in REVIEW_KINDS:
        context.update(
            subject=selectors.review_subject(item),
            requests=selectors.review_requests(item),
            review_form=forms.get("review") or ReviewForm(),
        )
    if member is not None:
        context.update(
            member=member,
            prior_reports=selectors.reports_about(member, exclude_id=report.pk if report else None)[:20],
            prior_decisions=selectors.decisions_for_member(member)[:20],
        )
    return TemplateResponse(request, "moderation/item.html", context, status=status)


@moderators_only
@require_GET
def item_detail(request, item_id: int):
    return _item_page(request, _item(request, item_id))


def _back_to(item: QueueItem) -> str:
    return reverse("moderation:item", args=[item.pk])


@moderators_only
@require_POST
def item_assign(request, item_id: int):
    item = _item(request, item_id)
    try:
        services.queue_assign(request.user, item)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("This item is assigned to you."))
    return redirect_back(request, _back_to(item))


def _report_of(item: QueueItem):
    report = selectors.item_report(item)
    if report is None:
        raise Http404(_("This item is not a report."))
    return report


@moderators_only
@require_POST
def item_dismiss(request, item_id: int):
    item = _item(request, item_id)
    report, form = _report_of(item), DismissForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, status=422, dismiss=form)
    try:
        services.report_dismiss(request.user, report, note=form.cleaned_data["note"])
    except ServiceError as exc:
        return _item_page(request, item, status=_refused(form, exc), dismiss=form)
    messages.success(request, _("The report is dismissed. The reporter is told."))
    return redirect("moderation:queue")


@moderators_only
@require_POST
def item_decide(request, item_id: int):
    item = _item(request, item_id)
    report = _report_of(item)
    form = _decision_form(report, request.POST)
    if form is None:
        raise Http404(_("Nobody answers for what was reported any more: the report can only be dismissed."))
    if not form.is_valid():
        return _item_page(request, item, status=422, decision=form)
    data, member = form.cleaned_data, report.target_account
    post = Post.objects.filter(pk=data["post"], author=member).first() if data.get("post") else None
    try:
        services.decision_take(
            request.user,
            member,
            action=data["action"],
            reason=data["reason"],
            post=post,
            report=report,
            content_warning=data.get("content_warning", ""),
        )
    except ServiceError as exc:
        return _item_page(request, item, status=_refused(form, exc), decision=form)
    messages.success(request, _("The decision is recorded. The member is told why and may appeal."))
    return redirect(_back_to(item))


@moderators_only
@require_POST
def item_review(request, item_id: int):
    item = _item(request, item_id)
    if item.kind not in REVIEW_KINDS:
        raise Http404(_("This item cannot be decided here."))
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, status=422, review=form)
    try:
        reviews.review_decide(
            request.user, item, approved=form.cleaned_data["outcome"] == "approve", reason=form.cleaned_data["reason"]
        )
    except ServiceError as exc:
        return _item_page(request, item, status=_refused(form, exc), review=form)
    messages.success(request, _("The review is decided."))
    return redirect("moderation:queue")


@moderators_only
@require_POST
def item_appeal(request, item_id: int):
    item = _item(request, item_id)
    appeal = selectors.item_decision_appeal(item)
    if appeal is None:
        raise Http404(_("This item is not an appeal."))
    form = AppealDecisionForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, status=422, appeal=form)
    try:
        services.decision_appeal_decide(
            request.user, appeal, overturn=form.cleaned_data["outcome"] == "overturn", note=form.cleaned_data["note"]
        )
    except ServiceError as exc:
        return _item_page(request, item, status=_refused(form, exc), appeal=form)
    messages.success(request, _("The appeal is decided. The member is told."))
    return redirect("moderation:queue")


# --- Registrations waiting for approval ---------------------------------------------------------------


def _registrations_page(request, *, status: int = 200, failed=None, reject_form=None) -> TemplateResponse:
    accounts = list(selectors.registrations_pending(request.user)[:200])
    for account in accounts:
        bound = account.pk == getattr(failed, "pk", None) and reject_form is not None
        account.reject_form = reject_form if bound else RejectRegistrationForm(prefix=f"r{account.pk}")
    return TemplateResponse(
        request, "moderation/registrations.html", {"accounts": accounts, "tab": "registrations"}, status=status
    )


def _pending_account(account_id: int) -> User:
    account = User.objects.filter(pk=account_id, approved=False).first()
    if account is None:
        raise Http404(_("There is no such registration waiting."))
    return account


@moderators_only
@require_GET
def registrations(request):
    return _registrations_page(request)


@moderators_only
@require_POST
def registration_approve(request, account_id: int):
    account = _pending_account(account_id)
    try:
        services.account_approve(request.user, account)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s can sign in now.") % {"name": account.username})
    return redirect("moderation:registrations")


@moderators_only
@require_POST
def registration_reject(request, account_id: int):
    account = _pending_account(account_id)
    form = RejectRegistrationForm(request.POST, prefix=f"r{account.pk}")
    if not form.is_valid():
        return _registrations_page(request, status=422, failed=account, reject_form=form)
    try:
        services.account_reject(request.user, account, reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        return _registrations_page(request, status=_refused(form, exc), failed=account, reject_form=form)
    messages.success(request, _("The registration of %(name)s is refused.") % {"name": account.username})
    return redirect("moderation:registrations")


# --- Memorialised accounts: a mistake can be undone, with the audit trail ---------------------------------


def _memorialised_page(request, *, status: int = 200, failed=None, form=None) -> TemplateResponse:
    states = list(selectors.memorialised_accounts(request.user)[:200])
    for state in states:
        bound = state.account_id == getattr(failed, "pk", None) and form is not None
        state.reverse_form = form if bound else ReverseMemorialisationForm(prefix=f"m{state.account_id}")
    return TemplateResponse(
        request, "moderation/memorialised.html", {"states": states, "tab": "memorialised"}, status=status
    )


@moderators_only
@require_GET
def memorialised(request):
    return _memorialised_page(request)


@moderators_only
@require_POST
def memorialisation_reverse(request, account_id: int):
    account = User.objects.filter(pk=account_id).first()
    if account is None:
        raise Http404(_("This account is not memorialised."))
    form = ReverseMemorialisationForm(request.POST, prefix=f"m{account.pk}")
    if not form.is_valid():
        return _memorialised_page(request, status=422, failed=account, form=form)
    try:
        services.memorialisation_reverse(request.user, account, reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        return _memorialised_page(request, status=_refused(form, exc), failed=account, form=form)
    messages.success(request, _("@%(name)s is no longer memorialised.") % {"name": account.username})
    return redirect("moderation:memorialised")


# --- Administrators: audit log and roles --------------------------------------------------------------


@admins_only
@require_GET
def audit_log(request):
    form = AuditFilterForm(request.GET or None, target_types=selectors.audit_target_types())
    status, entries = 200, []
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        actor_id = None
        if data.get("actor"):
            # An unknown name matches nothing (-1 is never an id) rather than everything.
            actor_id = User.objects.filter(username__iexact=data["actor"]).values_list("pk", flat=True).first() or -1
        entries = selectors.audit_log(
            request.user,
            action=data.get("action") or None,
            actor_id=actor_id,
            target_type=data.get("target_type") or None,
        )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "tab": "audit"}
    return TemplateResponse(request, "moderation/audit.html", context, status=status)


@admins_only
@require_http_methods(["GET", "POST"])
def roles(request):
    form, status = RoleForm(request.POST or None), 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            target = User.objects.filter(username__iexact=form.cleaned_data["username"]).first()
            if target is None:
                form.add_error("username", _("There is no member with this username."))
            else:
                try:
                    services.role_grant(request.user, target, form.cleaned_data["role"])
                except ServiceError as exc:
                    status = _refused(form, exc)
                else:
                    messages.success(
                        request,
                        _("%(name)s is now: %(role)s.") % {"name": target.username, "role": target.get_role_display()},
                    )
                    return redirect("moderation:roles")
    context = {"form": form, "staff": selectors.staff_list(request.user), "tab": "roles"}
    return TemplateResponse(request, "moderation/roles.html", context, status=status)

"""Members' side of moderation: reporting an account or its posts (or a memorial, a tribute, an appeal, a circle
message), the outcome of my report, and the decisions about me with their appeal (once, within 20 days)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reconfort.accounts.selectors import account_get_by_username
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import safe_next
from reconfort.posts.selectors import account_posts, post_get_visible

from . import policies, selectors, services, targets
from .forms import DecisionAppealForm, ReportForm

RECENT_POSTS = 20  # the reported member's posts offered on the report form


def _refused(response, form, exc: ServiceError):
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    response.status_code = exc.status
    if getattr(exc, "retry_after", None):
        response["Retry-After"] = str(exc.retry_after)
    return response


def _report_page(request, form, context, create):
    """The report form's page; on a valid POST, `create(category=…, comment=…, rule_ids=…)` writes the report and
    the reporter goes back where they came from with a thank-you. Refusals keep the form with the reason."""
    response = TemplateResponse(request, "moderation/report.html", context)
    if request.method != "POST":
        return response
    response.status_code = 422
    if not form.is_valid():
        return response
    data = form.cleaned_data
    try:
        create(
            category=data["category"],
            comment=data["comment"],
            rule_ids=[rule.pk for rule in data.get("rules") or []],
        )
    except ServiceError as exc:
        return _refused(response, form, exc)
    messages.success(request, _("Thank you. The moderators will look at your report and tell you what they decided."))
    return redirect(context["next"])


def _reportable_posts(reporter, target, wanted_id):
    """The member's recent posts the reporter can see, plus the one the reporter came from if it is older."""
    posts = list(account_posts(reporter, target, exclude_reblogs=True).order_by("-id")[:RECENT_POSTS])
    if wanted_id and wanted_id not in {p.pk for p in posts}:
        try:
            wanted = post_get_visible(reporter, wanted_id)
        except ServiceError:
            wanted = None
        # Never an anonymous request (decision 0038): listing it here would confirm whose it is.
        if wanted is not None and wanted.author_id == target.pk and not wanted.reblog_of_id and not wanted.author_alias:
            posts.insert(0, wanted)
    return posts


@login_required
@require_http_methods(["GET", "POST"])
def report(request, username: str):
    try:
        target = account_get_by_username(username)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    if not policies.can_report_account(request.user, target):
        raise Http404(_("You cannot report yourself."))
    wanted = request.GET.get("post", "")
    wanted_id = int(wanted) if wanted.isdigit() else None
    posts = _reportable_posts(request.user, target, wanted_id)
    fallback = reverse("web:profile", args=[target.username])
    if wanted_id in {p.pk for p in posts}:
        fallback = reverse("posts:detail", args=[target.username, wanted_id])
    form = ReportForm(request.POST or None, posts=posts, initial={"posts": [wanted_id] if wanted_id else []})
    context = {"form": form, "target": target, "next": safe_next(request, fallback)}
    return _report_page(
        request,
        form,
        context,
        lambda **fields: services.report_create(request.user, target, post_ids=form.cleaned_data["posts"], **fields),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_about(request, kind: str, ref: str):
    """Report a memorial, a tribute, an appeal or a circle message the member can see (never their own). The page
    shows what is reported, not whose it is: a memorial's keepers stay unknown to the reporter."""
    if kind == targets.POST_SLUG:
        return _report_post(request, ref)
    target_kind = targets.BY_SLUG.get(kind)
    if target_kind is None:
        raise Http404(_("There is no such thing to report."))
    try:
        thing = target_kind.find(request.user, ref)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    if target_kind.own(request.user, thing):
        raise Http404(_("You cannot report what is your own."))
    form = ReportForm(request.POST or None)
    context = {
        "form": form,
        "reported": targets.describe(target_kind, thing),
        "next": safe_next(request, target_kind.url(thing)),
    }
    return _report_page(
        request,
        form,
        context,
        lambda **fields: services.report_create_about(request.user, target_kind.field, ref, **fields),
    )


def _report_post(request, ref: str):
    """Report one post by the post, not its author's name: how an anonymous request and its asker's replies are
    reported (decision 0038). The page names the author as the reporter sees them, the pseudonym under one."""
    try:
        post = post_get_visible(request.user, ref)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    post = post.reblog_of or post
    if post.author_id == request.user.pk:
        raise Http404(_("You cannot report what is your own."))
    form = ReportForm(request.POST or None)
    reported = targets.describe_post(request.user, post)
    context = {"form": form, "reported": reported, "next": safe_next(request, reported.url)}
    return _report_page(
        request, form, context, lambda **fields: services.report_create_posts(request.user, [post.pk], **fields)
    )


@login_required
@require_GET
def report_outcome(request, report_id: int):
    try:
        found = selectors.report_for_reporter(request.user, report_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    return TemplateResponse(request, "moderation/report_outcome.html", {"report": found})


def _decisions_page(request, *, failed_id=None, failed_form=None) -> TemplateResponse:
    decisions = list(selectors.decisions_for_member(request.user).select_related("appeal")[:100])
    for decision in decisions:
        decision.reported = targets.shown(decision.report) if decision.report_id else None
        decision.pending_appeal = getattr(decision, "appeal", None)
        decision.can_appeal = policies.can_appeal_decision(
            request.user, decision, already_appealed=decision.pending_appeal is not None
        )
        decision.appeal_form = failed_form if decision.pk == failed_id else DecisionAppealForm(prefix=f"d{decision.pk}")
    context = {"decisions": decisions, "tab": "decisions", "nav": "settings"}
    return TemplateResponse(request, "moderation/my_decisions.html", context)


@login_required
@require_GET
def my_decisions(request):
    return _decisions_page(request)


@login_required
@require_POST
def decision_appeal(request, decision_id: int):
    try:
        decision = selectors.decision_for_member(request.user, decision_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    form = DecisionAppealForm(request.POST, prefix=f"d{decision.pk}")
    if form.is_valid():
        try:
            services.decision_appeal_create(request.user, decision, text=form.cleaned_data["text"])
        except ServiceError as exc:
            return _refused(_decisions_page(request, failed_id=decision.pk, failed_form=form), form, exc)
        messages.success(request, _("Your appeal is sent. Another moderator will review the decision."))
        return redirect(reverse("moderation:my_decisions") + f"#decision-{decision.pk}")
    response = _decisions_page(request, failed_id=decision.pk, failed_form=form)
    response.status_code = 422
    return response

"""Pages for circles. Views parse input, call one service or selector, and render; plain forms redirect back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reconfort.accounts.models import User
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response

from . import forms, policies, selectors, services
from .models import JoinPolicy, MembershipState, PostsVisibility

FEED_SIZE = 30


def _circle(slug: str):
    try:
        return selectors.circle_get(slug)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def _account(username: str) -> User | None:
    return User.objects.filter(username__iexact=(username or "").strip().lstrip("@"), is_active=True).first()


# --- directory and creation -------------------------------------------------------------------------


def directory(request):
    circles = list(selectors.circle_list(request.user))
    mine = selectors.memberships_by_circle(request.user)
    for circle in circles:
        circle.my_membership = mine.get(circle.pk)
    context = {
        "circles": circles,
        "can_create": policies.can_create_circle(request.user, now=timezone.now()),
        "nav": "circles",
    }
    return TemplateResponse(request, "circles/directory.html", context)


@login_required
def create(request):
    initial = {
        "language": request.user.language if request.user.language in ("fr", "en") else "fr",
        "join_policy": JoinPolicy.OPEN,
        "posts_visibility": PostsVisibility.MEMBERS,
    }
    form = forms.CircleForm(request.POST or None, initial=initial)
    eligible = policies.can_create_circle(request.user, now=timezone.now())
    status = 200 if eligible or request.method == "GET" else 403
    if request.method == "POST" and eligible:
        if form.is_valid():
            try:
                circle = services.circle_create(request.user, **form.cleaned_data)
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                messages.success(request, _("Your circle is open. You are its first moderator."))
                return redirect("circles:detail", circle.slug)
        else:
            status = 422
    context = {"form": form, "eligible": eligible, "min_days": policies.min_account_age().days, "nav": "circles"}
    return TemplateResponse(request, "circles/create.html", context, status=status)


# --- one circle ---------------------------------------------------------------------------------------


def _detail_context(request, circle, membership, *, form=None) -> dict:
    viewer = request.user
    can_read = policies.can_read_posts(viewer, circle, membership)
    posts = []
    if can_read:
        qs = selectors.circle_posts(viewer, circle, membership)
        before = request.GET.get("before", "")
        if before.isdigit():
            qs = qs.filter(pk__lt=int(before))
        posts = list(qs[: FEED_SIZE + 1])
    more = len(posts) > FEED_SIZE
    posts = posts[:FEED_SIZE]
    now = timezone.now()
    return {
        "circle": circle,
        "membership": membership,
        "can_read": can_read,
        "can_post": policies.can_post(viewer, membership),
        "can_join": policies.can_join(viewer, membership),
        "can_leave": policies.can_leave(viewer, membership),
        "can_moderate": policies.can_moderate(viewer, membership),
        "can_see_members": policies.can_see_members(viewer, membership),
        "newcomer": policies.is_newcomer(membership, now=now),
        "newcomer_days": policies.newcomer_period().days,
        "posts": posts,
        "older": posts[-1].pk if more and posts else None,
        "form": form or forms.CirclePostForm(),
        "reason_form": forms.ReasonForm(),
        "nav": "circles",
    }


def detail(request, slug: str):
    circle = _circle(slug)
    membership = selectors.membership_of(request.user, circle)
    return TemplateResponse(request, "circles/detail.html", _detail_context(request, circle, membership))


@login_required
@require_POST
def join(request, slug: str):
    circle = _circle(slug)
    try:
        membership = services.circle_join(request.user, circle)
    except ServiceError as exc:
        return _problem(request, exc)
    if membership.state == MembershipState.REQUESTED:
        messages.success(request, _("Your request is sent. The circle's moderators will answer it."))
    else:
        messages.success(request, _("Welcome to the circle."))
    return redirect("circles:detail", circle.slug)


@login_required
@require_POST
def leave(request, slug: str):
    circle = _circle(slug)
    try:
        services.circle_leave(request.user, circle)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("You have left the circle. Take care."))
    return redirect("circles:detail", circle.slug)


@login_required
@require_POST
def post_create(request, slug: str):
    circle = _circle(slug)
    form = forms.CirclePostForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            services.circle_post_create(
                request.user, circle, text=form.cleaned_data["text"], parent_id=form.cleaned_data["parent"]
            )
        except ServiceError as exc:
            if exc.status in (403, 404, 429):
                return _problem(request, exc)
            form.add_error("text" if exc.field in (None, "text") else None, exc.message)
            status = exc.status
        else:
            messages.success(request, _("Your message is in the circle."))
            return redirect("circles:detail", circle.slug)
    membership = selectors.membership_of(request.user, circle)
    context = _detail_context(request, circle, membership, form=form)
    return TemplateResponse(request, "circles/detail.html", context, status=status)


@login_required
@require_POST
def post_remove(request, slug: str, post_id: int):
    circle = _circle(slug)
    membership = selectors.membership_of(request.user, circle)
    form = forms.ReasonForm(request.POST)
    try:
        post = selectors.circle_post_get(request.user, circle, membership, post_id)
        if not form.is_valid():
            raise ServiceError(_("Say why, briefly."), field="reason")
        services.circle_post_remove(request.user, post, reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("The message is removed. Its author sees why."))
    return redirect("circles:detail", circle.slug)


@login_required
def members(request, slug: str):
    circle = _circle(slug)
    membership = selectors.membership_of(request.user, circle)
    try:
        people = list(selectors.circle_members(request.user, circle, membership))
    except ServiceError as exc:
        return _problem(request, exc)
    context = {"circle": circle, "members": people, "nav": "circles"}
    return TemplateResponse(request, "circles/members.html", context)


# --- moderation ---------------------------------------------------------------------------------------


def _moderator_or_problem(request, circle):
    membership = selectors.membership_of(request.user, circle)
    if not policies.can_moderate(request.user, membership):
        return None, problem_response(request, _("Only the moderators of this circle can do this."), 403)
    return membership, None


@login_required
def moderation(request, slug: str):
    circle = _circle(slug)
    membership, problem = _moderator_or_problem(request, circle)
    if problem:
        return problem
    context = {
        "circle": circle,
        "requests": list(selectors.circle_requests(circle)),
        "bans": list(selectors.circle_bans(circle)),
        "members": list(selectors.circle_members(request.user, circle, membership)),
        "ban_form": forms.BanForm(),
        "moderator_form": forms.ModeratorForm(),
        "nav": "circles",
    }
    return TemplateResponse(request, "circles/moderation.html", context)


@login_required
def edit(request, slug: str):
    circle = _circle(slug)
    _membership, problem = _moderator_or_problem(request, circle)
    if problem:
        return problem
    initial = {
        "name": circle.name,
        "description": circle.description,
        "rules": circle.rules,
        "join_policy": circle.join_policy,
        "posts_visibility": circle.posts_visibility,
    }
    form = forms.CircleEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.circle_edit(request.user, circle, **form.cleaned_data)
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                messages.success(request, _("The circle is updated."))
                return redirect("circles:detail", circle.slug)
        else:
            status = 422
    return TemplateResponse(request, "circles/edit.html", {"circle": circle, "form": form}, status=status)


@login_required
@require_POST
def request_decide(request, slug: str, account_id: int, decision: str):
    circle = _circle(slug)
    if decision not in ("accept", "decline"):
        raise Http404(_("There is no such request."))
    try:
        services.circle_request_decide(request.user, circle, account_id, accept=decision == "accept")
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("Done. Thank you for looking after the circle."))
    return redirect("circles:moderation", circle.slug)


@login_required
@require_POST
def ban(request, slug: str):
    circle = _circle(slug)
    _membership, problem = _moderator_or_problem(request, circle)
    if problem:
        return problem
    form = forms.BanForm(request.POST)
    target = _account(request.POST.get("username", ""))
    try:
        if not form.is_valid():
            raise ServiceError(_("Give a username and say why."), field="reason")
        if target is None:
            raise ServiceError(_("There is no member with this name."), field="username", code="unknown_account")
        services.circle_ban(request.user, circle, target, reason=form.cleaned_data["reason"])
    except ServiceError as exc:
        return problem_response(request, exc.message, exc.status)
    messages.success(request, _("%(name)s can no longer take part in this circle.") % {"name": target.name})
    return redirect("circles:moderation", circle.slug)


@login_required
@require_POST
def unban(request, slug: str, account_id: int):
    circle = _circle(slug)
    try:
        services.circle_unban(request.user, circle, account_id)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("The ban is lifted."))
    return redirect("circles:moderation", circle.slug)


@login_required
@require_POST
def moderator_add(request, slug: str):
    circle = _circle(slug)
    _membership, problem = _moderator_or_problem(request, circle)
    if problem:
        return problem
    target = _account(request.POST.get("username", ""))
    try:
        if target is None:
            raise ServiceError(_("There is no member with this name."), field="username", code="unknown_account")
        services.circle_moderator_add(request.user, circle, target.pk)
    except ServiceError as exc:
        return problem_response(request, exc.message, exc.status)
    messages.success(request, _("%(name)s is now a moderator of this circle.") % {"name": target.name})
    return redirect("circles:moderation", circle.slug)

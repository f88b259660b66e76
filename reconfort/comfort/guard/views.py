"""Pages of the kind-reply guard: the held-replies folder and who may reply to a post. Thin over the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response, redirect_back
from reconfort.posts.selectors import post_get_visible

from . import policies, selectors, services
from .forms import ReplyPolicyForm
from .models import Audience
from .screening import CATEGORIES

REASONS = {
    "not_followed": _("from someone you do not follow"),
    "hostility": _("may be hostile"),
    "mockery": _("may be mocking"),
    "slur": _("contains a slur"),
    "spam": _("looks like spam"),
    "proselytising": _("pushes a religion"),
}
assert set(REASONS) >= set(CATEGORIES) - {"kindness"}


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


@login_required
def held_list(request):
    held = list(selectors.held_for(request.user)[:100])
    for item in held:
        item.reason_labels = [REASONS[r] for r in item.reasons if r in REASONS]
    return TemplateResponse(request, "comfort_guard/held.html", {"held": held, "nav": "held"})


def _decide(request, held_id, service, done_message):
    try:
        held = selectors.held_get_for_decision(request.user, held_id)
        service(request.user, held)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, done_message)
    return redirect_back(request, reverse("guard:held"))


@login_required
@require_POST
def held_approve(request, held_id: int):
    return _decide(request, held_id, services.held_reply_approve, _("The reply is now shown."))


@login_required
@require_POST
def held_remove(request, held_id: int):
    return _decide(request, held_id, services.held_reply_remove, _("The reply will not be shown."))


@login_required
@require_http_methods(["GET", "POST"])
def reply_policy(request, post_id: int):
    try:
        post = post_get_visible(request.user, post_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc
    if not policies.can_edit_reply_policy(request.user, post):
        raise Http404(_("Only the author of a support request or a memorial post chooses who may reply."))
    form = ReplyPolicyForm(request.POST or None, initial={"audience": selectors.audience_for(post)})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.reply_policy_set(request.user, post, form.cleaned_data["audience"])
            except ServiceError as exc:
                return _problem(request, exc)
            messages.success(request, _("Your choice is saved."))
            return redirect("posts:detail", post.author.username, post.pk)
        status = 422
    context = {"post": post, "form": form, "default": Audience(selectors.default_audience(post.kind)).label}
    return TemplateResponse(request, "comfort_guard/reply_policy.html", context, status=status)

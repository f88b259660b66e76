"""Getting back into an account: password reset by e-mail (Django's views, rate-limited per address and per
e-mail), and the confirmation of the e-mail address given at sign-up."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from reconfort.core import ratelimit
from reconfort.core.errors import RateLimited, ServiceError
from reconfort.core.htmx import redirect_back

from . import email_confirmation


class ResetRequestForm(auth_forms.PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        # In the language of the member the link is for, not of whoever asked.
        with translation.override(context["user"].language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


def _count_reset_request(request, email: str) -> None:
    """Counted per address and per e-mail, so neither one machine nor many can flood someone's inbox."""
    ratelimit.hit_address("password_reset", request.META.get("REMOTE_ADDR"))
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    ratelimit.hit("password_reset", f"e{digest}", ratelimit.limit_for("password_reset"))


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("security:password_reset_sent")
    extra_context = {"nav": "login"}

    def form_valid(self, form):
        try:
            _count_reset_request(self.request, form.cleaned_data["email"])
        except RateLimited as exc:
            form.add_error(None, exc.message)
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(exc.retry_after)
            return response
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"
    extra_context = {"nav": "login"}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("security:password_reset_done")
    extra_context = {"nav": "login"}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class PasswordResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_done.html"
    extra_context = {"nav": "login"}


# --- E-mail confirmation --------------------------------------------------------------------------


def send_confirmation(request, user, *, count: bool = False) -> None:
    """Called by the sign-up view once the account exists, and by the banner's "send again"."""
    email_confirmation.confirmation_send(user, base_url=request.build_absolute_uri("/"), count=count)


@require_GET
def email_confirm(request, token: str):
    try:
        email_confirmation.email_confirm(token)
    except ServiceError as exc:
        return TemplateResponse(request, "accounts/email_confirmed.html", {"problem": exc.message}, status=400)
    return TemplateResponse(request, "accounts/email_confirmed.html", {})


@login_required
@require_POST
def email_confirmation_resend(request):
    try:
        send_confirmation(request, request.user, count=True)
    except RateLimited as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("We sent you a new link. It may take a few minutes to arrive."))
    return redirect_back(request, "/")

"""Pages to turn on two-factor authentication, enter a code, and renew or turn off the recovery codes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from reconfort.core.errors import ServiceError
from reconfort.core.htmx import safe_next

from . import two_factor


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)


def _refused(form, exc: ServiceError) -> int:
    form.add_error("token" if exc.field == "token" else None, exc.message)
    return 422


@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    form, status = CodeForm(request.POST or None), 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                device, codes = two_factor.totp_confirm(request.user, form.cleaned_data["token"])
            except ServiceError as exc:
                status = _refused(form, exc)
            else:
                otp_login(request, device)
                return TemplateResponse(
                    request,
                    "accounts/two_factor_codes.html",
                    {"codes": codes, "next": safe_next(request, "/accounts/two-factor/")},
                )
    device = two_factor.totp_begin(request.user)
    context = {
        "form": form,
        "qr": two_factor.totp_qr_data_uri(device),
        "secret": device.bin_key.hex(),
        "enabled": two_factor.has_two_factor(request.user),
        "next": request.GET.get("next", ""),
    }
    return TemplateResponse(request, "accounts/two_factor_setup.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    if not two_factor.has_two_factor(request.user):
        return redirect(safe_next(request, "/"))
    form, status = CodeForm(request.POST or None), 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                device = two_factor.verify(request.user, form.cleaned_data["token"])
            except ServiceError as exc:
                status = _refused(form, exc)
            else:
                otp_login(request, device)
                return redirect(safe_next(request, "/"))
    return TemplateResponse(request, "accounts/two_factor_verify.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET"])
def overview(request):
    return TemplateResponse(
        request,
        "accounts/two_factor.html",
        {
            "enabled": two_factor.has_two_factor(request.user),
            "required": two_factor.staff_must_use_two_factor(request.user),
            "form": PasswordConfirmForm(),
        },
    )


@login_required
@require_POST
def renew_codes(request):
    if not two_factor.has_two_factor(request.user):
        return redirect("two_factor:overview")
    codes = two_factor.recovery_codes_renew(request.user)
    return TemplateResponse(
        request, "accounts/two_factor_codes.html", {"codes": codes, "next": "/accounts/two-factor/"}
    )


@login_required
@require_POST
def disable(request):
    form = PasswordConfirmForm(request.POST)
    if form.is_valid():
        try:
            two_factor.two_factor_disable(request.user, password=form.cleaned_data["password"])
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("two_factor:overview")
    return TemplateResponse(
        request,
        "accounts/two_factor.html",
        {
            "enabled": True,
            "required": two_factor.staff_must_use_two_factor(request.user),
            "form": form,
        },
        status=422,
    )

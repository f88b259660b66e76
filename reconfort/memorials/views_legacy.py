"""Digital legacy in settings: what should happen to my account at my death, whom I trust with it, and the
requests a legacy contact or a family member makes after a death (reviewed by a moderator)."""

from __future__ import annotations

import tempfile

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from reconfort.accounts.selectors import account_get_by_username
from reconfort.core.errors import NotFound, ServiceError

from . import selectors
from .models import AccountWishes, MemorialisationRequest
from .services import accounts as legacy
from .services import legacy_care as care


class WishesForm(forms.Form):
    on_death = forms.ChoiceField(
        label=_("At my death"), choices=AccountWishes.OnDeath.choices, widget=forms.RadioSelect
    )
    legacy_contact = forms.CharField(
        label=_("My legacy contact (a member's username)"),
        max_length=30,
        required=False,
        help_text=_(
            "They will be asked to accept. They can then ask for your account to be kept as a memorial, "
            "but never read your direct messages or change your posts."
        ),
    )


class RequestForm(forms.Form):
    relation = forms.ChoiceField(
        label=_("I am"), choices=MemorialisationRequest.Relation.choices, widget=forms.RadioSelect
    )
    proof = forms.CharField(
        label=_("What a moderator can check"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a family member: a link to a death notice, or how a moderator can confirm it."),
    )


def _refuse(form, exc: ServiceError) -> int:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return exc.status


@login_required
@require_http_methods(["GET", "POST"])
def legacy_settings(request):
    wishes = selectors.wishes_of(request.user)
    initial = {
        "on_death": wishes.on_death if wishes else AccountWishes.OnDeath.MEMORIALISE,
        "legacy_contact": wishes.legacy_contact.username if wishes and wishes.legacy_contact else "",
    }
    form, status = WishesForm(request.POST or None, initial=initial), 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            name = form.cleaned_data["legacy_contact"].strip()
            try:
                contact = account_get_by_username(name) if name else None
                legacy.wishes_set(request.user, on_death=form.cleaned_data["on_death"], legacy_contact=contact)
            except NotFound:
                form.add_error("legacy_contact", _("There is no member with this username."))
                status = 404
            except ServiceError as exc:
                status = _refuse(form, exc)
            else:
                messages.success(request, _("Your wishes are kept."))
                return redirect("memorials:legacy")
    trusted_by = list(selectors.legacy_of(request.user))
    context = {
        "form": form,
        "wishes": wishes,
        "trusted_by": trusted_by,
        "memorialised": selectors.memorialised_ids([item.account_id for item in trusted_by]),
        "nav": "settings",
    }
    return TemplateResponse(request, "memorials/legacy.html", context, status=status)


@login_required
@require_POST
def legacy_answer(request, username: str, answer: str):
    try:
        account = account_get_by_username(username)
        legacy.legacy_contact_answer(request.user, account, accept=answer == "accept")
    except NotFound:
        return redirect("memorials:legacy")
    if answer == "accept":
        messages.success(request, _("Thank you for accepting this trust."))
    return redirect("memorials:legacy")


@login_required
@require_http_methods(["GET", "POST"])
def memorialisation_request(request, username: str):
    try:
        account = account_get_by_username(username)
    except NotFound as exc:
        raise Http404 from exc
    form, status = RequestForm(request.POST or None), 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                legacy.memorialisation_request(
                    request.user, account, relation=form.cleaned_data["relation"], proof=form.cleaned_data["proof"]
                )
            except ServiceError as exc:
                status = _refuse(form, exc)
            else:
                messages.success(request, _("Your request is with the moderators. We are sorry for your loss."))
                return redirect("memorials:legacy")
    context = {"form": form, "account": account, "nav": "settings"}
    return TemplateResponse(request, "memorials/legacy_request.html", context, status=status)


# --- Caring for a memorialised account: the confirmed legacy contact's page -------------------------------


class CareForm(forms.Form):
    statement = forms.CharField(
        label=_("A few words shown on the profile"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    pinned_post = forms.ChoiceField(label=_("Pinned post"), required=False)

    def __init__(self, *args, posts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pinned_post"].choices = [("", "—")] + [(str(p.pk), p.text[:80] or p.title) for p in posts]


class AvatarForm(forms.Form):
    avatar = forms.ImageField(label=_("Profile picture"))


def _cared_account(request, username: str):
    """The memorialised account and its state, for its confirmed legacy contact only (404 / 403 otherwise)."""
    try:
        account = account_get_by_username(username)
        state = care.legacy_care_check(request.user, account)
    except NotFound as exc:
        raise Http404 from exc
    except ServiceError as exc:
        raise PermissionDenied(exc.message) from exc
    return account, state


@login_required
@require_http_methods(["GET", "POST"])
def legacy_care(request, username: str):
    account, state = _cared_account(request, username)
    posts = selectors.account_public_posts(account)[:50]
    initial = {"statement": state.statement, "pinned_post": str(state.pinned_post_id or "")}
    form, status = CareForm(request.POST or None, initial=initial, posts=posts), 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                legacy.account_memorial_update(
                    request.user,
                    account,
                    statement=form.cleaned_data["statement"],
                    pinned_post_id=form.cleaned_data["pinned_post"] or None,
                )
            except ServiceError as exc:
                status = _refuse(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("memorials:legacy_care", username=account.username)
    context = {"form": form, "avatar_form": AvatarForm(), "account": account, "state": state, "nav": "settings"}
    return TemplateResponse(request, "memorials/legacy_care.html", context, status=status)


@login_required
@require_POST
def legacy_care_avatar(request, username: str):
    account, state = _cared_account(request, username)
    form = AvatarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            care.account_memorial_set_avatar(request.user, account, form.cleaned_data["avatar"])
        except ServiceError as exc:
            form.add_error("avatar", exc.message)
        else:
            messages.success(request, _("The profile picture is changed."))
            return redirect("memorials:legacy_care", username=account.username)
    posts = selectors.account_public_posts(account)[:50]
    context = {
        "form": CareForm(initial={"statement": state.statement}, posts=posts),
        "avatar_form": form,
        "account": account,
        "state": state,
        "nav": "settings",
    }
    return TemplateResponse(request, "memorials/legacy_care.html", context, status=422)


@login_required
@require_http_methods(["GET"])
def legacy_care_archive(request, username: str):
    account, _state = _cared_account(request, username)
    archive = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # spills to disk for a long life
    care.legacy_archive_write(request.user, account, archive)
    archive.seek(0)
    return FileResponse(archive, as_attachment=True, filename=f"{account.username}-archive.zip")


@login_required
@require_POST
def legacy_care_delete(request, username: str):
    account, _state = _cared_account(request, username)
    try:
        care.account_deletion_request(request.user, account)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your request to delete the account is with the moderators."))
    return redirect("memorials:legacy_care", username=account.username)

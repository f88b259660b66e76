"""Memorial pages. Every action is a plain form POST that redirects back (works without JavaScript)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reconfort.accounts.selectors import account_get_by_username
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response, redirect_back

from . import policies, selectors, services
from .forms import (
    CauseForm,
    DirectoryForm,
    DisputeForm,
    GestureForm,
    LastWordsForm,
    MemorialForm,
    ModerateTributeForm,
    PhotoForm,
    StewardInviteForm,
    TributeForm,
    UsernameForm,
)
from .models import GESTURE_EMOJI, GestureKind, Memorial

DIRECTORY_PAGE = 20
TRIBUTES_PAGE = 30
MEMORIAL_FIELDS = list(MemorialForm.base_fields)


def _detail_url(memorial: Memorial) -> str:
    return reverse("memorials:detail", args=[memorial.key])


def _get(request, key: str):
    try:
        return selectors.memorial_get_visible(request.user, key)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def _form_error(form, exc: ServiceError) -> int:
    if exc.status == 404:
        raise Http404(exc.message)
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return exc.status


def _robots(response, memorial: Memorial):
    """Not indexed by search engines unless the stewards said so (a header: the base template is shared)."""
    if not memorial.indexable or memorial.visibility != Memorial.Visibility.PUBLIC:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- The Hereafter -------------------------------------------------------------------------------


def directory(request):
    form = DirectoryForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.memorial_list_directory(
        order=filters.get("order") or selectors.DirectoryOrder.RECENT,
        year=filters.get("year"),
        language=filters.get("language") or "",
        query=filters.get("q") or "",
    )
    page = Paginator(qs, DIRECTORY_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "years": selectors.directory_years(),
        "query": query.urlencode(),
        "nav": "hereafter",
    }
    return TemplateResponse(request, "memorials/directory.html", context)


@login_required
def mine(request):
    context = {
        "memorials": selectors.memorial_list_stewarded(request.user),
        "invitations": selectors.steward_invitations_for(request.user),
        "anniversaries_never": selectors.anniversaries_never(request.user),
        "nav": "hereafter",
    }
    return TemplateResponse(request, "memorials/mine.html", context)


@login_required
@require_POST
def anniversaries(request):
    """The per-person switch: never remind me of any anniversary (or remind me again)."""
    never = request.POST.get("never") == "1"
    services.anniversaries_opt_out(request.user, never=never)
    if never:
        messages.success(request, _("You will not be reminded of any anniversary."))
    else:
        messages.success(request, _("You will be gently reminded of anniversaries again."))
    return redirect("memorials:mine")


@login_required
def create(request):
    form = MemorialForm(request.POST or None, initial={"visibility": "public", "tribute_access": "members"})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            memorial = services.memorial_create(request.user, **form.cleaned_data)
        except ServiceError as exc:
            status = _form_error(form, exc)
        else:
            messages.success(
                request, _("The memorial is saved as a draft. Only its stewards see it until you publish it.")
            )
            return redirect(_detail_url(memorial))
    elif request.method == "POST":
        status = 422
    return TemplateResponse(request, "memorials/form.html", {"form": form, "memorial": None}, status=status)


# --- One memorial --------------------------------------------------------------------------------


def detail(request, key: str):
    memorial, access = _get(request, key)
    tributes = Paginator(selectors.tributes_visible(request.user, memorial, access), TRIBUTES_PAGE).get_page(
        request.GET.get("page")
    )
    given = set()
    if request.user.is_authenticated:
        given = selectors.gestures_given_today(request.user, memorial, services.local_day(request.user))
    context = {
        "memorial": memorial,
        "access": access,
        "last_words": selectors.last_words_of(memorial),
        "cause": selectors.cause_of_death_for_display(memorial),
        "candles": selectors.candles_burning(memorial),
        "recent_gestures": selectors.gestures_recent(memorial),
        "gestures": [(k.value, k.label, GESTURE_EMOJI[k], k.value in given) for k in GestureKind],
        "tributes": tributes,
        "tribute_form": TributeForm() if policies.can_write_tribute(access, memorial) else None,
        "can_edit": policies.can_edit_memorial(access),
        "can_moderate": policies.can_moderate_tributes(access),
        "can_give": policies.can_give_gesture(access, memorial),
        "can_follow": policies.can_follow_memorial(access, memorial),
        "reminders_off": access.follows
        and memorial.anniversaries_enabled
        and selectors.memorial_reminders_off(request.user, memorial),
        "can_share": policies.can_share_last_words(access, memorial),
        "can_dispute": policies.can_dispute_memorial(access, memorial),
        "has_archive": selectors.imported_posts_shown(memorial).exists(),
        "nav": "hereafter",
    }
    return _robots(TemplateResponse(request, "memorials/detail.html", context), memorial)


@login_required
def edit(request, key: str):
    memorial, access = _get(request, key)
    if not policies.can_edit_memorial(access):
        return problem_response(request, _("Only the owner and editors of this memorial can do this."), 403)
    initial = {name: getattr(memorial, name) for name in MEMORIAL_FIELDS}
    initial["languages"] = ", ".join(memorial.languages)
    form = MemorialForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.memorial_update(request.user, memorial, **form.cleaned_data)
        except ServiceError as exc:
            status = _form_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(_detail_url(memorial))
    elif request.method == "POST":
        status = 422
    words = selectors.last_words_of(memorial)
    words_initial = {}
    if words:
        words_initial = {f: getattr(words, f) for f in ("text", "posted_at", "where", "original_url", "consent")}
        words_initial["content_warning"] = words.content_warning
    cause = getattr(memorial, "cause", None)  # RelatedObjectDoesNotExist is an AttributeError
    context = {
        "form": form,
        "memorial": memorial,
        "photo_form": PhotoForm(),
        "words_form": LastWordsForm(initial=words_initial),
        "cause_form": CauseForm(
            initial={"text": cause.text, "is_suicide": cause.is_suicide, "shown": cause.shown} if cause else {}
        ),
        "states": [s for s in Memorial.State if s in Memorial.TRANSITIONS[memorial.state]],
    }
    return TemplateResponse(request, "memorials/form.html", context, status=status)


def _post_action(request, key: str, action, *, success=None):
    """Run one service call for a POSTed form and come back to the memorial (or show why not)."""
    memorial, _access = _get(request, key)
    try:
        result = action(memorial)
    except ServiceError as exc:
        return _problem(request, exc)
    if success:
        messages.success(request, success)
    return result or redirect_back(request, _detail_url(memorial))


def _bad_form(request, form):
    errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
    return problem_response(request, errors or _("Please check the form."), 422)


@login_required
@require_POST
def photo(request, key: str):
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        return _bad_form(request, form)
    upload = None if form.cleaned_data["remove"] else form.cleaned_data["photo"]
    if upload is None and not form.cleaned_data["remove"]:
        return problem_response(request, _("Choose a photo."), 422)
    return _post_action(request, key, lambda m: services.memorial_set_photo(request.user, m, upload) and None)


@login_required
@require_POST
def state(request, key: str):
    return _post_action(
        request, key, lambda m: services.memorial_set_state(request.user, m, request.POST.get("state", "")) and None
    )


@login_required
@require_POST
def last_words(request, key: str):
    form = LastWordsForm(request.POST)
    if not form.is_valid():
        return _bad_form(request, form)
    data = form.cleaned_data
    if request.POST.get("clear"):
        return _post_action(request, key, lambda m: services.last_words_clear(request.user, m))
    return _post_action(
        request, key, lambda m: services.last_words_set(request.user, m, **data) and None, success=_("Saved.")
    )


@login_required
@require_POST
def cause(request, key: str):
    form = CauseForm(request.POST)
    if not form.is_valid():
        return _bad_form(request, form)
    return _post_action(
        request,
        key,
        lambda m: services.cause_of_death_set(request.user, m, **form.cleaned_data) and None,
        success=_("Saved."),
    )


@login_required
@require_POST
def tribute(request, key: str):
    form = TributeForm(request.POST, request.FILES)
    if not form.is_valid():
        return _bad_form(request, form)

    def write(memorial):
        written = services.tribute_create(request.user, memorial, **form.cleaned_data)
        if written.state == "pending":
            messages.success(request, _("Thank you. Your words will appear once the family has read them."))

    return _post_action(request, key, write)


@login_required
@require_POST
def tribute_moderate(request, key: str, tribute_id: int):
    form = ModerateTributeForm(request.POST)
    if not form.is_valid():
        return _bad_form(request, form)

    def moderate(memorial):
        item = selectors.tribute_get(memorial, tribute_id)
        services.tribute_moderate(request.user, item, **form.cleaned_data)

    return _post_action(request, key, moderate)


@login_required
@require_POST
def tribute_delete(request, key: str, tribute_id: int):
    return _post_action(
        request, key, lambda m: services.tribute_delete(request.user, selectors.tribute_get(m, tribute_id))
    )


@login_required
@require_POST
def gesture(request, key: str, kind: str):
    form = GestureForm(request.POST)
    if not form.is_valid():
        return _bad_form(request, form)
    return _post_action(
        request, key, lambda m: services.gesture_give(request.user, m, kind, **form.cleaned_data) and None
    )


@login_required
@require_POST
def follow(request, key: str):
    if request.POST.get("unfollow"):
        return _post_action(request, key, lambda m: services.memorial_unfollow(request.user, m))
    if "remind" in request.POST:
        remind = request.POST.get("remind") == "1"
        return _post_action(
            request, key, lambda m: services.memorial_reminders(request.user, m, remind=remind) and None
        )
    return _post_action(request, key, lambda m: services.memorial_follow(request.user, m) and None)


@login_required
@require_POST
def share(request, key: str):
    def do_share(memorial):
        post = services.last_words_share(request.user, memorial)
        return redirect(reverse("posts:detail", args=[request.user.username, post.pk]))

    return _post_action(request, key, do_share)


@login_required
def dispute(request, key: str):
    memorial, access = _get(request, key)
    form = DisputeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.memorial_dispute(request.user, memorial, reason=form.cleaned_data["reason"])
        except ServiceError as exc:
            status = _form_error(form, exc)
        else:
            messages.success(request, _("Thank you. The memorial is hidden while a moderator looks into it."))
            return redirect("memorials:directory")
    elif request.method == "POST":
        status = 422
    return TemplateResponse(request, "memorials/dispute.html", {"form": form, "memorial": memorial}, status=status)


# --- Stewards ------------------------------------------------------------------------------------


@login_required
def stewards(request, key: str):
    memorial, access = _get(request, key)
    if not access.steward:
        return problem_response(request, _("Only the stewards of this memorial can see this."), 403)
    context = {
        "memorial": memorial,
        "access": access,
        "stewards": selectors.stewards_list(memorial),
        "guests": selectors.guests_list(memorial),
        "pending": selectors.tributes_pending(memorial) if policies.can_moderate_tributes(access) else [],
        "log": selectors.steward_log(memorial)[:100],
        "invite_form": StewardInviteForm(),
        "guest_form": UsernameForm(auto_id="guest_%s"),
        "is_owner": policies.can_manage_stewards(access),
        "can_edit": policies.can_edit_memorial(access),
    }
    return TemplateResponse(request, "memorials/stewards.html", context)


def _member(request, field="username"):
    try:
        return account_get_by_username(request.POST.get(field, ""))
    except ServiceError as exc:
        raise ServiceError(exc.message, status=422, field=field) from exc


@login_required
@require_POST
def steward_action(request, key: str, action: str):
    user = request.user

    def run(memorial):
        if action == "invite":
            services.steward_invite(user, memorial, _member(request), request.POST.get("role", ""))
        elif action == "leave":
            services.steward_remove(user, memorial, user)
            return redirect("memorials:mine")
        elif action == "remove":
            services.steward_remove(user, memorial, _member(request))
        elif action == "role":
            services.steward_change_role(user, memorial, _member(request), request.POST.get("role", ""))
        elif action == "transfer":
            services.memorial_transfer(user, memorial, _member(request))
        elif action == "guest":
            services.guest_invite(user, memorial, _member(request))
        elif action == "unguest":
            services.guest_remove(user, memorial, _member(request))
        else:
            raise Http404()
        return redirect(reverse("memorials:stewards", args=[memorial.key]))

    if action == "accept":
        # An invited steward cannot see a draft yet: accept without the visibility check.
        try:
            memorial = selectors.memorial_get(key)
            services.steward_accept(user, memorial)
        except ServiceError as exc:
            return _problem(request, exc)
        return redirect(_detail_url(memorial))
    return _post_action(request, key, run)

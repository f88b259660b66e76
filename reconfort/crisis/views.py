"""Crisis pages: the directory, one crisis with what it gathers and the check-ins, a member's private crisis
settings, and the moderators' tools (behind the staff second factor). Views parse input, call a service or a
selector, and render."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reconfort.accounts import selectors as account_selectors
from reconfort.appeals.models import Appeal
from reconfort.core.errors import NotFound, ServiceError
from reconfort.core.htmx import problem_response, redirect_back
from reconfort.hashtags.selectors import tag_get
from reconfort.memorials.models import Memorial
from reconfort.posts.models import Post
from reconfort.posts.views import posts_context

from . import policies, selectors, services
from .forms import (
    CheckInForm,
    CrisisForm,
    HomeAreaForm,
    LinkAppealForm,
    LinkMemorialForm,
    LocationForm,
    NoticeForm,
    StateForm,
    TrustedForm,
)
from .models import State

DEFAULT_RADIUS_KM = 50


def staff_only(view):
    """Moderators only; those who must use a second factor and have none yet are sent to set it up (the
    middleware already asks for the code of those who have one)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not policies.can_moderate_crisis(request.user):
            raise PermissionDenied
        if not policies.staff_ready(request.user):
            return redirect("/accounts/two-factor/setup/?" + urlencode({"next": request.get_full_path()}))
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def _crisis(request, slug):
    try:
        return selectors.crisis_get_visible(request.user, slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _back(crisis) -> str:
    return reverse("crisis:detail", args=[crisis.slug])


def _refused(request, exc: ServiceError):
    return problem_response(request, exc.message, exc.status)


# --- reading ------------------------------------------------------------------------------------------


@require_GET
def directory(request):
    current, past = selectors.crisis_list_directory()
    return TemplateResponse(request, "crisis/directory.html", {"current": current, "past": past, "nav": "crises"})


@require_GET
def detail(request, slug: str):
    crisis = _crisis(request, slug)
    page = selectors.crisis_page(request.user, crisis)
    moderator = policies.can_moderate_crisis(request.user)
    context = {"page": page, "crisis": crisis, "moderator": moderator, "nav": "crises"}
    context.update(posts_context(request.user, page.posts + page.memorial_posts))
    context["posts"], context["memorial_posts"] = page.posts, page.memorial_posts
    if request.user.is_authenticated and crisis.is_active:
        context["checkin_form"] = CheckInForm(initial={"status": getattr(page.own_checkin, "status", None)})
        context["location_form"] = LocationForm(prefix="where")
        context["my_appeals"] = Appeal.objects.filter(owner=request.user).listed().order_by("-id")[:20]
    if moderator:
        context.update(
            notice_form=NoticeForm(),
            memorial_form=LinkMemorialForm(),
            appeal_form=LinkAppealForm(),
            next_states=[(s, State(s).label) for s in services.next_states(crisis.state)],
            hidden_posts=selectors.hidden_posts(crisis),
        )
    return TemplateResponse(request, "crisis/detail.html", context)


# --- check-ins ------------------------------------------------------------------------------------------


@login_required
@require_POST
def check_in(request, slug: str):
    crisis = _crisis(request, slug)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return problem_response(request, _("Choose: safe, need help, or not there."), 422)
    target = None
    if form.cleaned_data["account"]:
        try:
            target = account_selectors.account_get_by_username(form.cleaned_data["account"])
        except NotFound as exc:
            return _refused(request, exc)
    try:
        services.checkin_set(request.user, crisis, form.cleaned_data["status"], account=target)
    except ServiceError as exc:
        return _refused(request, exc)
    if target is None:
        messages.success(request, _("Thank you. The people who follow you will know."))
    else:
        messages.success(
            request, _("Thank you. %(name)s and the people who follow them will know.") % {"name": target.name}
        )
    return redirect_back(request, _back(crisis))


@login_required
@require_POST
def check_in_remove(request, slug: str):
    crisis = _crisis(request, slug)
    services.checkin_remove(request.user, crisis)
    messages.success(request, _("Your check-in is removed."))
    return redirect_back(request, _back(crisis))


@login_required
@require_POST
def location(request, slug: str):
    crisis = _crisis(request, slug)
    form = LocationForm(request.POST, prefix="where")
    if not form.is_valid():
        return problem_response(request, _("Say where: a town, or coordinates."), 422)
    try:
        services.location_share(request.user, crisis, **form.cleaned_data)
    except ServiceError as exc:
        return _refused(request, exc)
    messages.success(request, _("Thank you. Only this crisis uses this place, and it is deleted when it ends."))
    return redirect_back(request, _back(crisis))


@login_required
@require_POST
def location_forget(request, slug: str):
    crisis = _crisis(request, slug)
    services.location_forget(request.user, crisis)
    return redirect_back(request, _back(crisis))


@login_required
@require_POST
def ask(request, slug: str, username: str):
    crisis = _crisis(request, slug)
    try:
        target = account_selectors.account_get_by_username(username)
        services.safety_ask(request.user, crisis, target)
    except ServiceError as exc:
        return _refused(request, exc)
    messages.success(request, _("%(name)s is asked, privately, if they are safe.") % {"name": target.name})
    return redirect_back(request, _back(crisis))


# --- a member's private settings ---------------------------------------------------------------------------


def _settings_page(request, *, home_form=None, trusted_form=None, status=200):
    current = selectors.safety_settings(request.user)
    initial = {"place": current.home_place_name} if current and current.home_place_name else {}
    context = {
        "home": current,
        "home_form": home_form or HomeAreaForm(initial=initial),
        "trusted_form": trusted_form or TrustedForm(),
        "trusted": selectors.trusted_by_me(request.user),
        "nav": "settings",
    }
    return TemplateResponse(request, "crisis/settings.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def safety_settings(request):
    if request.method == "GET":
        return _settings_page(request)
    form = HomeAreaForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, home_form=form, status=422)
    try:
        services.home_area_set(request.user, **form.cleaned_data)
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _settings_page(request, home_form=form, status=exc.status)
    messages.success(request, _("Your home area is saved. Only you can see it."))
    return redirect("crisis:settings")


@login_required
@require_POST
def trusted_add(request):
    form = TrustedForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, trusted_form=form, status=422)
    try:
        trusted = account_selectors.account_get_by_username(form.cleaned_data["username"])
        services.trusted_add(request.user, trusted)
    except ServiceError as exc:
        form.add_error("username", exc.message)
        return _settings_page(request, trusted_form=form, status=exc.status)
    messages.success(request, _("%(name)s may now mark you safe during a crisis.") % {"name": trusted.name})
    return redirect("crisis:settings")


@login_required
@require_POST
def trusted_remove(request, username: str):
    try:
        trusted = account_selectors.account_get_by_username(username)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    services.trusted_remove(request.user, trusted)
    return redirect("crisis:settings")


# --- appeals linked by their author (or a moderator) --------------------------------------------------------


def _appeal(pk) -> Appeal:
    appeal = Appeal.objects.filter(pk=pk).select_related("owner").first()
    if appeal is None:
        raise Http404(_("This appeal does not exist or is not visible to you."))
    return appeal


@login_required
@require_POST
def appeal_link(request, slug: str):
    crisis = _crisis(request, slug)
    form = LinkAppealForm(request.POST)
    if not form.is_valid():
        return problem_response(request, _("Choose an appeal."), 422)
    try:
        services.appeal_link(request.user, crisis, _appeal(form.cleaned_data["appeal"]))
    except ServiceError as exc:
        return _refused(request, exc)
    messages.success(request, _("The appeal is linked to this crisis."))
    return redirect_back(request, _back(crisis))


@login_required
@require_POST
def appeal_unlink(request, slug: str, appeal_id: int):
    crisis = _crisis(request, slug)
    try:
        services.appeal_unlink(request.user, crisis, _appeal(appeal_id))
    except ServiceError as exc:
        return _refused(request, exc)
    return redirect_back(request, _back(crisis))


# --- moderators -------------------------------------------------------------------------------------------


@staff_only
@require_GET
def manage(request):
    context = {"crises": selectors.crisis_list_all()[:200], "trending": selectors.trending_without_crisis()}
    return TemplateResponse(request, "crisis/manage.html", context)


def _form_page(request, form, crisis=None, status=200):
    return TemplateResponse(request, "crisis/form.html", {"form": form, "crisis": crisis}, status=status)


def _fields(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "started_at" or v}


@staff_only
@require_http_methods(["GET", "POST"])
def create(request):
    if request.method == "GET":
        # One click from a trending tag: /crises/new/?tag=Crue fills the name and the hashtag.
        initial = {"radius_km": DEFAULT_RADIUS_KM}
        tag = tag_get(request.GET.get("tag", "")) if request.GET.get("tag") else None
        if tag is not None:
            initial.update(name=f"#{tag.name}", tags=f"#{tag.name}")
        return _form_page(request, CrisisForm(initial=initial))
    form = CrisisForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, status=422)
    try:
        crisis = services.crisis_create(request.user, **_fields(form.cleaned_data))
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _form_page(request, form, status=exc.status)
    messages.success(request, _("The crisis page is open. Members in the area are invited to say how they are."))
    return redirect(_back(crisis))


@staff_only
@require_http_methods(["GET", "POST"])
def edit(request, slug: str):
    crisis = _crisis(request, slug)
    if request.method == "GET":
        initial = {
            "name": crisis.name,
            "description": crisis.description,
            "place": crisis.place_name,
            "radius_km": crisis.radius_km,
            "started_at": crisis.started_at,
            "tags": " ".join(f"#{t.name}" for t in crisis.tags.all()),
            "sources": "\n".join(s.url for s in crisis.sources.all()),
        }
        return _form_page(request, CrisisForm(initial=initial), crisis)
    form = CrisisForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, crisis, status=422)
    fields = _fields(form.cleaned_data)
    if not (fields.get("place") or fields.get("latitude") is not None):
        fields = {k: v for k, v in fields.items() if k not in ("place", "latitude", "longitude")}
    try:
        services.crisis_edit(request.user, crisis, **fields)
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _form_page(request, form, crisis, status=exc.status)
    messages.success(request, _("The crisis is updated."))
    return redirect(_back(crisis))


@staff_only
@require_POST
def state(request, slug: str):
    crisis = _crisis(request, slug)
    form = StateForm(request.POST)
    if not form.is_valid():
        return problem_response(request, _("Choose a state."), 422)
    try:
        services.crisis_transition(request.user, crisis, form.cleaned_data["state"])
    except ServiceError as exc:
        return _refused(request, exc)
    messages.success(request, _("The crisis is now: %(state)s.") % {"state": crisis.get_state_display()})
    return redirect(_back(crisis))


@staff_only
@require_POST
def notice_add(request, slug: str):
    crisis = _crisis(request, slug)
    form = NoticeForm(request.POST)
    if not form.is_valid():
        return problem_response(request, _("Write the information (2000 characters at most)."), 422)
    try:
        services.notice_add(request.user, crisis, **form.cleaned_data)
    except ServiceError as exc:
        return _refused(request, exc)
    messages.success(request, _("The information is pinned."))
    return redirect(_back(crisis))


@staff_only
@require_POST
def notice_remove(request, slug: str, notice_id: int):
    crisis = _crisis(request, slug)
    try:
        services.notice_remove(request.user, crisis, notice_id)
    except ServiceError as exc:
        return _refused(request, exc)
    return redirect(_back(crisis))


def _post(post_id) -> Post:
    post = Post.objects.filter(pk=post_id).first()
    if post is None:
        raise Http404(_("This post does not exist or is not visible to you."))
    return post


@staff_only
@require_POST
def post_hide(request, slug: str, post_id: int):
    crisis = _crisis(request, slug)
    services.post_hide(request.user, crisis, _post(post_id))
    messages.success(request, _("The post is no longer shown on this crisis page."))
    return redirect_back(request, _back(crisis))


@staff_only
@require_POST
def post_unhide(request, slug: str, post_id: int):
    crisis = _crisis(request, slug)
    services.post_unhide(request.user, crisis, _post(post_id))
    return redirect_back(request, _back(crisis))


@staff_only
@require_POST
def memorial_link(request, slug: str):
    crisis = _crisis(request, slug)
    form = LinkMemorialForm(request.POST)
    memorial = Memorial.objects.filter(key=form.data.get("memorial", "")).first() if form.is_valid() else None
    if memorial is None:
        return problem_response(request, _("This memorial does not exist or is not visible to you."), 404)
    services.memorial_link(request.user, crisis, memorial)
    messages.success(request, _("The memorial is linked to this crisis."))
    return redirect(_back(crisis))


@staff_only
@require_POST
def memorial_unlink(request, slug: str, key: str):
    crisis = _crisis(request, slug)
    memorial = Memorial.objects.filter(key=key).first()
    if memorial is None:
        raise Http404(_("This memorial does not exist or is not visible to you."))
    services.memorial_unlink(request.user, crisis, memorial)
    return redirect(_back(crisis))

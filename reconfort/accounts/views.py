"""Pages for joining and settings, and the follow / block / mute actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response, redirect_back, safe_next

from . import recovery_views, selectors, services
from .forms import LoginForm, PasswordForm, ProfileForm, SignupForm
from .services import RegistrationMode

# Each relationship action: the service to call, and what to tell the member afterwards.
RELATIONSHIP_ACTIONS = {
    "follow": (services.follow_create, None),
    "unfollow": (services.follow_remove, _("You no longer follow %(name)s.")),
    "block": (services.block_create, _("%(name)s is blocked. Neither of you will see the other's posts.")),
    "unblock": (services.block_remove, _("%(name)s is no longer blocked.")),
    "mute": (services.mute_create, _("%(name)s is muted. Their posts will not appear for you.")),
    "unmute": (services.mute_remove, _("%(name)s is no longer muted.")),
}


def _form_error(form, exc: ServiceError) -> int:
    """Show a refused action on the form, on the field it concerns; return the status to answer with."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return exc.status


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("web:home")
    mode = services.registration_mode()
    if mode == RegistrationMode.CLOSED:
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "accounts/signup_closed.html", {"nav": "signup"}, status=status)
    initial = {"language": request.LANGUAGE_CODE}
    form = SignupForm(request.POST or None, initial=initial, approval=mode == RegistrationMode.APPROVAL)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = services.account_register(
                    username=data["username"],
                    email=data["email"],
                    password=data["password"],
                    display_name=data["display_name"],
                    language=data["language"],
                    time_zone=data["time_zone"],
                    reason=data.get("reason", ""),
                    address=request.META.get("REMOTE_ADDR"),
                )
            except ServiceError as exc:
                status = _form_error(form, exc)
            else:
                recovery_views.send_confirmation(request, user)
                if not user.is_active:
                    return TemplateResponse(request, "accounts/pending.html", {"account": user})
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welcome. Take your time to look around."))
                return redirect("web:home")
    context = {"form": form, "approval": mode == RegistrationMode.APPROVAL, "nav": "signup"}
    return TemplateResponse(request, "accounts/signup.html", context, status=status)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    extra_context = {"nav": "login"}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


@login_required
@require_http_methods(["GET", "POST"])
def settings(request):
    user = request.user
    form = ProfileForm(request.POST or None, request.FILES or None, initial=ProfileForm.initial_for(user))
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.account_update_profile(
                user,
                display_name=data["display_name"],
                bio=data["bio"],
                avatar=data["avatar"] or None,
                language=data["language"],
                time_zone=data["time_zone"],
                locked=data["locked"],
                discoverable=data["discoverable"],
            )
        except ServiceError as exc:
            user.refresh_from_db()  # the service refused before saving; forget what it set in memory
            status = _form_error(form, exc)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:settings")
    return TemplateResponse(request, "accounts/settings.html", {"form": form, "nav": "settings"}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordForm(request.POST or None)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.account_change_password(
                request.user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password"],
            )
        except ServiceError as exc:
            status = _form_error(form, exc)
        else:
            update_session_auth_hash(request, request.user)  # stay logged in here, log out elsewhere
            messages.success(request, _("Your password is changed."))
            return redirect("accounts:settings")
    return TemplateResponse(request, "accounts/password.html", {"form": form, "nav": "settings"}, status=status)


def _account_or_404(username: str):
    try:
        return selectors.account_get_by_username(username)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _follow_message(follow) -> str:
    name = follow.target.name
    if follow.state == follow.State.PENDING:
        return _("Your request was sent to %(name)s.") % {"name": name}
    return _("You follow %(name)s now.") % {"name": name}


@login_required
@require_POST
def relationship_action(request, username: str, action: str):
    target = _account_or_404(username)
    service, message = RELATIONSHIP_ACTIONS[action]
    try:
        result = service(request.user, target)
    except ServiceError as exc:
        return problem_response(request, exc.message, exc.status)
    text = _follow_message(result) if action == "follow" else message % {"name": target.name}
    if request.htmx:
        target.refresh_from_db()
        context = {"account": target, "rel": selectors.relationship(request.user, target), "message": text}
        context["next_url"] = safe_next(request, reverse("web:profile", args=[target.username]))
        return TemplateResponse(request, "accounts/_relationship.html", context)
    messages.success(request, text)
    return redirect_back(request, reverse("web:profile", args=[target.username]))


@login_required
def follow_requests(request):
    people = selectors.follow_requests_list(request.user).order_by("-following_set__created_at")
    return TemplateResponse(request, "accounts/follow_requests.html", {"people": people[:200]})


@login_required
@require_POST
def follow_request_answer(request, username: str, answer: str):
    follower = _account_or_404(username)
    try:
        if answer == "accept":
            services.follow_request_accept(request.user, follower)
            messages.success(request, _("%(name)s follows you now.") % {"name": follower.name})
        else:
            services.follow_request_reject(request.user, follower)
            messages.success(request, _("The request from %(name)s was declined.") % {"name": follower.name})
    except ServiceError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        return problem_response(request, exc.message, exc.status)
    return redirect_back(request, reverse("accounts:follow_requests"))

"""Pages of the comfort queue: ask, become a comforter, the queue, a request, thanks, figures. Thin views."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from reconfort.accounts.two_factor import has_two_factor, staff_must_use_two_factor
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response
from reconfort.posts import services as post_services
from reconfort.posts.selectors import post_context

from . import callouts, forms, policies, selectors, services
from .models import Topic

# What helps and what to avoid: shown before opting in (and on the queue page, folded).
GUIDE_HELPS = [
    _("Listen first. Say back what you heard: « It sounds like the evenings are the hardest. »"),
    _("Acknowledge the pain without measuring it: « I am so sorry. That is a lot to carry. »"),
    _("Stay with their words and their pace. Short and warm is enough."),
    _("If they speak of ending their life, point gently to the helplines shown on the site, and tell a moderator."),
]
GUIDE_AVOID = [
    _("« Everything happens for a reason », « they are in a better place », « at least… »."),
    _("Advice nobody asked for, and comparing with your own story."),
    _("Religion or spirituality they did not bring up themselves."),
    _("Moving the conversation elsewhere (private messages, other apps, phone numbers). Let them choose."),
]


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def _request_or_404(viewer, request_id):
    try:
        return selectors.request_get_visible(viewer, request_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _detail_url(support_request) -> str:
    return reverse("comfort:detail", args=[support_request.pk])


def moderators_only(view):
    """Figures are for moderators, behind two-factor like the moderation pages."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not policies.can_see_stats(request.user):
            raise PermissionDenied
        if staff_must_use_two_factor(request.user) and not has_two_factor(request.user):
            return redirect("/accounts/two-factor/setup/?" + urlencode({"next": request.get_full_path()}))
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@login_required
def index(request):
    comforter = selectors.comforter_get(request.user)
    return TemplateResponse(
        request,
        "comfort/index.html",
        {
            "requests": selectors.my_requests(request.user),
            "comforter": comforter,
            "enough": selectors.enough_replies(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask(request):
    form = forms.AskForm(request.POST or None, initial={"language": request.user.language})
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            support_request = services.support_request_ask(
                request.user,
                text=data["text"],
                topic=data["topic"],
                language=data["language"],
                audience=data["audience"],
                anonymous=data["anonymous"],
            )
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = exc.status
        else:
            messages.success(request, _("Your request is in the comfort queue. Kind people will answer."))
            return redirect(_detail_url(support_request))
    elif request.method == "POST":
        status = 422
    return TemplateResponse(request, "comfort/ask.html", {"form": form}, status=status)


def _or(value, default):
    return default if value is None else value


@login_required
@require_http_methods(["GET", "POST"])
def comforter(request):
    current = selectors.comforter_get(request.user)
    initial = {"languages": [request.user.language]}
    if current is not None:
        initial = {
            "languages": current.languages,
            "topics": current.topics,
            "on_call": current.on_call,
            "call_from_hour": current.call_from_hour,
            "call_until_hour": current.call_until_hour,
        }
    form = forms.ComforterForm(
        request.POST or None, initial=initial, calls_per_day=settings.RECONFORT_COMFORT_CALLS_PER_DAY
    )
    status = 200
    if request.method == "POST" and request.POST.get("action") == "leave":
        try:
            services.comforter_save(request.user, languages=[], guide_read=False, active=False)
        except ServiceError as exc:
            return _problem(request, exc)
        messages.success(request, _("You are no longer in the comfort queue. Thank you for the comfort you gave."))
        return redirect("comfort:comforter")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # the call-out choice is saved with the rest, or nothing is
                services.comforter_save(
                    request.user, languages=data["languages"], topics=data["topics"], guide_read=data["guide_read"]
                )
                callouts.call_settings_save(
                    request.user,
                    on_call=data["on_call"],
                    from_hour=_or(data["call_from_hour"], current.call_from_hour if current else 9),
                    until_hour=_or(data["call_until_hour"], current.call_until_hour if current else 21),
                )
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = exc.status
        else:
            messages.success(request, _("Thank you. The comfort queue is open to you."))
            return redirect("comfort:queue")
    elif request.method == "POST":
        status = 422
    can_comfort = policies.can_comfort(
        request.user, now=timezone.now(), min_days=settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS
    )
    return TemplateResponse(
        request,
        "comfort/comforter.html",
        {
            "form": form,
            "current": current,
            "can_comfort": can_comfort,
            "min_days": settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS,
            "time_zone": request.user.time_zone,
            "helps": GUIDE_HELPS,
            "avoid": GUIDE_AVOID,
        },
        status=status,
    )


@login_required
def queue(request):
    current = selectors.active_comforter(request.user)
    items = selectors.queue_for(request.user, comforter=current) if current else []
    return TemplateResponse(
        request,
        "comfort/queue.html",
        {
            "comforter": current,
            "items": [(item, selectors.author_shown(request.user, item)) for item in items],
            "claim_minutes": settings.RECONFORT_COMFORT_CLAIM_MINUTES,
            "helps": GUIDE_HELPS,
            "avoid": GUIDE_AVOID,
        },
    )


@login_required
def detail(request, request_id):
    support_request = _request_or_404(request.user, request_id)
    viewer = request.user
    is_asker = policies.is_asker(viewer, support_request)
    shown = selectors.author_shown(viewer, support_request)
    replies = []
    for reply in post_context(viewer, support_request.post).descendants:
        if reply.author_id == support_request.asker_id:
            replies.append((reply, shown))
        else:
            replies.append((reply, None))
    repliers = selectors.repliers(support_request) if is_asker else []
    thanked = selectors.thanked_ids(support_request) if is_asker else set()
    to_thank = [u for u in repliers if u.pk not in thanked]
    comforter = selectors.active_comforter(viewer)
    return TemplateResponse(
        request,
        "comfort/detail.html",
        {
            "support_request": support_request,
            "shown": shown,
            "replies": replies,
            "is_asker": is_asker,
            "claim": selectors.open_claim(viewer, support_request),
            "can_claim": comforter is not None and not is_asker,
            "reply_form": forms.ReplyForm(),
            "thanks_form": forms.ThanksForm(repliers=to_thank, auto_id="thanks_%s") if to_thank else None,
            "enough": selectors.enough_replies(),
            "topic_label": Topic(support_request.topic).label,
        },
    )


@login_required
@require_POST
def claim(request, request_id):
    support_request = _request_or_404(request.user, request_id)
    try:
        services.claim_open(request.user, support_request)
    except ServiceError as exc:
        if exc.status == 409:
            messages.info(request, exc.message)
            return redirect("comfort:queue")
        return _problem(request, exc)
    return redirect(_detail_url(support_request))


@login_required
@require_POST
def release(request, request_id):
    support_request = _request_or_404(request.user, request_id)
    services.claim_release(request.user, support_request)
    messages.info(request, _("The request is back in the queue for someone else."))
    return redirect("comfort:queue")


@login_required
@require_POST
def reply(request, request_id):
    support_request = _request_or_404(request.user, request_id)
    form = forms.ReplyForm(request.POST)
    if not form.is_valid():
        return problem_response(request, _("Write a few words before sending."), 422)
    try:
        post_services.post_create(
            request.user,
            text=form.cleaned_data["text"],
            visibility=support_request.post.visibility,
            language=support_request.language,
            in_reply_to_id=support_request.post_id,
        )
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("Your reply is sent. Thank you for your kindness."))
    return redirect(_detail_url(support_request))


@login_required
@require_POST
def comforted(request, request_id):
    support_request = _request_or_404(request.user, request_id)
    try:
        services.support_request_mark_comforted(request.user, support_request)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("We are glad. Your request has left the comfort queue."))
    return redirect(_detail_url(support_request))


@login_required
@require_POST
def thanks(request, request_id):
    support_request = _request_or_404(request.user, request_id)
    try:
        services.thanks_send(
            request.user, support_request, request.POST.get("recipient"), text=request.POST.get("text", "")
        )
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("Your thanks are on their way. Only they will see them."))
    return redirect(_detail_url(support_request))


@login_required
def thanks_received(request):
    return TemplateResponse(
        request, "comfort/thanks.html", {"thanks": selectors.thanks_received(request.user, limit=100)}
    )


@moderators_only
def stats(request):
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    return TemplateResponse(request, "comfort/stats.html", {"rows": selectors.stats(days=days), "days": days})

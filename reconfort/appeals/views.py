"""Pages for appeals. Views parse input, call a service or selector, render; plain forms redirect back."""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from reconfort.accounts.selectors import is_blocked_either_way
from reconfort.core.errors import ServiceError
from reconfort.core.htmx import problem_response

from . import announce, forms, gazetteer, kinds, policies, selectors, services
from .models import AppealKind, HelpOffer, Sighting

KIND_INTRO = {
    AppealKind.BLOOD: _("Ask for blood donors after an accident, an illness or a disaster."),
    AppealKind.MISSING_PERSON: _("Search for a missing child or adult. A moderator checks it before it is public."),
    AppealKind.MISSING_PET: _("Find a lost dog, cat or other companion."),
    AppealKind.PRAYER: _("Ask for prayers and kind thoughts."),
    AppealKind.HELP: _("Ask for meals, transport, childcare or errands."),
}


def _appeal_or_404(viewer, appeal_id):
    try:
        return selectors.appeal_get_visible(viewer, appeal_id)
    except ServiceError as exc:
        raise Http404(exc.message) from exc


def _problem(request, exc: ServiceError):
    if exc.status == 404:
        raise Http404(exc.message)
    return problem_response(request, exc.message, exc.status)


def _form_error(form, exc: ServiceError, *, kind_form=None) -> int:
    if exc.status == 404:
        raise Http404(exc.message)
    field = exc.field or ""
    if field.startswith("details.") and kind_form is not None:
        name = field.removeprefix("details.")
        kind_form.add_error(name if name in kind_form.fields else None, exc.message)
    else:
        form.add_error(field if field in form.fields else None, exc.message)
    return exc.status


def _kind_data(kind_form, data) -> dict:
    """The per-kind fields as the service expects them (unprefixed), lists for multiple choices."""
    values = {}
    for name, field in kind_form.fields.items():
        key = kind_form.add_prefix(name)
        if getattr(field.widget, "allow_multiple_selected", False):
            values[name] = data.getlist(key)
        elif key in data:
            values[name] = data.get(key)
    return values


# --- lists ----------------------------------------------------------------------------------------


def near(request):
    form = forms.NearForm(request.GET or None)
    results, point, problem = None, None, None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            where = services.resolve_place(place=data["place"], latitude=data["latitude"], longitude=data["longitude"])
        except ServiceError as exc:
            where, problem = None, exc.message
        if where:
            point = where
            results = selectors.appeals_near(
                request.user,
                latitude=where[2],
                longitude=where[3],
                radius_km=data["radius_km"] or 25,
                kinds=[data["kind"]] if data["kind"] else None,
                statuses=[data["status"]] if data["status"] else None,
            )
    recent = None
    if results is None:
        recent = list(selectors.appeals_visible_to(request.user).filter(status="open").order_by("-id")[:20])
    context = {"form": form, "results": results, "recent": recent, "point": point, "problem": problem}
    return TemplateResponse(request, "appeals/near.html", {**context, "nav": "appeals"})


def places(request):
    """Town suggestions for the place fields (HTMX fills a <datalist>)."""
    found = gazetteer.search(request.GET.get("place", "") or request.GET.get("q", ""), limit=8)
    return TemplateResponse(request, "appeals/_place_options.html", {"places": found})


@login_required
def mine(request):
    appeals = selectors.appeals_of_owner(request.user, request.user)
    return TemplateResponse(request, "appeals/mine.html", {"appeals": appeals, "nav": "appeals"})


@login_required
def notices(request):
    items = list(selectors.notices_for(request.user)[:50])
    response = TemplateResponse(request, "appeals/notices.html", {"notices": items, "nav": "appeals"})
    services.notices_mark_read(request.user)
    return response


# --- create and edit ------------------------------------------------------------------------------


@login_required
def choose_kind(request):
    eligible = policies.can_create_appeal(request.user, now=timezone.now())
    choices = [(k, k.label, KIND_INTRO[k]) for k in AppealKind]
    return TemplateResponse(
        request, "appeals/choose_kind.html", {"choices": choices, "eligible": eligible, "nav": "appeals"}
    )


@login_required
def create(request, kind: str):
    if kind not in AppealKind.values:
        raise Http404(_("Unknown kind of appeal."))
    data = request.POST if request.method == "POST" else None
    form = forms.AppealForm(data, request.FILES or None, kind=kind)
    kind_form = kinds.form_for(kind, data, prefix="d")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            c = form.cleaned_data
            try:
                appeal = services.appeal_create(
                    request.user,
                    kind=kind,
                    title=c["title"],
                    description=c["description"],
                    details=_kind_data(kind_form, request.POST),
                    place=c["place"],
                    latitude=c["latitude"],
                    longitude=c["longitude"],
                    exact_location_public=c["exact_location_public"],
                    radius_km=c["radius_km"],
                    audience=c.get("audience") or "public",
                    photos=c.get("photos") or [],
                )
            except ServiceError as exc:
                status = _form_error(form, exc, kind_form=kind_form)
            else:
                if appeal.status == "pending_review":
                    messages.success(request, _("Thank you. A moderator will check your appeal before it is public."))
                else:
                    messages.success(request, _("Your appeal is published."))
                return redirect("appeals:detail", appeal.pk)
        else:
            kind_form.is_valid()  # show both forms' errors at once
            status = 422
    context = {"form": form, "kind_form": kind_form, "kind": AppealKind(kind), "nav": "appeals"}
    return TemplateResponse(request, "appeals/create.html", context, status=status)


@login_required
def edit(request, appeal_id: int):
    appeal = _appeal_or_404(request.user, appeal_id)
    if not policies.can_manage_appeal(request.user, appeal):
        raise Http404(_("This appeal does not exist or is not visible to you."))
    initial = {
        "title": appeal.title,
        "description": appeal.description,
        "exact_location_public": appeal.exact_location_public,
    }
    form = forms.EditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.appeal_edit(request.user, appeal, **form.cleaned_data)
            except ServiceError as exc:
                status = _form_error(form, exc)
            else:
                messages.success(request, _("Your appeal is updated."))
                return redirect("appeals:detail", appeal.pk)
        else:
            status = 422
    return TemplateResponse(request, "appeals/edit.html", {"appeal": appeal, "form": form}, status=status)


# --- the appeal page ------------------------------------------------------------------------------


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    return mark_safe(image.to_string(encoding="unicode"))  # generated by qrcode from our own URL: no user markup


def _last_seen(appeal):
    value = appeal.details.get("last_seen_at")
    return parse_datetime(value) if isinstance(value, str) else None


def _detail_context(request, appeal) -> dict:
    viewer = request.user
    blocked = viewer.is_authenticated and viewer.pk != appeal.owner_id and is_blocked_either_way(viewer, appeal.owner)
    private = policies.can_see_private(viewer, appeal)
    owner = policies.can_manage_appeal(viewer, appeal)
    return {
        "appeal": appeal,
        "photos": list(appeal.photos.all()),
        "last_seen": _last_seen(appeal),
        "updates": list(appeal.updates.all()),
        "is_owner": owner,
        "can_see_private": private,
        "sightings": list(selectors.sightings_for(viewer, appeal)) if private else [],
        "offers": list(selectors.offers_for(viewer, appeal)) if private else [],
        "own_offer": selectors.own_offer(viewer, appeal),
        "following": selectors.is_following(viewer, appeal),
        "can_follow": policies.can_follow_appeal(viewer, appeal, blocked_either_way=blocked),
        "can_sight": policies.can_report_sighting(viewer, appeal, blocked_either_way=blocked),
        "can_offer": policies.can_offer_help(viewer, appeal, blocked_either_way=blocked),
        "can_hide": policies.can_hide_appeal(viewer) and appeal.hidden_at is None,
        "exact": policies.can_see_exact_location(viewer, appeal),
        "noindex": policies.noindex(appeal),
        "absolute_url": announce.appeal_url(appeal),
        "resolve_form": forms.ResolveForm(kind=appeal.kind) if owner and not appeal.is_closed else None,
        "update_form": forms.UpdateForm() if owner else None,
        "withdraw_form": forms.WithdrawForm() if owner and not appeal.is_closed else None,
        "sighting_form": forms.SightingForm(auto_id="sighting_%s"),
        "offer_form": forms.OfferForm(kind=appeal.kind, auto_id="offer_%s"),
        "hide_form": forms.HideForm(auto_id="hide_%s"),
        "nav": "appeals",
    }


def detail(request, appeal_id: int):
    appeal = _appeal_or_404(request.user, appeal_id)
    return TemplateResponse(request, "appeals/detail.html", _detail_context(request, appeal))


def poster(request, appeal_id: int):
    """A printable A4 poster (print stylesheet) with the photo, the details, the place and a QR code."""
    appeal = _appeal_or_404(request.user, appeal_id)
    context = {
        "appeal": appeal,
        "photos": list(appeal.photos.all()[:1]),
        "last_seen": _last_seen(appeal),
        "qr": _qr_svg(announce.appeal_url(appeal)),
        "absolute_url": announce.appeal_url(appeal),
        "noindex": policies.noindex(appeal),
    }
    return TemplateResponse(request, "appeals/poster.html", context)


@login_required
def sightings(request, appeal_id: int):
    appeal = _appeal_or_404(request.user, appeal_id)
    try:
        items = list(selectors.sightings_for(request.user, appeal))
    except ServiceError as exc:
        return _problem(request, exc)
    return TemplateResponse(request, "appeals/sightings.html", {"appeal": appeal, "sightings": items})


# --- actions (POST, then back to the appeal) ------------------------------------------------------------


def _back(appeal):
    return redirect(reverse("appeals:detail", args=[appeal.pk]))


def _no_kwargs(appeal):
    return {}


def _post_action(request, appeal_id, form_class, action, success, *, form_kwargs=_no_kwargs):
    appeal = _appeal_or_404(request.user, appeal_id)
    form = form_class(request.POST, request.FILES or None, **form_kwargs(appeal)) if form_class else None
    if form is not None and not form.is_valid():
        context = _detail_context(request, appeal)
        return TemplateResponse(request, "appeals/detail.html", {**context, "failed_form": form}, status=422)
    try:
        action(appeal, form.cleaned_data if form is not None else {})
    except ServiceError as exc:
        return _problem(request, exc)
    if success:
        messages.success(request, success)
    return _back(appeal)


@login_required
@require_POST
def update_add(request, appeal_id: int):
    return _post_action(
        request,
        appeal_id,
        forms.UpdateForm,
        lambda a, c: services.appeal_update_add(request.user, a, text=c["text"]),
        _("Your news is posted."),
        form_kwargs=_no_kwargs,
    )


@login_required
@require_POST
def resolve(request, appeal_id: int):
    return _post_action(
        request,
        appeal_id,
        forms.ResolveForm,
        lambda a, c: services.appeal_resolve(request.user, a, resolution=c["resolution"], note=c["note"]),
        _("We are telling everyone who followed or shared your appeal."),
        form_kwargs=lambda a: {"kind": a.kind},
    )


@login_required
@require_POST
def withdraw(request, appeal_id: int):
    return _post_action(
        request,
        appeal_id,
        forms.WithdrawForm,
        lambda a, c: services.appeal_withdraw(request.user, a, note=c["note"]),
        _("Your appeal is withdrawn."),
        form_kwargs=_no_kwargs,
    )


@login_required
@require_POST
def reconfirm(request, appeal_id: int):
    return _post_action(
        request,
        appeal_id,
        None,
        lambda a, c: services.appeal_reconfirm(request.user, a),
        _("Thank you. Your appeal stays open."),
        form_kwargs=_no_kwargs,
    )


@login_required
@require_POST
def follow(request, appeal_id: int):
    def toggle(appeal, _c):
        if selectors.is_following(request.user, appeal):
            services.appeal_unfollow(request.user, appeal)
        else:
            services.appeal_follow(request.user, appeal)

    return _post_action(request, appeal_id, None, toggle, None, form_kwargs=_no_kwargs)


@login_required
@require_POST
def hide(request, appeal_id: int):
    return _post_action(
        request,
        appeal_id,
        forms.HideForm,
        lambda a, c: services.appeal_hide(request.user, a, reason=c["reason"]),
        _("The appeal is hidden."),
        form_kwargs=_no_kwargs,
    )


@login_required
@require_POST
def sighting_create(request, appeal_id: int):
    def action(appeal, c):
        services.sighting_create(
            request.user,
            appeal,
            note=c["note"],
            seen_at=c["seen_at"],
            place=c["place"],
            latitude=c["latitude"],
            longitude=c["longitude"],
            photo=c["photo"],
            contact=c["contact"],
        )

    return _post_action(
        request,
        appeal_id,
        forms.SightingForm,
        action,
        _("Thank you. Only the person searching will see what you reported."),
        form_kwargs=_no_kwargs,
    )


@login_required
@require_POST
def sighting_delete(request, appeal_id: int, sighting_id: int):
    appeal = _appeal_or_404(request.user, appeal_id)
    sighting = get_object_or_404(Sighting.objects.select_related("appeal"), pk=sighting_id, appeal=appeal)
    try:
        services.sighting_delete(request.user, sighting)
    except ServiceError as exc:
        return _problem(request, exc)
    messages.success(request, _("The sighting is deleted."))
    return _back(appeal)


@login_required
@require_POST
def offer_create(request, appeal_id: int):
    def action(appeal, c):
        services.offer_create(
            request.user, appeal, message=c["message"], blood_group=c.get("blood_group", ""), contact=c["contact"]
        )

    return _post_action(
        request,
        appeal_id,
        forms.OfferForm,
        action,
        _("Thank you. Your offer went to the person who asked, and to them only."),
        form_kwargs=lambda a: {"kind": a.kind},
    )


@login_required
@require_POST
def offer_decide(request, appeal_id: int, offer_id: int, decision: str):
    appeal = _appeal_or_404(request.user, appeal_id)
    offer = get_object_or_404(HelpOffer.objects.select_related("appeal"), pk=offer_id, appeal=appeal)
    if decision not in ("accept", "decline"):
        raise Http404(_("Unknown decision."))
    try:
        services.offer_decide(request.user, offer, accept=decision == "accept")
    except ServiceError as exc:
        return _problem(request, exc)
    return _back(appeal)

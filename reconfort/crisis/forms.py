"""Page forms. They only parse input: every rule is checked again by the services (the API shares them)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reconfort.appeals.forms import PlaceFields

from .models import CheckIn, State


class CrisisForm(PlaceFields):
    name = forms.CharField(label=_("Name of the crisis"), max_length=140)
    description = forms.CharField(
        label=_("A few words of context"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    radius_km = forms.IntegerField(label=_("Area concerned, in km around the town"), min_value=1, max_value=1000)
    started_at = forms.DateTimeField(
        label=_("Started at"),
        required=False,
        help_text=_("Leave empty for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    tags = forms.CharField(
        label=_("Hashtags"), max_length=1100, required=False, help_text=_("For example: #CrueLyon #inondations")
    )
    sources = forms.CharField(
        label=_("Trusted sources"),
        required=False,
        help_text=_("Web addresses of official sources, one per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["name", "description", "place", "latitude", "longitude", "radius_km", "started_at", "tags"]


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=State.choices)


class NoticeForm(forms.Form):
    text = forms.CharField(label=_("Official information"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    source_url = forms.URLField(label=_("Where it comes from (link)"), required=False, assume_scheme="https")


class CheckInForm(forms.Form):
    status = forms.ChoiceField(label=_("How are you?"), choices=CheckIn.Status.choices, widget=forms.RadioSelect)
    account = forms.CharField(required=False, widget=forms.HiddenInput)


class LocationForm(PlaceFields):
    pass


class HomeAreaForm(PlaceFields):
    pass


class TrustedForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=30)


class LinkAppealForm(forms.Form):
    appeal = forms.IntegerField(label=_("Appeal number"), min_value=1)


class LinkMemorialForm(forms.Form):
    memorial = forms.CharField(label=_("Memorial key (from its address)"), max_length=16)

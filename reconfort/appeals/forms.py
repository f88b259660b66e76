"""Page forms. They only parse input: every rule is checked again by the services (the API shares them)."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .kinds import BLOOD_GROUP_CHOICES, RESOLUTIONS
from .models import AppealKind, Audience, Resolution, Status
from .selectors import LISTABLE_STATUSES


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleImageInput(attrs={"accept": "image/*"})

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class PlaceFields(forms.Form):
    place = forms.CharField(
        label=_("Town"),
        max_length=200,
        required=False,
        help_text=_("A town from the list, for example “Lyon, FR”."),
        widget=forms.TextInput(
            attrs={
                "list": "place-options",
                "autocomplete": "off",
                # Town suggestions as one types (HTMX); without JavaScript the typed name is resolved on submit.
                "hx-get": reverse_lazy("appeals:places"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#place-options",
            }
        ),
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)


class AppealForm(PlaceFields):
    title = forms.CharField(label=_("Title"), max_length=140)
    description = forms.CharField(
        label=_("Tell people more"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    exact_location_public = forms.BooleanField(
        label=_("Show the exact place (otherwise it is rounded to about 1 km)"), required=False
    )
    radius_km = forms.IntegerField(label=_("Area concerned, in km"), min_value=1, max_value=500, initial=10)
    audience = forms.ChoiceField(label=_("Who sees it"), choices=Audience.choices, initial=Audience.PUBLIC)
    photos = MultipleImageField(label=_("Photos (up to four)"), required=False)

    field_order = ["title", "description", "place", "latitude", "longitude", "exact_location_public", "radius_km"]

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        if kind != AppealKind.PRAYER:
            del self.fields["audience"]
        if kind in (AppealKind.PRAYER, AppealKind.BLOOD):
            del self.fields["photos"]


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=140)
    description = forms.CharField(
        label=_("Tell people more"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    exact_location_public = forms.BooleanField(
        label=_("Show the exact place (otherwise it is rounded to about 1 km)"), required=False
    )


class UpdateForm(forms.Form):
    text = forms.CharField(label=_("News"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ResolveForm(forms.Form):
    resolution = forms.ChoiceField(label=_("How did it end?"), choices=())
    note = forms.CharField(
        label=_("A word for everyone who helped (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolution"].choices = [(r, Resolution(r).label) for r in RESOLUTIONS[kind]]


class WithdrawForm(forms.Form):
    note = forms.CharField(label=_("Why (optional)"), max_length=2000, required=False)


class SightingForm(PlaceFields):
    note = forms.CharField(label=_("What did you see?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    seen_at = forms.DateTimeField(
        label=_("When"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    photo = forms.ImageField(label=_("Photo (optional)"), required=False)
    contact = forms.CharField(
        label=_("How to reach you (optional, only the owner sees it)"), max_length=200, required=False
    )

    field_order = ["note", "seen_at", "place", "latitude", "longitude", "photo", "contact"]


class OfferForm(forms.Form):
    message = forms.CharField(label=_("What can you do?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    blood_group = forms.ChoiceField(
        label=_("Your blood group (only the owner sees it, never published)"),
        choices=[("", _("I would rather not say"))] + BLOOD_GROUP_CHOICES[:-1],
        required=False,
    )
    contact = forms.CharField(
        label=_("How to reach you (optional, only the owner sees it)"), max_length=200, required=False
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        if kind != AppealKind.BLOOD:
            del self.fields["blood_group"]


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason the owner will read"), max_length=2000)


class NearForm(PlaceFields):
    radius_km = forms.IntegerField(label=_("Within (km)"), min_value=1, max_value=500, initial=25, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *AppealKind.choices], required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s, Status(s).label) for s in LISTABLE_STATUSES],
        required=False,
        initial=Status.OPEN,
    )

"""What each kind of appeal asks for, validated with one Django form per kind.

The same forms check the API's `details` object and render the page's per-kind fields, so a rule is written once.
`validate_details` returns (public details, private details) ready to store as JSON.
"""

from __future__ import annotations

from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import ServiceError

from .models import AppealKind, Resolution

BLOOD_GROUPS = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"]
BLOOD_GROUP_CHOICES = [(g, g.replace("-", "−")) for g in BLOOD_GROUPS] + [("all", _("All groups"))]
MAX_DONATION_PLACES = 5


class PlacesField(forms.Field):
    """Donation places: a list of {"name", "address"} (API), or lines "name, address" (page)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            rows = []
            for line in value.splitlines():
                if line.strip():
                    name, _sep, address = line.partition(",")
                    rows.append({"name": name, "address": address})
            value = rows
        if not isinstance(value, list):
            raise forms.ValidationError(_("List the donation places."), code="invalid")
        places = []
        for row in value:
            if not isinstance(row, dict):
                raise forms.ValidationError(_("Each donation place needs a name and an address."), code="invalid")
            name, address = str(row.get("name") or "").strip(), str(row.get("address") or "").strip()
            if not name or not address or len(name) > 200 or len(address) > 300:
                raise forms.ValidationError(_("Each donation place needs a name and an address."), code="invalid")
            places.append({"name": name, "address": address})
        if len(places) > MAX_DONATION_PLACES:
            raise forms.ValidationError(_("Five donation places at most."), code="too_many")
        return places

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{p['name']}, {p['address']}" for p in value if isinstance(p, dict))
        return value


class KindForm(forms.Form):
    """Base of the per-kind forms. `now` is the clock (tests pass a frozen one)."""

    private_fields: tuple[str, ...] = ()

    def __init__(self, *args, now: datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()

    def _not_future(self, field: str):
        value = self.cleaned_data.get(field)
        if value and value > self.now:
            raise forms.ValidationError(_("This moment is in the future."), code="future")
        return value

    def split(self) -> tuple[dict, dict]:
        public, private = {}, {}
        for name, value in self.cleaned_data.items():
            if isinstance(value, datetime | date):
                value = value.isoformat()
            (private if name in self.private_fields else public)[name] = value
        return public, private


class BloodForm(KindForm):
    for_whom = forms.CharField(label=_("For whom, or for what event"), max_length=200)
    blood_groups = forms.MultipleChoiceField(
        label=_("Blood groups needed"), choices=BLOOD_GROUP_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=[("normal", _("Needed soon")), ("urgent", _("Urgent")), ("critical", _("Critical, today"))],
        initial="urgent",
    )
    until = forms.DateField(label=_("Donations needed until"), widget=forms.DateInput(attrs={"type": "date"}))
    donation_service_url = forms.URLField(
        label=_("Link to the official donation service"), required=False, assume_scheme="https"
    )
    places = PlacesField(label=_("Donation places"), help_text=_("One per line: the name, a comma, then the address."))

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until < timezone.localdate(self.now):
            raise forms.ValidationError(_("This date has passed."), code="past")
        return until

    def clean_blood_groups(self):
        groups = self.cleaned_data["blood_groups"]
        return ["all"] if "all" in groups else groups


class MissingPersonForm(KindForm):
    name = forms.CharField(label=_("Name"), max_length=120)
    age = forms.IntegerField(label=_("Age"), min_value=0, max_value=120)
    physical_description = forms.CharField(
        label=_("Description (height, hair, clothes)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    last_seen_at = forms.DateTimeField(
        label=_("Last seen on"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    last_seen_place = forms.CharField(label=_("Last seen where"), max_length=200)
    authority_reference = forms.CharField(
        label=_("Police report number"), max_length=100, required=False, help_text=_("Required for a child.")
    )
    authority_phone = forms.CharField(label=_("Phone of the police or authority for sightings"), max_length=40)

    def clean_last_seen_at(self):
        return self._not_future("last_seen_at")

    def clean(self):
        data = super().clean()
        if data.get("age") is not None and data["age"] < 18 and not (data.get("authority_reference") or "").strip():
            self.add_error("authority_reference", _("A missing child appeal needs the police report number."))
        return data


class MissingPetForm(KindForm):
    private_fields = ("microchip_number",)

    species = forms.ChoiceField(
        label=_("Species"),
        choices=[
            ("dog", _("Dog")),
            ("cat", _("Cat")),
            ("bird", _("Bird")),
            ("rabbit", _("Rabbit")),
            ("other", _("Other")),
        ],
    )
    name = forms.CharField(label=_("Name"), max_length=80)
    breed = forms.CharField(label=_("Breed"), max_length=80, required=False)
    colours = forms.CharField(label=_("Colours"), max_length=120)
    marks = forms.CharField(label=_("Distinctive marks"), max_length=500, required=False)
    last_seen_at = forms.DateTimeField(
        label=_("Last seen on"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    last_seen_place = forms.CharField(label=_("Last seen where"), max_length=200)
    reward = forms.CharField(label=_("Reward (optional)"), max_length=80, required=False)
    microchipped = forms.BooleanField(label=_("Microchipped"), required=False)
    microchip_number = forms.CharField(label=_("Microchip number (never shown)"), max_length=30, required=False)

    def clean_last_seen_at(self):
        return self._not_future("last_seen_at")

    def clean(self):
        data = super().clean()
        if data.get("microchip_number"):
            data["microchipped"] = True
        return data


class PrayerForm(KindForm):
    for_whom = forms.CharField(label=_("For whom"), max_length=200)
    what_happened = forms.CharField(label=_("What happened"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class HelpForm(KindForm):
    need = forms.ChoiceField(
        label=_("What help"),
        choices=[
            ("meals", _("Meals")),
            ("transport", _("Transport")),
            ("childcare", _("Childcare")),
            ("errands", _("Errands")),
            ("other", _("Other")),
        ],
    )
    recurrence = forms.ChoiceField(
        label=_("How often"), choices=[("one_off", _("Once")), ("recurring", _("Recurring"))]
    )
    when = forms.CharField(label=_("When"), max_length=200, help_text=_("For example: Tuesday evenings in March."))


FORMS: dict[str, type[KindForm]] = {
    AppealKind.BLOOD: BloodForm,
    AppealKind.MISSING_PERSON: MissingPersonForm,
    AppealKind.MISSING_PET: MissingPetForm,
    AppealKind.PRAYER: PrayerForm,
    AppealKind.HELP: HelpForm,
}

# How each kind may end well (or, for the missing, sadly).
RESOLUTIONS: dict[str, list[str]] = {
    AppealKind.BLOOD: [Resolution.ENOUGH_DONORS],
    AppealKind.MISSING_PERSON: [Resolution.FOUND_SAFE, Resolution.FOUND_DECEASED],
    AppealKind.MISSING_PET: [Resolution.REUNITED, Resolution.FOUND_DECEASED],
    AppealKind.PRAYER: [Resolution.PRAYERS_ANSWERED],
    AppealKind.HELP: [Resolution.HELP_GIVEN],
}
PLACE_REQUIRED = {AppealKind.BLOOD, AppealKind.MISSING_PERSON, AppealKind.MISSING_PET, AppealKind.HELP}
TAKES_SIGHTINGS = {AppealKind.MISSING_PERSON, AppealKind.MISSING_PET}
TAKES_OFFERS = {AppealKind.BLOOD, AppealKind.HELP}
NEEDS_REVIEW = {AppealKind.MISSING_PERSON}


def form_for(kind: str, data=None, *, now=None, prefix: str | None = None) -> KindForm:
    if kind not in FORMS:
        raise ServiceError(_("Unknown kind of appeal."), field="kind", code="invalid_kind")
    return FORMS[kind](data, now=now, prefix=prefix)


def validate_details(kind: str, details, *, now=None) -> tuple[dict, dict]:
    """(public, private) details, or ServiceError naming the first wrong field."""
    if not isinstance(details, dict):
        raise ServiceError(_("The details of the appeal are missing."), field="details", code="invalid")
    form = form_for(kind, details, now=now)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else ""
        message = f"{label}: {errors[0]}" if label else errors[0]
        raise ServiceError(message, field=f"details.{field}" if field != "__all__" else "details", code="invalid")
    return form.split()

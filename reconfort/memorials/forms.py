"""Page forms: they parse and present fields; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DatePrecision, LastWords, Memorial, Steward, Tribute
from .selectors import DirectoryOrder

DATE = forms.DateInput(attrs={"type": "date"})


class MemorialForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    birth_precision = forms.ChoiceField(label=_("Known to the"), choices=DatePrecision.choices, initial="day")
    death_date = forms.DateField(label=_("Date of death"), required=False, widget=DATE)
    death_precision = forms.ChoiceField(label=_("Known to the"), choices=DatePrecision.choices, initial="day")
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    life_story = forms.CharField(
        label=_("Life story"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown is allowed: **bold**, *italics*, lists, links."),
    )
    languages = forms.CharField(
        label=_("Languages"), required=False, help_text=_("Language codes, separated by commas: fr, en")
    )
    in_lieu_of_flowers_url = forms.URLField(
        label=_("In lieu of flowers"),
        required=False,
        assume_scheme="https",
        help_text=_("A link to a charity or a cause the person cared about."),
    )
    visibility = forms.ChoiceField(label=_("Who can see it"), choices=Memorial.Visibility.choices)
    listed = forms.BooleanField(label=_("List it in the Hereafter"), required=False)
    indexable = forms.BooleanField(label=_("Let search engines index this page"), required=False)
    tribute_access = forms.ChoiceField(label=_("Who can write tributes"), choices=Memorial.TributeAccess.choices)
    tributes_premoderated = forms.BooleanField(
        label=_("Read tributes before they appear"), required=False, initial=True
    )
    tributes_locked = forms.BooleanField(label=_("Close the guestbook"), required=False)
    anniversaries_enabled = forms.BooleanField(label=_("Gently remind followers on anniversaries"), required=False)

    def clean_languages(self):
        return [code.strip().lower() for code in self.cleaned_data["languages"].split(",") if code.strip()]


class PhotoForm(forms.Form):
    photo = forms.ImageField(label=_("Photo"), required=False)
    remove = forms.BooleanField(label=_("Remove the photo"), required=False)


class LastWordsForm(forms.Form):
    text = forms.CharField(label=_("Their last words"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    posted_at = forms.DateTimeField(
        label=_("Written on"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    where = forms.CharField(label=_("Where"), max_length=100, required=False, help_text=_("Mastodon, X, a letter…"))
    original_url = forms.URLField(label=_("Original link"), required=False, assume_scheme="https")
    post_id = forms.IntegerField(label=_("Or the number of a post here"), required=False, min_value=1)
    consent = forms.ChoiceField(
        label=_("Why they may be shown"), choices=[("", "—"), *LastWords.Consent.choices], required=False
    )
    content_warning = forms.CharField(label=_("Content warning"), max_length=200, required=False)


class CauseForm(forms.Form):
    text = forms.CharField(label=_("Cause of death"), max_length=300, required=False)
    is_suicide = forms.BooleanField(label=_("It was a suicide"), required=False)
    shown = forms.BooleanField(
        label=_("Show it on the page"),
        required=False,
        help_text=_("Never shown in listings. A suicide is never shown at all."),
    )


class TributeForm(forms.Form):
    kind = forms.ChoiceField(label=_("What you would like to leave"), choices=Tribute.Kind.choices)
    text = forms.CharField(label=_("Your words"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    photo = forms.ImageField(label=_("A photo (optional)"), required=False)


class ModerateTributeForm(forms.Form):
    state = forms.ChoiceField(
        choices=[(s, s) for s in (Tribute.State.APPROVED, Tribute.State.REJECTED, Tribute.State.HIDDEN)]
    )
    reason = forms.CharField(label=_("Reason (the author reads it)"), max_length=500, required=False)


class GestureForm(forms.Form):
    message = forms.CharField(label=_("A few words (optional)"), max_length=140, required=False)


class StewardInviteForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=60)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(r.value, r.label) for r in (Steward.Role.EDITOR, Steward.Role.TRIBUTE_MODERATOR)],
    )


class UsernameForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=60)


class DisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("Tell the moderators"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("The memorial is hidden at once while a moderator looks into it."),
    )


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(DirectoryOrder.RECENT, _("Most recent deaths first")), (DirectoryOrder.AZ, _("A to Z"))],
    )
    year = forms.IntegerField(label=_("Year of death"), required=False, min_value=1, max_value=9999)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), ("fr", _("French")), ("en", _("English"))]
    )


class ArchiveUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archive (.zip)"),
        help_text=_("An X (Twitter) account archive or a Mastodon export. Direct messages are never imported."),
    )


class ImportLastWordsForm(forms.Form):
    post = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    consent = forms.ChoiceField(label=_("Why they may be shown"), choices=LastWords.Consent.choices)

from django import forms
from django.utils.translation import gettext_lazy as _

from . import helplines
from .selectors import OTHER_COUNTRY
from .services import NOTE_MAX


def country_choices() -> list[tuple[str, str]]:
    return [
        ("", _("The country of my time zone")),
        *[(c.code, c.name) for c in helplines.countries().values()],
        (OTHER_COUNTRY, _("Another country (an international directory)")),
    ]


class CountryForm(forms.Form):
    country = forms.ChoiceField(label=_("The helplines of"), choices=(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()


class WorryForm(forms.Form):
    note = forms.CharField(
        label=_("What worries you (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators read this. Nothing is sent to the person."),
    )

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Language

from .models import Cause, CauseUse, Loss, Since


class ProfileForm(forms.Form):
    loss = forms.ChoiceField(label=_("What have you lived through?"), choices=Loss.choices, widget=forms.RadioSelect)
    since = forms.ChoiceField(label=_("When did it happen?"), choices=Since.choices, widget=forms.RadioSelect)
    languages = forms.MultipleChoiceField(
        label=_("Languages you can talk in"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    region = forms.CharField(
        label=_("Region (optional)"),
        required=False,
        max_length=80,
        help_text=_("Only used to say you live in the same region as someone."),
    )
    cause = forms.ChoiceField(
        label=_("Cause (optional)"),
        choices=Cause.choices,
        required=False,
        help_text=_("Never shown to anyone. You decide below whether it may be used."),
    )
    cause_use = forms.ChoiceField(
        label=_("How may the cause be used?"),
        choices=CauseUse.choices,
        initial=CauseUse.PRIVATE,
        widget=forms.RadioSelect,
    )

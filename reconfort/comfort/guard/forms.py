from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Audience


class ReplyPolicyForm(forms.Form):
    audience = forms.ChoiceField(label=_("Who may reply"), choices=Audience.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

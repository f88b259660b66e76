from django import forms
from django.utils.translation import gettext_lazy as _


class DeletionForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

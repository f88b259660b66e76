from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import SearchType

TYPE_CHOICES = [
    (SearchType.POSTS, _("Posts")),
    (SearchType.ACCOUNTS, _("People")),
    (SearchType.TAGS, _("Tags")),
    (SearchType.MEMORIALS, _("Memorials")),
    (SearchType.APPEALS, _("Appeals")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, strip=True)
    type = forms.ChoiceField(label=_("Look among"), choices=TYPE_CHOICES, required=False)
    page = forms.IntegerField(min_value=1, max_value=50, required=False)

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1

"""Forms of the circle pages. They only shape input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import JoinPolicy, Language, PostsVisibility


class CircleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    description = forms.CharField(
        label=_("What the circle is for"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    rules = forms.CharField(
        label=_("Rules"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown to everyone while they write in the circle."),
    )
    join_policy = forms.ChoiceField(label=_("Who may join"), choices=JoinPolicy.choices, widget=forms.RadioSelect)
    posts_visibility = forms.ChoiceField(
        label=_("Who can read the posts"), choices=PostsVisibility.choices, widget=forms.RadioSelect
    )


class CircleEditForm(CircleForm):
    """The same fields but the language (the circle's members chose it for its language)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["language"]


class CirclePostForm(forms.Form):
    text = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why (the author will see it)"), max_length=1000)


class BanForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=60)
    reason = forms.CharField(label=_("Why (the person will see it)"), max_length=1000)


class ModeratorForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=60)

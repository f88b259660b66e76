"""Forms of the comfort pages. They only shape input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Language
from reconfort.posts.models import Visibility

from .models import Topic
from .services import THANKS_MAX

AUDIENCES = [
    (Visibility.PUBLIC, _("Everyone")),
    (Visibility.UNLISTED, _("Everyone, but not in public timelines")),
    (Visibility.PRIVATE, _("My followers only")),
]


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("What you are going through"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Say as much or as little as you like. Kind strangers will read it."),
    )
    topic = forms.ChoiceField(label=_("It is about"), choices=Topic.choices, initial=Topic.OTHER)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    audience = forms.ChoiceField(label=_("Who can read it"), choices=AUDIENCES, initial=Visibility.PUBLIC)
    anonymous = forms.BooleanField(
        label=_("Do not show my name to strangers"),
        required=False,
        help_text=_(
            "Everyone sees a pseudonym, your followers too, and it is not listed on your profile. Moderators can "
            "still see who you are, to keep everyone safe. Public or unlisted only."
        ),
    )


HOURS = [(hour, f"{hour:02d}:00") for hour in range(24)]


class ComforterForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages I can comfort in"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics (leave empty for all)"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    guide_read = forms.BooleanField(label=_("I have read the guide above and will follow it"), required=False)
    # Call-outs (callouts.py): off unless the comforter chooses them.
    on_call = forms.BooleanField(
        label=_("Call me when someone has been waiting"),
        required=False,
        help_text=_(
            "A gentle notification when someone in your languages has waited a while for a first kind reply: "
            "never who, never what they wrote, at most %(calls)s a day and three hours apart, only between the "
            "hours below."
        ),
    )
    # Absent (an older form): the comforter's hours stay as they are.
    call_from_hour = forms.TypedChoiceField(
        label=_("From"), choices=HOURS, coerce=int, initial=9, required=False, empty_value=None
    )
    call_until_hour = forms.TypedChoiceField(
        label=_("Until"), choices=HOURS, coerce=int, initial=21, required=False, empty_value=None
    )

    def __init__(self, *args, calls_per_day: int = 2, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_call"].help_text = self.fields["on_call"].help_text % {"calls": calls_per_day}


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class ThanksForm(forms.Form):
    recipient = forms.TypedChoiceField(label=_("Whom to thank"), coerce=int)
    text = forms.CharField(
        label=_("Your thanks (only they will see it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=THANKS_MAX,
    )

    def __init__(self, *args, repliers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [(u.pk, u.name) for u in repliers]

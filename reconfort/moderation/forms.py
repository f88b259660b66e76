"""Forms of the moderation pages and of the member's report and appeal pages. They only parse input: every rule
is checked by the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Role

from .models import Decision, ReportCategory, Rule


class RuleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Rule) -> str:
        return obj.text_fr if (get_language() or "").startswith("fr") else obj.text_en


def _post_label(post) -> str:
    text = post.title or post.spoiler_text or post.text
    return f"{post.created_at:%Y-%m-%d %H:%M} · {text[:90]}{'…' if len(text) > 90 else ''}"


class ReportForm(forms.Form):
    category = forms.ChoiceField(label=_("What is wrong?"), choices=ReportCategory.choices, widget=forms.RadioSelect)
    rules = RuleChoiceField(
        label=_("Which rules are broken?"),
        queryset=Rule.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    posts = forms.TypedMultipleChoiceField(
        label=_("Which posts?"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    comment = forms.CharField(
        label=_("Anything the moderators should know?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The member you report is never told who reported them."),
    )

    def __init__(self, *args, posts=None, **kwargs):
        """`posts`: the reported member's posts to choose from; None when the report is about something else
        (a memorial, a tribute, an appeal, a circle message), which then has no posts to choose."""
        super().__init__(*args, **kwargs)
        if posts is None:
            del self.fields["posts"]
        else:
            self.fields["posts"].choices = [(p.pk, _post_label(p)) for p in posts]
        if not Rule.objects.exists():
            del self.fields["rules"]


class DismissForm(forms.Form):
    note = forms.CharField(
        label=_("What the reporter will read (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


ACTIONS = [(value, label) for value, label in Decision.Action.choices if value != Decision.Action.DISMISS]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    post = forms.TypedChoiceField(
        label=_("Post (to hide it or add a content warning)"), coerce=int, required=False, empty_value=None
    )
    content_warning = forms.CharField(label=_("Content warning"), required=False, max_length=200)
    reason = forms.CharField(
        label=_("The reason the member will read"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, posts=(), hide_label=None, **kwargs):
        """`posts=None`: the report is about a memorial, a tribute, an appeal or a circle message, not posts. Then
        "hide" hides that thing, offered (as `hide_label`) only when it can be hidden."""
        super().__init__(*args, **kwargs)
        if posts is not None:
            self.fields["post"].choices = [("", _("No post"))] + [(p.pk, _post_label(p)) for p in posts]
            return
        del self.fields["post"], self.fields["content_warning"]
        actions = [(v, label) for v, label in ACTIONS if v != Decision.Action.CONTENT_WARNING]
        if hide_label is None:
            actions = [(v, label) for v, label in actions if v != Decision.Action.HIDE]
        labelled = [(v, hide_label if v == Decision.Action.HIDE else label) for v, label in actions]
        self.fields["action"].choices = labelled


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("The reason the person will read"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to reject."),
    )


class AppealDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[("uphold", _("Uphold the decision")), ("overturn", _("Overturn the decision"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DecisionAppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why should this decision change?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class RejectRegistrationForm(forms.Form):
    reason = forms.CharField(
        label=_("The reason the person will read"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReverseMemorialisationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the memorialisation is reversed"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class RoleForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=30)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=40)
    actor = forms.CharField(label=_("Done by (username)"), required=False, max_length=30)
    target_type = forms.ChoiceField(label=_("Kind of object"), required=False)

    def __init__(self, *args, target_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_type"].choices = [("", _("Any"))] + [(t, t) for t in target_types if t]

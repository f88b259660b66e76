"""Forms for joining, logging in and settings. They parse input; accounts.services decides and writes."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import TIME_ZONE_CHOICES, Language, User

USERNAME_HELP = _("1 to 30 letters (a–z), digits or underscores. This is your address here: @name.")


class PageForm(forms.Form):
    """Labels without the trailing colon (the layout already sets them apart)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SignupForm(PageForm):
    username = forms.CharField(label=_("Username"), max_length=30, help_text=USERNAME_HELP)
    email = forms.EmailField(label=_("E-mail address"), help_text=_("Never shown to others."))
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters. A few words you will remember make a good password."),
    )
    display_name = forms.CharField(
        label=_("Display name"), max_length=60, required=False, help_text=_("The name others see. Optional.")
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES, initial="Europe/Paris")
    reason = forms.CharField(
        label=_("Why would you like to join?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A moderator reads every request before opening the account."),
    )

    def __init__(self, *args, approval: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username", autocapitalize="none", spellcheck="false")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if approval:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]


class LoginForm(AuthenticationForm):
    """Log in by username (any case). An account waiting for approval is told so, once its password is right."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("This username and password do not match. Please check them and try again."),
        "pending": _("Your account is waiting for a moderator's approval. You can log in as soon as it is approved."),
    }

    def __init__(self, request=None, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(request, *args, **kwargs)

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            username = self.cleaned_data.get("username") or ""
            password = self.cleaned_data.get("password") or ""
            waiting = User.objects.filter(username__iexact=username, approved=False).first()
            if waiting is not None and waiting.check_password(password):
                raise ValidationError(self.error_messages["pending"], code="pending") from None
            raise


class ProfileForm(PageForm):
    display_name = forms.CharField(label=_("Display name"), max_length=60, required=False)
    bio = forms.CharField(
        label=_("About you"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Up to 500 characters. #hashtags and @mentions become links."),
    )
    # A plain file field: the image itself is checked (and cleaned of metadata) by the account service.
    avatar = forms.FileField(
        label=_("Picture"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, up to 8 MB. Location and camera data are removed."),
        widget=forms.FileInput(attrs={"accept": "image/*"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES)
    locked = forms.BooleanField(
        label=_("Approve followers"), required=False, help_text=_("New followers wait for your approval.")
    )
    discoverable = forms.BooleanField(
        label=_("Suggest my account to others"),
        required=False,
        help_text=_("Your account may appear in suggestions and searches."),
    )

    @classmethod
    def initial_for(cls, user: User) -> dict:
        return {name: getattr(user, name) for name in cls.base_fields if name != "avatar"}


class PasswordForm(PageForm):
    old_password = forms.CharField(
        label=_("Current password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    new_password = forms.CharField(
        label=_("New password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters."),
    )
    new_password_again = forms.CharField(
        label=_("New password, again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("new_password") and data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", _("The two new passwords are not the same."))
        return data

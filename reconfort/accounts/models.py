from __future__ import annotations

import zoneinfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

USERNAME_RE = r"^[A-Za-z0-9_]{1,30}$"
username_validator = RegexValidator(
    USERNAME_RE, _("A username has 1 to 30 letters (a–z, A–Z), digits or underscores."), code="invalid_username"
)
TIME_ZONE_CHOICES = sorted((tz, tz) for tz in zoneinfo.available_timezones() if "/" in tz or tz == "UTC")


class Language(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    ADMIN = "admin", _("Administrator")


class AccountManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A member. Usernames are unique without regard to case; the spelling chosen is kept for display."""

    username = models.CharField(_("username"), max_length=30, unique=True, validators=[username_validator])
    email = models.EmailField(_("e-mail address"))
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    bio = models.TextField(_("bio"), max_length=500, blank=True)
    bio_html = models.TextField(blank=True, editable=False)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.FR)
    time_zone = models.CharField(_("time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default="Europe/Paris")
    locked = models.BooleanField(
        _("approve followers"), default=False, help_text=_("New followers wait for your approval.")
    )
    discoverable = models.BooleanField(_("suggest my account to others"), default=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    # Registration in approval mode: the account exists but cannot sign in until approved.
    approved = models.BooleanField(default=True)
    registration_reason = models.TextField(blank=True)
    # Moderation: a limited account is kept out of public timelines; a suspended one cannot sign in and its
    # content disappears everywhere (reversible for 30 days, then deleted).
    limited = models.BooleanField(default=False)
    # Kept by accounts.two_factor so the middleware knows without a query whether to ask for a code.
    two_factor_enabled = models.BooleanField(default=False)
    # Set when the member follows the link e-mailed at sign-up (accounts.email_confirmation).
    email_confirmed = models.BooleanField(default=False)
    suspended_at = models.DateTimeField(null=True, blank=True)
    # Counters kept by the services so listing an account costs no extra query.
    followers_count = models.PositiveIntegerField(default=0)
    following_count = models.PositiveIntegerField(default=0)
    statuses_count = models.PositiveIntegerField(default=0)
    last_status_at = models.DateTimeField(null=True, blank=True)

    objects = AccountManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique")]

    def __str__(self) -> str:
        return f"@{self.username}"

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def is_moderator(self) -> bool:
        return self.role in (Role.MODERATOR, Role.ADMIN) or self.is_superuser


class Follow(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")

    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following_set")
    target = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follower_set")
    state = models.CharField(max_length=16, choices=State.choices, default=State.ACCEPTED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "target"], name="accounts_follow_unique"),
            models.CheckConstraint(condition=~models.Q(follower=models.F("target")), name="accounts_follow_not_self"),
        ]
        indexes = [models.Index(fields=["target", "state"])]


class Block(models.Model):
    account = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    target = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_received")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "target"], name="accounts_block_unique")]


class Mute(models.Model):
    account = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes_made")
    target = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes_received")
    hide_notifications = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "target"], name="accounts_mute_unique")]


class SignedInSession(models.Model):
    """A browser session a member signed in with, so they can see them all and sign out everywhere."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

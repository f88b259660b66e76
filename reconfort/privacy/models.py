"""A member's rights over their data: take it with them (export), and have it erased (deletion)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DELETION_GRACE = timedelta(days=30)


class Export(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    # Relative to the private exports directory (never under MEDIA_ROOT: exports are not public files).
    path = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)


class AccountDeletion(models.Model):
    """A member asked for their account to be erased; it happens after a 30-day grace they can cancel."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deletion")
    requested_at = models.DateTimeField(auto_now_add=True)
    erase_after = models.DateTimeField()

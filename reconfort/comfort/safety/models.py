"""The safety net's own rows: a member's country choice, the posts whose words expressed a risk (and whether the
author closed the panel), and the « je m'inquiète pour cette personne » flags that only moderators read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.posts.models import Post


class SafetyPreference(models.Model):
    """The country whose helplines a member sees; empty means: the country of their time zone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="safety_preference"
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class RiskSignal(models.Model):
    """A post (or reply, or message) of a member whose words expressed a risk of suicide or self-harm.

    Only its author sees that it exists (as the helplines panel) and moderators (as a crisis alert). The post
    itself is never hidden nor held. `matched` keeps the names of the patterns, never a copy of the text."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="risk_signal")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField()
    matched = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    panel_dismissed_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["author", "panel_dismissed_at", "-created_at"], name="safety_panel_idx")]


class Worry(models.Model):
    """« Je m'inquiète pour cette personne »: read by moderators only; never sent to the person."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="safety_worries_made"
    )
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    note = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reporter", "post"], name="safety_worry_once_per_post")]

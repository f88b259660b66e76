"""Trending hashtags: hourly counts of distinct accounts per tag (the baseline), the current bursts per language,
and the moderator's review of each tag (Mastodon's `trendable` / `requires_review`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.hashtags.models import Tag

# Trends of every language together are stored under this language code.
ALL_LANGUAGES = ""


class TagHourStat(models.Model):
    """How many public posts used a tag in one hour, and by how many distinct accounts (weighted: new accounts
    count little). One row per (tag, language, hour); `language` "" is every language together."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, blank=True)
    hour = models.DateTimeField()
    uses = models.PositiveIntegerField(default=0)
    accounts = models.PositiveIntegerField(default=0)
    weighted_accounts = models.FloatField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "language", "hour"], name="trends_taghourstat_unique"),
        ]
        indexes = [models.Index(fields=["hour"], name="trends_taghourstat_hour")]


class HourDone(models.Model):
    """The hours already counted into TagHourStat (so the periodic job counts each finished hour once)."""

    hour = models.DateTimeField(unique=True)


class TrendScore(models.Model):
    """A tag bursting now in one language: the latest computation's figures. Shown only once approved."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, blank=True)
    score = models.FloatField()
    accounts = models.FloatField(help_text="Weighted distinct accounts in the recent window.")
    expected = models.FloatField(help_text="Distinct accounts expected in the window from the tag's baseline.")
    uses = models.PositiveIntegerField(default=0)
    detected_at = models.DateTimeField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "language"], name="trends_trendscore_unique")]
        indexes = [models.Index(fields=["language", "-score"], name="trends_trendscore_lang_score")]


class TagReview(models.Model):
    """Whether a tag may trend. A tag that bursts for the first time waits for a moderator (requires review);
    approved tags trend from then on; refused ones are not proposed again until `rejected_until`."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("May trend")
        REJECTED = "rejected", _("May not trend")

    tag = models.OneToOneField(Tag, on_delete=models.CASCADE, related_name="trend_review")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    requested_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_until = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

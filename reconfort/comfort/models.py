"""Support requests, the comfort queue's claims, comforters and their thanks (issue 6)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.posts.models import Post

# Risk: lower is more urgent, as in moderation's QueueItem.risk. The safety net moves a request to RISK_FLAGGED.
RISK_DEFAULT = 4
RISK_FLAGGED = 0


class Topic(models.TextChoices):
    GRIEF = "grief", _("Grief")
    ILLNESS = "illness", _("Illness")
    LONELINESS = "loneliness", _("Loneliness")
    NEW_PARENTHOOD = "new_parenthood", _("New parenthood")
    ANXIETY = "anxiety", _("Anxiety")
    OTHER = "other", _("Something else")


class SupportRequest(models.Model):
    """The comfort side of a post of kind support_request: topic, anonymity, where it stands in the queue."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="support_request")
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_requests")
    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.OTHER)
    language = models.CharField(max_length=8, blank=True)
    audience = models.CharField(max_length=10)  # the post's visibility when asked
    # Shown under a per-request pseudonym to strangers; the asker and moderators see who it is.
    anonymous = models.BooleanField(default=False)
    pseudonym = models.CharField(max_length=60, blank=True)
    risk = models.PositiveSmallIntegerField(default=RISK_DEFAULT)
    kind_replies = models.PositiveSmallIntegerField(default=0)
    first_kind_reply_at = models.DateTimeField(null=True, blank=True)
    comforted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["comforted_at", "language", "risk", "created_at"], name="comfort_queue_idx")]

    def __str__(self) -> str:
        return f"SupportRequest {self.pk} for post {self.post_id}"


class Comforter(models.Model):
    """A member who chose to comfort strangers, in their languages and (optionally) topics."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comforter")
    languages = models.JSONField(default=list)
    topics = models.JSONField(default=list, blank=True)  # empty: every topic
    active = models.BooleanField(default=True)
    guide_read_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    # Call-outs (callouts.py): an opted-in comforter may be called when someone in their languages waits, between
    # these local hours (their account's time zone; from == until means any hour), a few times a day at most.
    on_call = models.BooleanField(default=False)
    call_from_hour = models.PositiveSmallIntegerField(default=9)
    call_until_hour = models.PositiveSmallIntegerField(default=21)


class Claim(models.Model):
    """A comforter opened a request: others see the next one until it expires, is released or used."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Open")
        RELEASED = "released", _("Released")
        EXPIRED = "expired", _("Expired")
        USED = "used", _("Answered")

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="claims")
    comforter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comfort_claims")
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Exactly one open claim per request: two comforters claiming at once, one wins.
            models.UniqueConstraint(
                fields=["request"], condition=models.Q(state="active"), name="comfort_one_active_claim"
            )
        ]
        indexes = [models.Index(fields=["comforter", "created_at"])]


class Call(models.Model):
    """A call-out: an on-call comforter was told that someone waits in a language (never what they wrote). Kept so
    the limits hold (calls a day, hours between calls), for rotation, and for the moderators' figures."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="calls")
    comforter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comfort_calls")
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["comforter", "created_at"])]


class KindReply(models.Model):
    """A reply to a support request by someone other than the asker, shown (not held). Counted once."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="kind_reply_set")
    reply = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()  # when the reply was written
    counted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["author", "request"])]


class Thanks(models.Model):
    """A private thank-you from an asker to someone who replied: only the two of them (and moderators) see it."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="thanks")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thanks_received")
    text = models.TextField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "recipient"], name="comfort_thanks_once")]
        indexes = [models.Index(fields=["recipient", "-id"])]

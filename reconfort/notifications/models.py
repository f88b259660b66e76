from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.posts.models import GestureKind, Post


class NotificationType(models.TextChoices):
    MENTION = "mention", _("Mention")
    REPLY = "reply", _("Reply")
    REBLOG = "reblog", _("Reshare")
    GESTURE = "gesture", _("Gesture")
    FOLLOW = "follow", _("Follow")
    FOLLOW_REQUEST = "follow_request", _("Follow request")
    # From the moderators: the acknowledgement and outcome of a report; a decision about me; my appeal decided.
    REPORT_RECEIVED = "report_received", _("Report received")
    REPORT_RESOLVED = "report_resolved", _("Report reviewed")
    MODERATION_DECISION = "moderation_decision", _("Moderation decision")
    APPEAL_DECIDED = "appeal_decided", _("Appeal decided")
    # A call for help (reconfort.appeals) I followed, reshared or answered has ended: found, reunited, withdrawn…
    APPEAL_CLOSED = "appeal_closed", _("Call for help ended")
    # The anniversary of a death (or a birthday) of someone whose memorial I follow (reconfort.memorials).
    MEMORIAL_ANNIVERSARY = "memorial_anniversary", _("Memorial anniversary")
    # Comfort (reconfort.comfort): a private thank-you from someone I comforted; circles; kindred spirits.
    GRATITUDE = "gratitude", _("Thanks")
    CIRCLE_REQUEST = "circle_request", _("Request to join a circle")
    CIRCLE_ACCEPTED = "circle_accepted", _("Welcome to a circle")
    KINDRED = "kindred", _("Kindred spirit")
    # An on-call comforter is called: someone waits for comfort in a language (nothing of what they wrote).
    COMFORT_CALL = "comfort_call", _("Someone waits for comfort")
    # Crises (reconfort.crisis): the private invitation to check in, a follower's check-in, "are you safe?".
    CRISIS_INVITE = "crisis_invite", _("Are you safe?")
    SAFETY_CHECKIN = "safety_checkin", _("Safety check-in")
    SAFETY_QUESTION = "safety_question", _("Someone asks if you are safe")


# Notices from the moderators have no other person behind them: the recipient is recorded as the actor.
SYSTEM_TYPES = {
    NotificationType.REPORT_RECEIVED,
    NotificationType.REPORT_RESOLVED,
    NotificationType.MODERATION_DECISION,
    NotificationType.APPEAL_DECIDED,
}


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    type = models.CharField(max_length=20, choices=NotificationType.choices)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    gesture_kind = models.CharField(max_length=10, choices=GestureKind.choices, blank=True)
    # The report, decision or appeal a moderation notice is about.
    subject_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["recipient", "-id"], name="notif_recipient_id")]


class Marker(models.Model):
    """Where a member stopped reading a timeline (Mastodon markers: home, notifications)."""

    class Timeline(models.TextChoices):
        HOME = "home", "home"
        NOTIFICATIONS = "notifications", "notifications"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="markers")
    timeline = models.CharField(max_length=20, choices=Timeline.choices)
    last_read_id = models.BigIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "timeline"], name="notif_marker_unique")]

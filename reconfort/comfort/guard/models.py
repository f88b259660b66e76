"""Reply policies of guarded posts and the replies held for their authors (issue 6)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.posts.models import Post


class Audience(models.TextChoices):
    """Who may reply to a guarded post (a support request or a memorial post)."""

    GUARDED = "guarded", _("Anyone, but replies from people I do not follow wait for my approval")
    ANYONE = "anyone", _("Anyone, shown at once")
    FOLLOWING = "following", _("Only people I follow")
    COMFORTERS = "comforters", _("People I follow and comforters")
    NOBODY = "nobody", _("Nobody")


class ReplyPolicy(models.Model):
    """The author's choice for one post. Without a row, the default of the post's kind (settings) applies."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="reply_policy")
    audience = models.CharField(max_length=12, choices=Audience.choices)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"ReplyPolicy {self.audience} for post {self.post_id}"


class HeldReply(models.Model):
    """A reply written with Post.held: it waits in the held-replies folder of the guarded post's author."""

    class State(models.TextChoices):
        HELD = "held", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REMOVED = "removed", _("Removed")

    # state -> states it may move to. An approved reply edited into words that may hurt waits again
    # (services.held_reply_refile, never the author's decision).
    TRANSITIONS = {State.HELD: {State.APPROVED, State.REMOVED}, State.APPROVED: {State.HELD}}

    reply = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="held_reply")
    # The guarded post (the thread's support request or memorial post) and who decides: its author.
    guarded_post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.HELD)
    # Why: "not_followed" and/or screening categories ("hostility", "mockery", "slur", "spam", "proselytising").
    reasons = models.JSONField(default=list, blank=True)
    score = models.FloatField(default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "state", "-id"], name="guard_held_owner_state")]

    def __str__(self) -> str:
        return f"HeldReply {self.reply_id} ({self.state})"

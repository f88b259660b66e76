"""Reports, the review queue, moderators' decisions, appeals of decisions and the append-only audit log."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.appeals.models import Appeal
from reconfort.comfort.circles.models import CirclePost
from reconfort.memorials.models import Memorial, Tribute
from reconfort.posts.models import Post

APPEAL_WINDOW = timedelta(days=20)
SUSPENSION_GRACE = timedelta(days=30)


class ReportCategory(models.TextChoices):
    SPAM = "spam", _("Spam")
    HARASSMENT = "harassment", _("Harassment")
    HATE = "hate", _("Hate")
    VIOLENCE = "violence", _("Violence")
    FALSE_MEMORIAL = "false_memorial", _("False or hurtful memorial")
    IMPERSONATION = "impersonation", _("Impersonation")
    SCAM = "scam", _("Scam")
    CHILD_SAFETY = "child_safety", _("Child safety")
    WORRIED = "worried", _("I am worried about this person")
    OTHER = "other", _("Other")


# Lower is reviewed first: people in danger and children before everything else.
CATEGORY_RISK = {
    ReportCategory.WORRIED: 0,
    ReportCategory.CHILD_SAFETY: 0,
    ReportCategory.VIOLENCE: 1,
    ReportCategory.HARASSMENT: 2,
    ReportCategory.HATE: 2,
    ReportCategory.FALSE_MEMORIAL: 2,
    ReportCategory.IMPERSONATION: 3,
    ReportCategory.SCAM: 3,
    ReportCategory.SPAM: 4,
    ReportCategory.OTHER: 4,
}


class Rule(models.Model):
    """A server rule members can point to when they report."""

    text_fr = models.CharField(max_length=300)
    text_en = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text_en


class QueueItem(models.Model):
    """One thing waiting for a moderator. Every kind of review lands here (reports now; memorialisation
    requests, missing-person appeals and crisis alerts as those capabilities arrive)."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        DECISION_APPEAL = "decision_appeal", _("Appeal of a decision")
        MEMORIALISATION = "memorialisation", _("Memorialisation request")
        MEMORIAL_DISPUTE = "memorial_dispute", _("Memorial disputed by the person it is about")
        MISSING_PERSON = "missing_person", _("Missing-person appeal to approve")
        CRISIS_ALERT = "crisis_alert", _("Person at risk")
        TREND = "trend", _("Trending tag to review")
        CRISIS_PROPOSED = "crisis_proposed", _("Crisis proposed for review")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ASSIGNED = "assigned", _("Assigned")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(max_length=24, choices=Kind.choices)
    risk = models.PositiveSmallIntegerField(default=4)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What is reviewed, for kinds other than reports and decision appeals (which link back by a one-to-one):
    # e.g. subject_type "memorials.memorial", subject_id 42.
    subject_type = models.CharField(max_length=60, blank=True)
    subject_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "risk", "created_at"]),
            models.Index(fields=["subject_type", "subject_id"]),
        ]


class ReportTarget(models.TextChoices):
    """What a report may be about besides an account and its posts (see moderation.targets)."""

    MEMORIAL = "memorial", _("Memorial")
    TRIBUTE = "tribute", _("Tribute")
    APPEAL = "appeal", _("Appeal")
    CIRCLE_POST = "circle_post", _("Circle message")


TARGET_FIELDS = tuple(ReportTarget.values)  # each is also the name of the report's foreign key


def _at_most_one(fields) -> models.Q:
    none_set = models.Q(**{f"{f}__isnull": True for f in fields})
    condition = none_set
    for chosen in fields:
        condition |= models.Q(**{f"{f}__isnull": f != chosen for f in fields})
    return condition


class Report(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Waiting for review")
        RESOLVED = "resolved", _("Action taken")
        DISMISSED = "dismissed", _("No action needed")

    # SET_NULL: a reporter who deletes their account leaves an anonymous report behind.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reports_made"
    )
    # The member reported, or the one who wrote or keeps the reported memorial, tribute, appeal or circle post.
    # Empty only for a memorial nobody keeps any more (its owner's account was deleted).
    target_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="reports_received"
    )
    # At most one of these four (a check constraint). SET_NULL: the report stays when the thing is deleted, and
    # target_kind still says what it was.
    target_kind = models.CharField(max_length=12, choices=ReportTarget.choices, blank=True)
    memorial = models.ForeignKey(Memorial, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    tribute = models.ForeignKey(Tribute, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    appeal = models.ForeignKey(Appeal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    circle_post = models.ForeignKey(CirclePost, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # A post reported under a pseudonym (decision 0038): the reporter only ever sees that, even once the post is
    # deleted; `target_account` stays the real author, for the moderators.
    target_alias = models.CharField(max_length=60, blank=True)
    target_alias_root = models.BigIntegerField(null=True, blank=True)  # the request's post: its `anon-<id>`
    category = models.CharField(max_length=20, choices=ReportCategory.choices)
    rules = models.ManyToManyField(Rule, blank=True)
    comment = models.TextField(max_length=1000, blank=True)
    posts = models.ManyToManyField(Post, blank=True, related_name="reports")
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    queue_item = models.OneToOneField(QueueItem, on_delete=models.PROTECT, related_name="report")
    outcome_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=_at_most_one(TARGET_FIELDS), name="moderation_report_one_target")
        ]

    @property
    def target(self):
        """The reported memorial, tribute, appeal or circle post; None for an account or once it is deleted."""
        return getattr(self, self.target_kind) if self.target_kind else None


class Decision(models.Model):
    """A moderator's action on a member or on one of their posts (or, through the report, on the tribute, appeal or
    circle message reported), which the member sees and may appeal."""

    class Action(models.TextChoices):
        DISMISS = "dismiss", _("Dismissed")
        HIDE = "hide", _("Post hidden")
        CONTENT_WARNING = "content_warning", _("Content warning added")
        LIMIT = "limit", _("Removed from public timelines")
        SUSPEND = "suspend", _("Account suspended")
        WARN = "warn", _("Warning")

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    target_account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decisions")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions")
    action = models.CharField(max_length=20, choices=Action.choices)
    reason = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    reversed_at = models.DateTimeField(null=True, blank=True)

    @property
    def appeal_deadline(self):
        return self.created_at + APPEAL_WINDOW


class DecisionAppeal(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for another moderator")
        UPHELD = "upheld", _("Decision upheld")
        OVERTURNED = "overturned", _("Decision overturned")

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="appeal")
    text = models.TextField(max_length=2000)
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    queue_item = models.OneToOneField(QueueItem, on_delete=models.PROTECT, related_name="decision_appeal")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditEntry(models.Model):
    """Who did what, when, why, with the state before and after. Never updated, never deleted."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=30)  # kept if the actor's account is later deleted
    action = models.CharField(max_length=40, db_index=True)
    target_type = models.CharField(max_length=40)
    target_id = models.BigIntegerField(null=True)
    reason = models.TextField(blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")

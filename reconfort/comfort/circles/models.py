"""Support circles: a circle, who belongs to it (and in what role), and what its members write there.

Circle posts are their own model, not posts.Post: see docs/decisions/0033-circles.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    FR = "fr", "Français"
    EN = "en", "English"


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Anyone may join")
    REQUEST = "request", _("On request, approved by the circle's moderators")


class PostsVisibility(models.TextChoices):
    MEMBERS = "members", _("Members only")
    PUBLIC = "public", _("Everyone can read")


class Circle(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField(max_length=2000, blank=True)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.FR)
    rules = models.TextField(max_length=3000, blank=True)
    join_policy = models.CharField(max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN)
    posts_visibility = models.CharField(max_length=10, choices=PostsVisibility.choices, default=PostsVisibility.MEMBERS)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="circles_created"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def members_only(self) -> bool:
        return self.posts_visibility == PostsVisibility.MEMBERS


class MembershipState(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    MEMBER = "member", _("Member")
    BANNED = "banned", _("Banned")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")


class Membership(models.Model):
    """One row per circle and account: a request, a membership (member or moderator) or a ban.

    Leaving deletes the row; a ban keeps it (state banned), so a banned person cannot ask again.
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_memberships")
    state = models.CharField(max_length=10, choices=MembershipState.choices)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    requested_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)  # when they became a member: the newcomer clock
    banned_at = models.DateTimeField(null=True, blank=True)
    ban_reason = models.TextField(max_length=1000, blank=True)
    banned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["circle", "account"], name="circles_membership_unique")]
        indexes = [models.Index(fields=["account", "state"], name="circles_membership_account")]

    def __str__(self) -> str:
        return f"{self.account_id} in {self.circle_id} ({self.state})"

    @property
    def is_member(self) -> bool:
        return self.state == MembershipState.MEMBER

    @property
    def is_moderator(self) -> bool:
        return self.is_member and self.role == Role.MODERATOR


class CirclePost(models.Model):
    """A message in a circle, or a reply to one (one level: replies do not nest)."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_posts")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField()
    # Removed by a moderator: hidden from everyone but its author, who sees why.
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_reason = models.TextField(max_length=1000, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["circle", "parent", "-id"], name="circles_post_feed"),
        ]

    def __str__(self) -> str:
        return f"Circle post {self.pk}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

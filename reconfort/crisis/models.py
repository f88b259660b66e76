"""Crises: a page that gathers what a community needs when the world breaks, and « Je suis en sécurité » check-ins.

A crisis has a place (a centre and a radius), hashtags, trusted sources and a life-cycle
(proposed → active → winding down → archived). Check-ins, invitations, questions and shared locations belong to
one crisis and are deleted when it ends (see docs/decisions/0036-crisis-pages-and-check-ins.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.appeals.models import Appeal
from reconfort.hashtags.models import Tag
from reconfort.memorials.models import Memorial
from reconfort.posts.models import Post


class State(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for a moderator")
    ACTIVE = "active", _("Active")
    WINDING_DOWN = "winding_down", _("Winding down")
    ARCHIVED = "archived", _("Archived")


# The life-cycle: which state may follow which. Services refuse anything else.
TRANSITIONS: dict[str, set[str]] = {
    State.PROPOSED: {State.ACTIVE, State.ARCHIVED},
    State.ACTIVE: {State.WINDING_DOWN, State.ARCHIVED},
    State.WINDING_DOWN: {State.ACTIVE, State.ARCHIVED},
    State.ARCHIVED: set(),
}
# States in which the page is shown to everyone (a proposal is for moderators only).
PUBLIC_STATES = (State.ACTIVE, State.WINDING_DOWN, State.ARCHIVED)


class Crisis(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=140)
    description = models.TextField(max_length=2000, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROPOSED)
    # The area: a centre from the gazetteer (or coordinates) and a radius. A proposal may have none yet.
    place_name = models.CharField(max_length=200, blank=True)
    country_code = models.CharField(max_length=2, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    radius_km = models.PositiveIntegerField(default=50)
    started_at = models.DateTimeField()
    tags = models.ManyToManyField(Tag, related_name="crises", blank=True)
    # A proposal from the burst detector: the tag, its language and score (shown to the reviewing moderator).
    proposed_from_tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    burst_language = models.CharField(max_length=8, blank=True)
    burst_score = models.FloatField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    activated_at = models.DateTimeField(null=True, blank=True)
    winding_down_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    # When the check-ins, invitations and questions of this crisis were deleted (they never come back).
    checkins_expired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "-started_at"], name="crisis_state_started")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_active(self) -> bool:
        return self.state == State.ACTIVE

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES


class CrisisSource(models.Model):
    """A trusted source (civil protection, a prefecture, a hospital): a link shown at the top of the page."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=500)
    title = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["id"]


class CrisisNotice(models.Model):
    """Official information pinned by a moderator, with the link it comes from."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="notices")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=2000)
    source_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]


class HiddenPost(models.Model):
    """A post a moderator took off this crisis page (it stays wherever else it may be seen)."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="hidden_posts")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["crisis", "post"], name="crisis_hidden_post_unique")]


class LinkedAppeal(models.Model):
    """An appeal linked to the crisis by its author or a moderator (appeals in the area since the start are
    gathered without a link)."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="linked_appeals")
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="+")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["crisis", "appeal"], name="crisis_linked_appeal_unique")]


class LinkedMemorial(models.Model):
    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="linked_memorials")
    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="+")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["crisis", "memorial"], name="crisis_linked_memorial_unique")]


# --- « Je suis en sécurité » -------------------------------------------------------------------------


class SafetySettings(models.Model):
    """A member's private crisis settings: the home area they live in (never shown to anyone)."""

    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="crisis_settings")
    home_place_name = models.CharField(max_length=200, blank=True)
    home_country_code = models.CharField(max_length=2, blank=True)
    home_latitude = models.FloatField(null=True, blank=True)
    home_longitude = models.FloatField(null=True, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["home_latitude", "home_longitude"], name="crisis_home_lat_lon")]


class TrustedMarker(models.Model):
    """`trusted` may mark `account` safe (or in need of help) during a crisis; nobody else may."""

    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    trusted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "trusted"], name="crisis_trusted_unique"),
            models.CheckConstraint(condition=~models.Q(account=models.F("trusted")), name="crisis_trusted_not_self"),
        ]


class SharedLocation(models.Model):
    """Where a member says they are, for this crisis only (deleted with its check-ins)."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    place_name = models.CharField(max_length=200, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["crisis", "account"], name="crisis_location_unique")]


class Invitation(models.Model):
    """A private invitation to check in, sent once per member and crisis."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="invitations")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["crisis", "account"], name="crisis_invitation_unique")]


class CheckIn(models.Model):
    class Status(models.TextChoices):
        SAFE = "safe", _("I'm safe")
        NEED_HELP = "need_help", _("I need help")
        NOT_THERE = "not_there", _("I'm not in the area")

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="checkins")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices)
    # Someone the member trusts may mark them; null when they marked themselves.
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["crisis", "account"], name="crisis_checkin_unique")]


class SafetyQuestion(models.Model):
    """ "Are you safe?" asked privately by a follower; once per asker, person and crisis."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="+")
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["crisis", "asker", "account"], name="crisis_question_unique"),
        ]

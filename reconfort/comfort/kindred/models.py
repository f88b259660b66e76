"""Kindred spirits: what a member chose to say about what they lived through, and the consent between two members.

A `KindredProfile` exists only while the member is opted in (opting out deletes it). The cause is sensitive: by
default it is kept to the member alone; it is used for matching only when the member says so (`cause_use`), and
named in an explanation only to someone who has the same cause and when both allowed it (never suicide).
A `KindredLink` is the consent between two members, one row per pair whatever the direction: a request waits for the
other's answer; declined or dismissed pairs are never suggested to each other again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Loss(models.TextChoices):
    PARENT = "parent", _("A parent")
    CHILD = "child", _("A child")
    PARTNER = "partner", _("A partner")
    SIBLING = "sibling", _("A brother or a sister")
    FRIEND = "friend", _("A close friend")
    PET = "pet", _("A pet")
    PERINATAL = "perinatal", _("A baby, during pregnancy or around birth")
    LOVED_ONE_ILLNESS = "loved_one_illness", _("The illness of someone I love")
    OWN_ILLNESS = "own_illness", _("My own illness")
    OTHER = "other", _("Another loss")


class Cause(models.TextChoices):
    UNSAID = "", _("I would rather not say")
    CANCER = "cancer", _("Cancer")
    ACCIDENT = "accident", _("An accident")
    ILLNESS = "illness", _("Another illness")
    SUICIDE = "suicide", _("Suicide")


class CauseUse(models.TextChoices):
    PRIVATE = "private", _("Keep it to myself: never used")
    MATCH = "match", _("Use it to find people who lived the same, never shown")
    SHARE = "share", _("Use it, and name it to someone who lived the same (never for suicide)")


class Since(models.TextChoices):
    THIS_YEAR = "this_year", _("This year")
    ONE_TO_THREE = "one_to_three", _("One to three years ago")
    LONGER = "longer", _("More than three years ago")


SINCE_ORDER = {Since.THIS_YEAR: 0, Since.ONE_TO_THREE: 1, Since.LONGER: 2}


class KindredProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kindred_profile")
    loss = models.CharField(_("what you lived through"), max_length=20, choices=Loss.choices)
    cause = models.CharField(_("cause"), max_length=10, choices=Cause.choices, blank=True, default="")
    cause_use = models.CharField(max_length=10, choices=CauseUse.choices, default=CauseUse.PRIVATE)
    since = models.CharField(_("when"), max_length=15, choices=Since.choices)
    languages = models.JSONField(default=list)
    # Free text as the member wrote it ("Bretagne"); matched on its accent-free, case-folded form.
    region = models.CharField(_("region"), max_length=80, blank=True)
    region_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Suggestions read the most recently updated profiles with the same kind of loss.
        indexes = [models.Index(fields=["loss", "-updated_at"], name="kindred_profile_loss_recent")]

    def __str__(self) -> str:
        return f"Kindred profile of {self.user_id}"

    @property
    def cause_for_matching(self) -> str:
        return self.cause if self.cause and self.cause_use in (CauseUse.MATCH, CauseUse.SHARE) else ""

    @property
    def cause_to_name(self) -> str:
        """The cause this member lets an explanation name to someone with the same cause: never suicide."""
        if self.cause_use == CauseUse.SHARE and self.cause not in ("", Cause.SUICIDE):
            return self.cause
        return ""


class KindredLink(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        DISMISSED = "dismissed", _("Not suggested again")

    # state -> states it may move to
    TRANSITIONS = {State.PENDING: {State.ACCEPTED, State.DECLINED}}

    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # "<smaller id>-<larger id>": one row per pair, whoever asked.
    pair = models.CharField(max_length=41, unique=True, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(requester=models.F("recipient")), name="kindred_link_not_self")
        ]
        indexes = [models.Index(fields=["recipient", "state"], name="kindred_link_recipient_state")]

    def __str__(self) -> str:
        return f"Kindred link {self.pair} ({self.state})"

    @staticmethod
    def pair_of(a_id: int, b_id: int) -> str:
        low, high = sorted((int(a_id), int(b_id)))
        return f"{low}-{high}"

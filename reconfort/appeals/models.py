"""Appeals: one object with a kind, a place, a life-cycle and a resolution that reaches everyone involved.

Per-kind fields live in `details` (JSON, validated per kind by kinds.py); what must never be public (a microchip
number) lives in `private_details`. See docs/decisions/0020-appeals-one-model-json-details.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.posts.models import Post

# Two decimals of a degree is about 1.1 km of latitude: what strangers see unless the owner chooses exact.
PUBLIC_DECIMALS = 2


class AppealKind(models.TextChoices):
    BLOOD = "blood", _("Blood donation")
    MISSING_PERSON = "missing_person", _("Missing person")
    MISSING_PET = "missing_pet", _("Missing pet")
    PRAYER = "prayer", _("Prayers and thoughts")
    HELP = "help", _("Practical help")


class Status(models.TextChoices):
    PENDING_REVIEW = "pending_review", _("Waiting for a moderator")
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REJECTED = "rejected", _("Not approved")


class Resolution(models.TextChoices):
    FOUND_SAFE = "found_safe", _("Found safe")
    FOUND_DECEASED = "found_deceased", _("Found, sadly")
    REUNITED = "reunited", _("Reunited")
    ENOUGH_DONORS = "enough_donors", _("Enough donors")
    PRAYERS_ANSWERED = "prayers_answered", _("Prayers answered")
    HELP_GIVEN = "help_given", _("Help given")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    FOLLOWERS = "followers", _("My followers only")


class AppealQuerySet(models.QuerySet):
    def listed(self):
        """What may appear in lists at all: approved, not hidden by a moderator."""
        return self.exclude(status__in=[Status.PENDING_REVIEW, Status.REJECTED]).filter(hidden_at__isnull=True)


class Appeal(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals")
    kind = models.CharField(max_length=20, choices=AppealKind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    resolution = models.CharField(max_length=20, choices=Resolution.choices, blank=True)
    resolution_note = models.TextField(max_length=2000, blank=True)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    title = models.CharField(max_length=140)
    description = models.TextField(max_length=5000, blank=True)
    details = models.JSONField(default=dict, blank=True)
    private_details = models.JSONField(default=dict, blank=True)
    # A missing child: the 116 000 line is shown and search engines are told not to list the page.
    is_child = models.BooleanField(default=False)
    # The place: a city from the gazetteer or coordinates. Exact coordinates stay private unless chosen.
    place_name = models.CharField(max_length=200, blank=True)
    country_code = models.CharField(max_length=2, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    exact_location_public = models.BooleanField(default=False)
    radius_km = models.PositiveIntegerField(default=10)
    # The post that carries the appeal into timelines (kind "appeal"); its text follows the status.
    post = models.OneToOneField(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="appeal")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    # Life-cycle clock: last time the owner said "still searching"; when it lapses; reminders sent.
    confirmed_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["status", "latitude", "longitude"], name="appeals_status_lat_lon"),
            models.Index(fields=["status", "expires_at"], name="appeals_status_expires"),
            models.Index(fields=["owner", "-id"], name="appeals_owner_id_desc"),
        ]

    def __str__(self) -> str:
        return f"Appeal {self.pk} ({self.kind})"

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def public_latitude(self) -> float | None:
        if self.latitude is None:
            return None
        return self.latitude if self.exact_location_public else round(self.latitude, PUBLIC_DECIMALS)

    @property
    def public_longitude(self) -> float | None:
        if self.longitude is None:
            return None
        return self.longitude if self.exact_location_public else round(self.longitude, PUBLIC_DECIMALS)

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status in (Status.RESOLVED, Status.EXPIRED, Status.WITHDRAWN, Status.REJECTED)


class AppealPhoto(models.Model):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="photos")
    file = models.ImageField(upload_to="appeals/")
    description = models.CharField(max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class AppealUpdate(models.Model):
    """The owner's timeline of news; status changes are recorded here too, so the story reads in order."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    resolution = models.CharField(max_length=20, choices=Resolution.choices, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]


class Sighting(models.Model):
    """ "I saw him/her": private to the owner (and moderators for missing people)."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="sightings")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()
    place_name = models.CharField(max_length=200, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    note = models.TextField(max_length=2000)
    photo = models.ImageField(upload_to="appeals/sightings/", blank=True)
    # The sighter's contact details travel only if they choose to share them.
    contact = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at", "-id"]


class HelpOffer(models.Model):
    """An offer of help or of a blood donation, private to the owner, who may accept it."""

    class State(models.TextChoices):
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="offers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(max_length=2000)
    # A donor's own blood group: seen by the owner only, never published.
    blood_group = models.CharField(max_length=3, blank=True)
    contact = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OFFERED)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["appeal", "author"], name="appeals_one_offer_each")]


class AppealFollow(models.Model):
    """Someone who wants to hear how the appeal ends."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="follows")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["appeal", "account"], name="appeals_follow_unique")]


class Notice(models.Model):
    """What an appeal asks of its owner (reminders, reviews, new sightings and offers) and tells a helper (offer
    accepted), with the details a notification row cannot hold (a rejection's reason). The end of an appeal reaches
    those involved through the main notifications (type appeal_closed), not here."""

    class Kind(models.TextChoices):
        EXPIRY_REMINDER = "expiry_reminder", _("Appeal about to expire")
        EXPIRED = "expired", _("Appeal expired")
        RECONFIRM = "reconfirm", _("Still searching?")
        APPROVED = "approved", _("Appeal approved")
        REJECTED = "rejected", _("Appeal not approved")
        SIGHTING = "sighting", _("New sighting")
        OFFER = "offer", _("New offer of help")
        OFFER_ACCEPTED = "offer_accepted", _("Offer accepted")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeal_notices")
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["recipient", "-id"], name="appeals_notice_recipient")]


# The life-cycle: which status may follow which. Services refuse anything else.
TRANSITIONS: dict[str, set[str]] = {
    Status.PENDING_REVIEW: {Status.OPEN, Status.REJECTED, Status.WITHDRAWN},
    Status.OPEN: {Status.RESOLVED, Status.EXPIRED, Status.WITHDRAWN},
    # An expired appeal can be reconfirmed (open again), or still end well, or be withdrawn.
    Status.EXPIRED: {Status.OPEN, Status.RESOLVED, Status.WITHDRAWN},
    Status.RESOLVED: set(),
    Status.WITHDRAWN: set(),
    Status.REJECTED: set(),
}

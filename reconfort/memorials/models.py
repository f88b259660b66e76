"""Memorial pages, the people who keep them (stewards), last words, tributes, gestures, and memorialised accounts.

States and their allowed transitions are declared here; services check them. The cause of death is stored
apart from what any page or listing reads (see `Memorial.cause_of_death_for_display`).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.posts.models import Post


def new_key() -> str:
    """Memorials are addressed by an unguessable key, so an unlisted memorial really is "link only"."""
    return secrets.token_urlsafe(9)


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year only")


class MemorialQuerySet(models.QuerySet):
    def listed(self):
        """What the Hereafter directory may show: published, public, listing allowed, not hidden."""
        return self.filter(
            state=Memorial.State.PUBLISHED,
            visibility=Memorial.Visibility.PUBLIC,
            listed=True,
            hidden_at__isnull=True,
        )


class Memorial(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        UNLISTED = "unlisted", _("Unlisted (link only)")
        MEMBERS = "members", _("Members only")
        INVITE_ONLY = "invite_only", _("Invited people only")

    class TributeAccess(models.TextChoices):
        MEMBERS = "members", _("Anyone signed in")
        FOLLOWERS = "followers", _("Followers of the memorial")
        INVITED = "invited", _("Invited people only")

    # state -> states it may move to
    TRANSITIONS = {
        State.DRAFT: {State.PUBLISHED},
        State.PUBLISHED: {State.ARCHIVED, State.DRAFT},
        State.ARCHIVED: {State.PUBLISHED},
    }

    key = models.CharField(max_length=16, unique=True, default=new_key, editable=False)
    full_name = models.CharField(_("full name"), max_length=200)
    # Lower-cased, accent-free full name: the A–Z order and the name search.
    sort_name = models.CharField(max_length=200, db_index=True, editable=False)
    photo = models.ImageField(_("photo"), upload_to="memorials/", blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    death_date = models.DateField(_("date of death"), null=True, blank=True)
    death_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    place = models.CharField(_("place"), max_length=200, blank=True)
    life_story = models.TextField(_("life story"), blank=True)  # Markdown as written
    life_story_html = models.TextField(blank=True, editable=False)
    languages = models.JSONField(default=list, blank=True)
    in_lieu_of_flowers_url = models.URLField(_("in lieu of flowers"), max_length=500, blank=True)

    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC)
    listed = models.BooleanField(_("list in the Hereafter"), default=False)
    indexable = models.BooleanField(_("let search engines index this page"), default=False)

    tribute_access = models.CharField(max_length=10, choices=TributeAccess.choices, default=TributeAccess.MEMBERS)
    tributes_locked = models.BooleanField(default=False)
    tributes_premoderated = models.BooleanField(default=True)
    anniversaries_enabled = models.BooleanField(default=False)

    # The member this memorial is about, when they had an account here.
    subject_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="memorials_about"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="memorials_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Disputed by a living person: hidden from everyone but stewards and moderators until a moderator decides.
    hidden_at = models.DateTimeField(null=True, blank=True)
    # A moderator found a dispute unfounded: later disputes still reach moderators but no longer hide at once.
    dispute_rejected_at = models.DateTimeField(null=True, blank=True)

    # Counters kept by the services, so listings cost no extra query.
    tributes_count = models.PositiveIntegerField(default=0)
    candle_count = models.PositiveIntegerField(default=0)
    flowers_count = models.PositiveIntegerField(default=0)
    hug_count = models.PositiveIntegerField(default=0)
    followers_count = models.PositiveIntegerField(default=0)

    objects = MemorialQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["state", "visibility", "listed", "-death_date"], name="memorials_directory_recent"),
            models.Index(fields=["state", "visibility", "listed", "sort_name"], name="memorials_directory_az"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class CauseOfDeath(models.Model):
    """Optional, hidden by default, never listed, never shown when it is suicide.

    A separate row so no listing query ever loads it by accident.
    """

    memorial = models.OneToOneField(Memorial, on_delete=models.CASCADE, related_name="cause")
    text = models.CharField(max_length=300)
    is_suicide = models.BooleanField(default=False)
    shown = models.BooleanField(default=False)

    def for_display(self) -> str:
        """What a memorial page may show: nothing unless shown, and never a suicide."""
        if not self.shown or self.is_suicide:
            return ""
        return self.text


class LastWords(models.Model):
    class Consent(models.TextChoices):
        FAMILY = "family", _("The family agreed")
        PUBLIC_FIGURE = "public_figure", _("Newsworthy public figure")

    memorial = models.OneToOneField(Memorial, on_delete=models.CASCADE, related_name="last_words")
    text = models.TextField(max_length=5000)
    posted_at = models.DateTimeField(null=True, blank=True)
    where = models.CharField(max_length=100, blank=True)  # "Mastodon", "X", "Facebook", "here" …
    original_url = models.URLField(max_length=500, blank=True)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    consent = models.CharField(max_length=16, choices=Consent.choices)
    content_warning = models.CharField(max_length=200, blank=True)
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    chosen_at = models.DateTimeField(auto_now=True)


class Steward(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")
        TRIBUTE_MODERATOR = "tribute_moderator", _("Tribute moderator")

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="stewards")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stewardships")
    role = models.CharField(max_length=20, choices=Role.choices)
    # An invitation waits until the invited member accepts it; the owner is accepted from the start.
    accepted = models.BooleanField(default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["memorial", "user"], name="memorials_steward_unique"),
            models.UniqueConstraint(fields=["memorial"], condition=models.Q(role="owner"), name="memorials_one_owner"),
        ]


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The steward log is append-only.")

    def delete(self):
        raise PermissionError("The steward log is append-only.")


class StewardLogEntry(models.Model):
    """Every steward action, visible to the stewards. Never updated, never deleted (except with the memorial)."""

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=30)
    action = models.CharField(max_length=40)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The steward log is append-only.")
        super().save(*args, **kwargs)


class Guest(models.Model):
    """A member invited to an invite-only memorial (to see it) or to write tributes when only guests may."""

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="guests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memorial_invitations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["memorial", "user"], name="memorials_guest_unique")]


class MemorialFollow(models.Model):
    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memorial_follows")
    # "Never remind me" for this memorial.
    no_reminders = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["memorial", "user"], name="memorials_follow_unique")]


class AnniversaryOptOut(models.Model):
    """A person's "never remind me of any anniversary", for every memorial they follow (the per-memorial switch is
    `MemorialFollow.no_reminders`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memorial_anniversary_opt_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)


class AnniversaryReminder(models.Model):
    """One gentle notice sent: a follower hears of each anniversary of a memorial at most once a year."""

    class Kind(models.TextChoices):
        DEATH = "death", _("Anniversary of the death")
        BIRTH = "birth", _("Birthday")

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="anniversary_reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=5, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["memorial", "user", "year", "kind"], name="memorials_anniversary_once")
        ]


class ScreeningReason(models.TextChoices):
    """Why the kind-reply guard held a tribute, as the stewards read it (the categories of
    reconfort.comfort.guard.screening, which memorials may not import)."""

    HOSTILITY = "hostility", _("may be hostile")
    MOCKERY = "mockery", _("may be mocking")
    SLUR = "slur", _("contains a slur")
    SPAM = "spam", _("looks like spam")
    PROSELYTISING = "proselytising", _("pushes a religion")
    SUSPECT = "suspect", _("may hurt")  # a screen that gave no category


class Tribute(models.Model):
    class Kind(models.TextChoices):
        MEMORY = "memory", _("A memory")
        MESSAGE = "message", _("A message")
        ANNIVERSARY = "anniversary", _("An anniversary note")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for the stewards")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not accepted")
        HIDDEN = "hidden", _("Hidden")

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="tributes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tributes")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MESSAGE)
    text = models.TextField(max_length=5000)
    text_html = models.TextField(blank=True)
    photo = models.ImageField(upload_to="tributes/", blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    moderation_reason = models.CharField(max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    # Hidden by the site's moderators on a member's report: the stewards cannot bring it back (only a moderator,
    # or an overturned decision, can), or guestbook moderation would undo the site's.
    hidden_by_site = models.BooleanField(default=False)
    # Why the kind-reply guard (comfort, through posts.gates) found its words suspect: screening categories such as
    # "hostility", "mockery", "slur", "spam", "proselytising". Shown to the stewards only, to decide quickly.
    screened_as = models.JSONField(default=list, blank=True)  # ScreeningReason values
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["memorial", "state", "-id"])]

    @property
    def screening_labels(self) -> list[str]:
        """The guard's reasons in the reader's language (for the stewards' eyes only: templates check)."""
        return [ScreeningReason(r).label for r in self.screened_as if r in ScreeningReason.values]


class GestureKind(models.TextChoices):
    CANDLE = "candle", _("Light a candle")
    FLOWERS = "flowers", _("Lay flowers")
    HUG = "hug", _("Send a hug")


GESTURE_EMOJI = {GestureKind.CANDLE: "🕯️", GestureKind.FLOWERS: "💐", GestureKind.HUG: "🫂"}


class MemorialGesture(models.Model):
    """Free, with an optional short message; one of each kind per person per (their local) day."""

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="gestures")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memorial_gestures")
    kind = models.CharField(max_length=8, choices=GestureKind.choices)
    message = models.CharField(max_length=140, blank=True)
    day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["memorial", "account", "kind", "day"], name="memorials_gesture_per_day")
        ]
        indexes = [models.Index(fields=["memorial", "-created_at"])]


class AccountWishes(models.Model):
    """What a member wants to happen to their account at their death, and who their legacy contact is."""

    class OnDeath(models.TextChoices):
        MEMORIALISE = "memorialise", _("Keep my account as a memorial")
        DELETE = "delete", _("Delete my account")

    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="death_wishes")
    on_death = models.CharField(max_length=12, choices=OnDeath.choices, default=OnDeath.MEMORIALISE)
    legacy_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="legacy_of"
    )
    # The legacy contact accepted; until then they have no rights.
    contact_confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class MemorialisationRequest(models.Model):
    class Relation(models.TextChoices):
        LEGACY_CONTACT = "legacy_contact", _("Legacy contact")
        FAMILY = "family", _("Family member")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="memorialisation_requests"
    )
    relation = models.CharField(max_length=16, choices=Relation.choices)
    proof = models.TextField(max_length=2000, blank=True)  # e.g. a death notice link, read by a moderator
    wishes = models.CharField(max_length=12, blank=True)  # the member's recorded wish at the time of request
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decision_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class AccountMemorial(models.Model):
    """A member account kept in memory: nobody can sign in or post as it; its posts stay."""

    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memorial_state")
    request = models.ForeignKey(MemorialisationRequest, null=True, on_delete=models.SET_NULL, related_name="+")
    statement = models.CharField(max_length=500, blank=True)  # a short word by the legacy contact
    pinned_post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    memorialised_at = models.DateTimeField(auto_now_add=True)
    # Reversed by a moderator (a mistake): the row stays for the trail.
    reversed_at = models.DateTimeField(null=True, blank=True)


class ArchiveImport(models.Model):
    """Another platform's export of the person's posts, uploaded by a steward and read by a background job.

    The zip lives in a private directory (never under MEDIA_ROOT) only until it has been read.
    """

    class Platform(models.TextChoices):
        TWITTER = "twitter", _("X (Twitter)")
        MASTODON = "mastodon", _("Mastodon")

    class State(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded, waiting to be read")
        PARSING = "parsing", _("Being read")
        REVIEW = "review", _("Ready for review")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Failed")

    # The reasons a file is refused; each label is what the steward reads.
    class Failure(models.TextChoices):
        NOT_ZIP = "not_zip", _("This file is not a zip archive.")
        TOO_LARGE = "too_large", _("This file is larger than the upload limit.")
        BOMB = "bomb", _("This archive unpacks to far more than it holds; it was refused as unsafe.")
        TOO_MANY_FILES = "too_many_files", _("This archive holds too many files.")
        UNSAFE_NAMES = "unsafe_names", _("This archive has file names that point outside it; it was refused as unsafe.")
        UNKNOWN_FORMAT = "unknown_format", _("This is neither an X (Twitter) archive nor a Mastodon export.")
        MISSING_FILE = "missing_file", _("The archive is missing the file with the posts (tweets.js or outbox.json).")
        MALFORMED = "malformed", _("The file with the posts is damaged or not in the expected format.")
        NO_POSTS = "no_posts", _("No public post of this person was found in this archive.")

    TRANSITIONS = {
        State.UPLOADED: {State.PARSING, State.FAILED},
        State.PARSING: {State.REVIEW, State.FAILED},
        State.REVIEW: {State.IMPORTED},
        State.IMPORTED: set(),
        State.FAILED: set(),
    }

    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    platform = models.CharField(max_length=10, choices=Platform.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.UPLOADED)
    failure = models.CharField(max_length=16, choices=Failure.choices, blank=True)
    path = models.CharField(max_length=200, blank=True)  # relative to the private imports directory
    file_name = models.CharField(max_length=200, blank=True)  # as uploaded, for the steward's eyes
    # Progress, written by the job every few hundred posts (the page and the API poll it).
    total_bytes = models.PositiveBigIntegerField(default=0)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    posts_read = models.PositiveIntegerField(default=0)
    posts_kept = models.PositiveIntegerField(default=0)
    # Whose archive it says it is; `other_person` when that does not look like the memorial's person.
    archive_username = models.CharField(max_length=200, blank=True)
    archive_display_name = models.CharField(max_length=200, blank=True)
    other_person = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def running(self) -> bool:
        return self.state in (self.State.UPLOADED, self.State.PARSING)


class ImportedPost(models.Model):
    """A post read from an archive: kept with its original date, marked imported, shown on the memorial once the
    stewards confirm the import, and never written into anyone's timeline (it is not a `Post`)."""

    archive_import = models.ForeignKey(ArchiveImport, on_delete=models.CASCADE, related_name="posts")
    memorial = models.ForeignKey(Memorial, on_delete=models.CASCADE, related_name="imported_posts")
    original_id = models.CharField(max_length=255)
    posted_at = models.DateTimeField()
    text = models.TextField()
    html = models.TextField()
    content_warning = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    is_reply = models.BooleanField(default=False)
    excluded = models.BooleanField(default=False)  # left out by a steward during (or after) the review

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["archive_import", "original_id"], name="memorials_imported_post_once")
        ]
        indexes = [
            models.Index(fields=["memorial", "-posted_at"], name="memorials_imported_recent"),
            models.Index(fields=["archive_import", "is_reply", "-posted_at"], name="memorials_imported_review"),
        ]

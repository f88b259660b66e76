from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reconfort.hashtags.models import Tag


class Visibility(models.TextChoices):
    """Mastodon's four visibilities, with the same meanings."""

    PUBLIC = "public", _("Public")
    UNLISTED = "unlisted", _("Unlisted")
    PRIVATE = "private", _("Followers only")
    DIRECT = "direct", _("Mentioned people only")


class Kind(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary")
    MEMORIAL = "memorial", _("In memory")
    GRATITUDE = "gratitude", _("Gratitude")
    SUPPORT_REQUEST = "support_request", _("I need comfort")
    NEWS = "news", _("News")
    APPEAL = "appeal", _("Appeal")


class GestureKind(models.TextChoices):
    HUG = "hug", _("Hug")
    CANDLE = "candle", _("Candle")
    PRAYER = "prayer", _("Prayer")
    FLOWERS = "flowers", _("Flowers")
    HEART = "heart", _("Heart")


# The emoji each gesture is shown and exchanged as (Pleroma reactions; ❤️ is Mastodon's favourite).
GESTURE_EMOJI = {
    GestureKind.HUG: "🫂",
    GestureKind.CANDLE: "🕯️",
    GestureKind.PRAYER: "🙏",
    GestureKind.FLOWERS: "💐",
    GestureKind.HEART: "❤️",
}
EMOJI_GESTURE = {emoji: kind for kind, emoji in GESTURE_EMOJI.items()}
# Clients send emoji with or without the variation selector.
EMOJI_GESTURE.update({emoji.replace("\ufe0f", ""): kind for kind, emoji in GESTURE_EMOJI.items()})
EMOJI_GESTURE["❤"] = GestureKind.HEART


class PostQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("author", "reblog_of", "reblog_of__author")


class Post(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    text = models.TextField(blank=True)  # the source as written (plain text, or Markdown for a story)
    content_html = models.TextField(blank=True)
    spoiler_text = models.CharField(max_length=200, blank=True)
    sensitive = models.BooleanField(default=False)
    language = models.CharField(max_length=8, blank=True)
    # A story is a long post with a title, Markdown body; shown as an article.
    title = models.CharField(max_length=200, blank=True)
    is_story = models.BooleanField(default=False)
    in_reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    in_reply_to_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The first post of the thread; every reply carries it so a whole thread is one query.
    thread_root = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reblog_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="reblogs")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Hidden by a moderator: only its author (with the reason) and moderators still see it.
    hidden_at = models.DateTimeField(null=True, blank=True)
    # Comfort guard (issue 6): a reply held for the parent's author (or a memorial steward) to approve. Only its
    # writer sees it until it is approved; it never reaches notifications, timelines or the API of others.
    held = models.BooleanField(default=False)
    # Anonymous request for comfort (decision 0038): the pseudonym this post is shown under to everyone but its
    # author and moderators. Set on an anonymous support request and on its asker's own replies in that thread;
    # blank: the author is shown. Only reconfort.posts.authors decides who sees what.
    author_alias = models.CharField(max_length=60, blank=True, default="")
    # Denormalised for rendering without extra queries: [{"id", "username"}] and tag display names.
    mentions_data = models.JSONField(default=list, blank=True)
    tag_names = models.JSONField(default=list, blank=True)
    tags = models.ManyToManyField(Tag, through="PostTag", related_name="posts")
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Mention", related_name="mentioned_in")
    # Counters kept by the services.
    replies_count = models.PositiveIntegerField(default=0)
    reblogs_count = models.PositiveIntegerField(default=0)
    hug_count = models.PositiveIntegerField(default=0)
    candle_count = models.PositiveIntegerField(default=0)
    prayer_count = models.PositiveIntegerField(default=0)
    flowers_count = models.PositiveIntegerField(default=0)
    heart_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["author", "-id"], name="posts_author_id_desc"),
            models.Index(fields=["visibility", "-id"], name="posts_visibility_id_desc"),
            models.Index(fields=["thread_root"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "reblog_of"], condition=models.Q(reblog_of__isnull=False), name="posts_one_reblog"
            )
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} by {self.author_id}"

    @property
    def is_anonymous(self) -> bool:
        return bool(self.author_alias)

    def gesture_count(self, kind: str) -> int:
        return getattr(self, f"{kind}_count")

    @property
    def gesture_counts(self) -> dict[str, int]:
        return {kind: self.gesture_count(kind) for kind in GestureKind.values}


class PostTag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "post"], name="posts_posttag_unique")]


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "post"], name="posts_mention_unique")]


class PostEdit(models.Model):
    """A past version of a post, kept when it is edited."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="edits")
    text = models.TextField(blank=True)
    content_html = models.TextField(blank=True)
    spoiler_text = models.CharField(max_length=200, blank=True)
    sensitive = models.BooleanField(default=False)
    title = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]


class Gesture(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="gestures")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gestures")
    kind = models.CharField(max_length=10, choices=GestureKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "account", "kind"], name="posts_gesture_unique")]
        indexes = [models.Index(fields=["account", "post"])]


class MediaAttachment(models.Model):
    """An uploaded image, cleaned of metadata. Attached to a post once the post is written."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="media")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="media")
    file = models.ImageField(upload_to="media/")
    description = models.CharField(max_length=1500, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)


class IdempotencyKey(models.Model):
    """The same Idempotency-Key from the same member within an hour returns the same post."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    post = models.ForeignKey(Post, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="posts_idempotency_unique")]

from django.conf import settings
from django.db import models


class Tag(models.Model):
    """One hashtag. `key` is the case-folded NFKC form; `name` is the first spelling seen, used for display.

    Accents are part of the identity: #deces and #décès are two tags (decision 0035)."""

    key = models.CharField(max_length=100, unique=True)
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"#{self.name}"


class TagFollow(models.Model):
    """A member follows a hashtag: its public posts come into their home timeline (Mastodon's followed tags)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_follows")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="hashtags_tagfollow_unique")]
        indexes = [models.Index(fields=["tag", "user"], name="hashtags_tagfollow_tag")]


class FeaturedTag(models.Model):
    """A hashtag a member shows on their profile (Mastodon's featured tags, at most RECONFORT_FEATURED_TAGS_MAX)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="featured_tags")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="featured_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="hashtags_featuredtag_unique")]

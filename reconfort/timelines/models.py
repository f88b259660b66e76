from django.conf import settings
from django.db import models

from reconfort.posts.models import Post


class HomeFeedEntry(models.Model):
    """One post id in a member's stored home timeline (fan-out on write; capped per member)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="home_entries")

    class Meta:
        # The unique (owner, post) index is the one a home page walks, newest first (both databases read an index
        # backwards); a second (owner, -post) index only made each fan-out write twice as many index pages.
        constraints = [models.UniqueConstraint(fields=["owner", "post"], name="timelines_home_unique")]

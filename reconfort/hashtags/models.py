from django.db import models


class Tag(models.Model):
    """One hashtag. `key` is the case-folded NFKC form; `name` is the first spelling seen, used for display."""

    key = models.CharField(max_length=100, unique=True)
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"#{self.name}"

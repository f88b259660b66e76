"""Synthetic series of tag uses for the burst detector: posts written straight into the tables (bulk), with the
times and accounts each test needs."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.hashtags.services import tags_get_or_create
from reconfort.posts.models import Post, PostTag

_counter = [0]


def accounts(n: int, *, age=timedelta(days=400)) -> list[User]:
    joined = timezone.now() - age
    start = _counter[0]
    _counter[0] += n
    users = User.objects.bulk_create(
        [
            User(username=f"synth{start + i}", email=f"synth{start + i}@example.org", date_joined=joined)
            for i in range(n)
        ]
    )
    return users


def uses(tag_name: str, items, *, language: str = "fr", visibility: str = "public") -> None:
    """items: (author, created_at) pairs; one post with the tag for each."""
    tag = tags_get_or_create([tag_name])[0]
    items = list(items)
    posts = Post.objects.bulk_create(
        [
            Post(author=a, text=f"#{tag_name}", language=language, visibility=visibility, tag_names=[tag.name])
            for a, _at in items
        ]
    )
    for post, (_a, at) in zip(posts, items, strict=True):
        Post.objects.filter(pk=post.pk).update(created_at=at)
    PostTag.objects.bulk_create([PostTag(post=p, tag=tag) for p in posts])
    return tag


def hourly(people: list[User], now, hours: int, per_hour: int, *, skip_recent: int = 0):
    """`per_hour` distinct accounts (taken in turn from `people`) each hour for `hours` hours before now."""
    out = []
    k = 0
    for h in range(skip_recent, hours):
        at = now - timedelta(hours=h, minutes=30)
        for _ in range(per_hour):
            out.append((people[k % len(people)], at))
            k += 1
    return out

"""What bench/run.py needs from the database: who to be, a bearer token, and how far fan-out has got.

Imported once Django is set up on the benchmark database (see bench/environment.py).
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from oauth2_provider.models import get_access_token_model, set_token_value
from oauthlib.common import generate_token

from reconfort.accounts.models import Follow, User
from reconfort.api.services import application_create
from reconfort.posts.models import Post, Visibility
from reconfort.timelines.models import HomeFeedEntry

from .environment import CELEBRITY


def viewer() -> User:
    """The member whose home timeline is read: the first one, who follows 100 others."""
    return User.objects.get(username="member00001")


def f1_account() -> User:
    """F1's member: the one with the most public posts (at least 20, so F1 always has a full page)."""
    return User.objects.exclude(username=CELEBRITY).order_by("-statuses_count").first()


def poster() -> User:
    """Who writes during the POST benchmark: a member with about 100 followers."""
    return User.objects.get(username="member00003")


def celebrity() -> User:
    return User.objects.get(username=CELEBRITY)


def followers_count(user: User) -> int:
    return Follow.objects.filter(target=user, state=Follow.State.ACCEPTED).count()


def public_post_of(user: User) -> Post:
    return Post.objects.filter(author=user, visibility=Visibility.PUBLIC, reblog_of__isnull=True).order_by("-id")[0]


def bearer_token(user: User) -> str:
    """A token as the OAuth flow would issue it (stored hashed), created directly: the bench is not testing OAuth."""
    application, _secret = application_create(
        name="bench", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read write follow push"
    )
    raw = generate_token()
    token = get_access_token_model()(
        user=user, application=application, scope="read write follow push", expires=timezone.now() + timedelta(days=1)
    )
    set_token_value(token, raw)
    token.save()
    return raw


def delivered(post_ids: list[int]) -> dict[int, int]:
    """How many home timelines each post has reached so far."""
    rows = HomeFeedEntry.objects.filter(post_id__in=post_ids).values("post_id").annotate(n=Count("id"))
    return {row["post_id"]: row["n"] for row in rows}


def newest_post_id() -> int:
    return Post.objects.order_by("-id").values_list("id", flat=True).first() or 0


def post_ids_by(user: User, after_id: int) -> list[int]:
    return list(Post.objects.filter(author=user, id__gt=after_id).values_list("id", flat=True))

"""The comforter's daily limit (settings.RECONFORT_COMFORT_DAILY_CLAIMS), wherever they comfort.

A comforter comforts by claiming a request in the queue, or by replying to a support request straight from its page
or through the Mastodon API. Both count: each support request a comforter claimed or replied to in the last 24
hours counts once (a claim that led to a reply is one request, not two; a second reply to the same request is
free). The limit protects comforters from exhausting themselves; people who are not comforters are not counted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import RateLimited
from reconfort.posts import gates
from reconfort.posts.models import Kind as PostKind
from reconfort.posts.models import Post

from . import selectors
from .models import Claim

WINDOW = timedelta(days=1)


def _engaged_since(user, since: datetime) -> dict[int, datetime]:
    """{post id of a support request: first time the comforter claimed or replied to it} since `since`."""
    first: dict[int, datetime] = {}
    claims = Claim.objects.filter(comforter=user, created_at__gte=since).values_list("request__post_id", "created_at")
    replies = (
        Post.objects.filter(author=user, created_at__gte=since, in_reply_to__support_request__isnull=False)
        .exclude(in_reply_to__author=user)  # the asker answering under their own request is not comforting
        .values_list("in_reply_to_id", "created_at")
    )
    for post_id, at in [*claims, *replies]:
        if post_id not in first or at < first[post_id]:
            first[post_id] = at
    return first


def comfort_used_today(user, *, now: datetime | None = None) -> int:
    """How many support requests the member claimed or replied to in the last 24 hours."""
    return len(_engaged_since(user, (now or timezone.now()) - WINDOW))


def check_daily_limit(user, request_post_id: int, *, now: datetime | None = None) -> None:
    """Refuse (RateLimited, 429) to take on one more support request past the daily limit. A request the comforter
    already claimed or replied to today is not a new one: they may go on answering it."""
    now = now or timezone.now()
    engaged = _engaged_since(user, now - WINDOW)
    if request_post_id in engaged or len(engaged) < settings.RECONFORT_COMFORT_DAILY_CLAIMS:
        return
    # Room again once the oldest request of the window is a day old.
    retry_after = (min(engaged.values()) + WINDOW - now).total_seconds() if engaged else 3600
    raise RateLimited(
        _("You have comforted a lot today. Please rest; the queue will be here tomorrow."),
        retry_after=int(retry_after) + 1,
        code="daily_limit",
    )


def check_reply_limit(draft: gates.Draft) -> None:
    """posts.gates check: a comforter replying to a support request (without claiming it first) uses the same daily
    limit as a claim."""
    parent = draft.parent
    if parent is None or parent.kind != PostKind.SUPPORT_REQUEST or parent.in_reply_to_id is not None:
        return
    if parent.author_id == draft.author.pk or selectors.active_comforter(draft.author) is None:
        return
    check_daily_limit(draft.author, parent.pk)

"""The newcomer's private-message limit, checked by posts.gates while a post is written.

For their first days in a circle (RECONFORT_CIRCLE_NEWCOMER_DAYS) a member cannot send a private (direct) post to
someone whose only tie with them is that circle: the way a troll would join a grief circle to reach the grieving
in private. A tie that counts: the recipient follows the newcomer, the newcomer followed the recipient before
joining the circle, or the newcomer is answering a message the recipient wrote.
"""

from __future__ import annotations

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Follow
from reconfort.core.errors import Forbidden
from reconfort.posts.gates import Draft
from reconfort.posts.models import Visibility

from .models import Membership, MembershipState
from .selectors import newcomer_memberships


def refuse_newcomer_private_messages(draft: Draft) -> None:
    if draft.visibility != Visibility.DIRECT or not draft.mentioned:
        return
    author = draft.author
    mine = newcomer_memberships(author)
    recipients = [r for r in draft.mentioned if r.pk != author.pk]
    parent_author = getattr(draft.parent, "author_id", None)
    if not recipients or not mine.exists():
        return
    for recipient in recipients:
        if recipient.pk == parent_author:
            continue  # answering someone who wrote to them
        shared = Membership.objects.filter(
            account=recipient, state=MembershipState.MEMBER, circle_id__in=mine.values("circle_id")
        )
        if not shared.exists():
            continue
        since = mine.filter(circle_id__in=shared.values("circle_id")).aggregate(first=Min("joined_at"))["first"]
        tie = Follow.objects.filter(
            Q(follower=recipient, target=author) | Q(follower=author, target=recipient, created_at__lt=since),
            state=Follow.State.ACCEPTED,
        ).exists()
        if not tie:
            raise Forbidden(
                _(
                    "You joined a circle with %(name)s only recently. For your first days in a circle, private "
                    "messages to its members wait until they follow you or write to you first."
                )
                % {"name": recipient.name},
                code="circle_newcomer",
            )

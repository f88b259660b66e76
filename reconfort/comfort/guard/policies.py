"""Who may reply to a guarded post, whose reply waits, who decides on held replies. Pure functions."""

from __future__ import annotations

from reconfort.posts.models import Kind, Post

from .models import Audience

GUARDED_KINDS = (Kind.SUPPORT_REQUEST, Kind.MEMORIAL)


def is_guarded(post: Post | None) -> bool:
    return post is not None and post.reblog_of_id is None and post.kind in GUARDED_KINDS


def can_reply(audience: str, *, is_owner: bool, owner_follows: bool, is_comforter: bool) -> bool:
    """May this person reply at all? ("nobody", "following" and "comforters" refuse the others.)"""
    if is_owner:
        return True
    if audience == Audience.NOBODY:
        return False
    if audience == Audience.FOLLOWING:
        return owner_follows
    if audience == Audience.COMFORTERS:
        return owner_follows or is_comforter
    return True


def must_hold(audience: str, *, is_owner: bool, owner_follows: bool, comforter_on_request: bool = False) -> bool:
    """Does the reply wait for the owner's approval because of who wrote it (not what it says)? Comforters (who
    opted in and read the guide) answering a support request are not strangers: the comfort queue sends them."""
    return audience == Audience.GUARDED and not is_owner and not owner_follows and not comforter_on_request


def must_screen(*, is_owner: bool) -> bool:
    """Every reply to a guarded post is screened, except the owner's own."""
    return not is_owner


def can_edit_reply_policy(actor, post: Post) -> bool:
    return actor.is_authenticated and actor.pk == post.author_id and is_guarded(post)


def can_decide_held(actor, *, is_owner: bool, is_steward: bool) -> bool:
    """The guarded post's author decides; for a memorial's post, its accepted stewards too."""
    return actor.is_authenticated and (is_owner or is_steward)

"""Who may see and act on a post. One answer to "can this viewer see this post", used everywhere."""

from __future__ import annotations

from .models import Post, Visibility


def can_view_post(viewer, post: Post, *, follows_author: bool, mentioned: bool, blocked_either_way: bool) -> bool:
    if viewer.is_authenticated and viewer.pk == post.author_id:
        return True
    if blocked_either_way or not post.author.is_active or post.hidden_at is not None:
        return False
    if post.held:  # comfort guard: a held reply is seen by its writer only (the author approves it elsewhere)
        return False
    if post.visibility in (Visibility.PUBLIC, Visibility.UNLISTED):
        return True
    if not viewer.is_authenticated:
        return False
    if post.visibility == Visibility.PRIVATE:
        return follows_author or mentioned
    return mentioned  # direct


def can_edit_post(actor, post: Post) -> bool:
    return actor.is_authenticated and actor.pk == post.author_id and post.reblog_of_id is None


def can_delete_post(actor, post: Post) -> bool:
    """Only the author deletes. Moderators act through decisions (hide, audited, appealable), never by deleting."""
    return actor.is_authenticated and actor.pk == post.author_id


def can_reblog_post(actor, post: Post) -> bool:
    """Only public and unlisted posts can be reshared (as on Mastodon); never a reshare itself, never a reply held
    by the comfort guard; never by its author a post shown under a pseudonym (the reshare would name them)."""
    if post.author_alias and actor.is_authenticated and actor.pk == post.author_id:
        return False
    return post.reblog_of_id is None and post.visibility in (Visibility.PUBLIC, Visibility.UNLISTED) and not post.held


def can_see_gesture_givers(viewer, post: Post) -> bool:
    """Who gave comfort is shown to the post's author (and moderators), not to every stranger."""
    return viewer.is_authenticated and (viewer.pk == post.author_id or viewer.is_moderator)


def can_see_anonymous_author(viewer, author_id: int) -> bool:
    """Who is behind a pseudonym (decision 0038): the author themselves and moderators, nobody else."""
    return bool(viewer.is_authenticated and (viewer.pk == author_id or viewer.is_moderator))


def can_see_post_author(viewer, post: Post) -> bool:
    """Whether the viewer sees the account that wrote this post, or only its pseudonym."""
    return not post.author_alias or can_see_anonymous_author(viewer, post.author_id)

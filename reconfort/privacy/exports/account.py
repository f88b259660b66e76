"""account.json, relations.json, posts.json and gestures.json: the profile, whom the member follows, blocks or
mutes, their posts with their history, and the gestures they gave."""

from __future__ import annotations

from reconfort.accounts.models import Block, Follow, Mute
from reconfort.posts.models import Gesture, Post

from ..models import AccountDeletion
from .common import at, flat_media_name


def account_data(user) -> dict:
    deletion = AccountDeletion.objects.filter(user=user).first()
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "email_confirmed": user.email_confirmed,
        "bio": user.bio,
        "language": user.language,
        "time_zone": user.time_zone,
        "locked": user.locked,
        "discoverable": user.discoverable,
        "role": user.role,
        "joined": user.date_joined.isoformat(),
        "avatar": flat_media_name(user.avatar),
        "deletion": {"asked_at": at(deletion.requested_at), "erased_after": at(deletion.erase_after)}
        if deletion
        else None,
    }


def relations_data(user) -> dict:
    def accts(qs, field):
        return sorted(qs.values_list(f"{field}__username", flat=True))

    accepted, pending = Follow.State.ACCEPTED, Follow.State.PENDING
    mutes = Mute.objects.filter(account=user)
    return {
        "following": accts(Follow.objects.filter(follower=user, state=accepted), "target"),
        "followers": accts(Follow.objects.filter(target=user, state=accepted), "follower"),
        "follow_requests_sent": accts(Follow.objects.filter(follower=user, state=pending), "target"),
        "follow_requests_received": accts(Follow.objects.filter(target=user, state=pending), "follower"),
        "blocked": accts(Block.objects.filter(account=user), "target"),
        "muted": accts(mutes, "target"),
        # A mute hides the muted account's notifications too, unless the member chose otherwise.
        "muted_with_notifications_hidden": accts(mutes.filter(hide_notifications=True), "target"),
    }


def post_data(post: Post) -> dict:
    return {
        "id": post.pk,
        "kind": post.kind,
        "visibility": post.visibility,
        "text": post.text,
        "content_warning": post.spoiler_text,
        "language": post.language,
        "title": post.title,
        "is_story": post.is_story,
        "anonymous_as": post.author_alias,  # the pseudonym of an anonymous request (and their replies in its thread)
        "created_at": post.created_at.isoformat(),
        "edited_at": at(post.edited_at),
        "held": post.held,  # a reply waiting for the approval of the author it answers (kind-reply guard)
        "in_reply_to": post.in_reply_to_id,
        "reshare_of": post.reblog_of_id,
        "tags": post.tag_names,
        "gestures_received": post.gesture_counts,
        "history": [
            {"text": e.text, "content_warning": e.spoiler_text, "at": e.created_at.isoformat()}
            for e in post.edits.all()
        ],
    }


def gestures_data(user) -> list[dict]:
    return [
        {"post": g.post_id, "kind": g.kind, "at": g.created_at.isoformat()}
        for g in Gesture.objects.filter(account=user).order_by("id")
    ]

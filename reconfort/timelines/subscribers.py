"""Timelines react to what happens to posts and follows."""

from reconfort.core import events

from . import tasks


def on_post_created(post_id, **_):
    tasks.fanout_post(post_id)


def on_follow(follower_id, target_id, **_):
    tasks.backfill_after_follow(follower_id, target_id)


def on_unfollow(follower_id, target_id, **_):
    tasks.remove_author_from_home(follower_id, target_id)


def on_block(account_id, target_id, **_):
    tasks.remove_author_from_home(account_id, target_id)
    tasks.remove_author_from_home(target_id, account_id)


def connect() -> None:
    events.subscribe(events.POST_CREATED, on_post_created)
    events.subscribe(events.REBLOG_CREATED, on_post_created)
    events.subscribe(events.FOLLOW_CREATED, on_follow)
    events.subscribe(events.FOLLOW_REMOVED, on_unfollow)
    events.subscribe(events.BLOCK_CREATED, on_block)

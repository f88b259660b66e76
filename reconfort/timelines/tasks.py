"""Background work for timelines (Huey). Tasks take ids and are safe to run twice."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from reconfort.accounts.models import User

from . import services


@db_task(retries=3, retry_delay=2)
def fanout_post(post_id: int) -> None:
    services.home_fanout(post_id)


@db_task(retries=3, retry_delay=2)
def backfill_after_follow(follower_id: int, target_id: int) -> None:
    services.home_backfill(follower_id, target_id)


@db_task(retries=3, retry_delay=2)
def remove_author_from_home(owner_id: int, author_id: int) -> None:
    services.home_remove_author(owner_id, author_id)


@db_periodic_task(crontab(minute="*/15"))
def trim_home_timelines() -> None:
    for owner_id in User.objects.filter(is_active=True).values_list("id", flat=True).iterator():
        services.home_trim(owner_id)

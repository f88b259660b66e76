"""Background work for crises (Huey). Tasks take ids and are safe to run twice."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import background


@db_task(retries=2, retry_delay=30)
def send_invitations(crisis_id: int) -> None:
    background.invitations_send(crisis_id)


@db_task(retries=2, retry_delay=30)
def expire_checkins(crisis_id: int) -> None:
    background.checkins_expire(crisis_id)


@db_periodic_task(crontab(minute="17"))
def run_crisis_clock() -> None:
    """Hourly: crises winding down for long enough lose their check-ins."""
    background.crises_run_clock()

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import services


@db_periodic_task(crontab(minute="7"))
def run_appeals_clock() -> None:
    """Hourly: expiries, reminders before them, and the weekly question to families of missing people."""
    services.appeals_run_clock()

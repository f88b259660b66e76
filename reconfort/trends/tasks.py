"""Background work for trends (Huey). Safe to run twice."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import services


@db_periodic_task(crontab(minute="*/10"))
def compute_trends() -> None:
    services.trends_compute()

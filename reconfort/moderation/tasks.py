from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import services


@db_periodic_task(crontab(hour="3", minute="17"))
def purge_suspended_accounts() -> None:
    services.suspended_accounts_purge()

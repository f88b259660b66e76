from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import services


@db_task(retries=2, retry_delay=10)
def build_export(export_id: int) -> None:
    services.export_build(export_id)


@db_periodic_task(crontab(hour="4", minute="7"))
def erase_due_accounts() -> None:
    services.deletion_erase_due()


@db_periodic_task(crontab(hour="3", minute="17"))
def purge_suspended_accounts() -> None:
    services.suspended_accounts_purge()

"""Background work for memorials (Huey). Tasks take ids and are safe to run twice."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import importer, services


@db_task(retries=1, retry_delay=10)
def run_archive_import(archive_import_id: int) -> None:
    importer.run(archive_import_id)


# Once a day is enough: each follower's own date is checked, and at 10:00 UTC every time zone is somewhere in
# its day (the notice waits for the morning of those still asleep). Sending twice is harmless.
@db_periodic_task(crontab(hour="10", minute="0"))
def send_anniversaries() -> None:
    services.anniversaries_send()

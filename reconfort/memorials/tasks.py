"""Background work for memorials (Huey). Tasks take ids and are safe to run twice."""

from huey.contrib.djhuey import db_task

from . import importer


@db_task(retries=1, retry_delay=10)
def run_archive_import(archive_import_id: int) -> None:
    importer.run(archive_import_id)

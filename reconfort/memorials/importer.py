"""The archive import job: read a stored zip post by post, keep what may be kept, report progress, and leave
nothing behind when the file turns out to be bad. Run by `tasks.run_archive_import`; safe to run twice."""

from __future__ import annotations

import json
import logging
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .archives import zipcheck
from .archives.found import ArchiveOwner, ArchiveRefused, Found
from .archives.stream import ArrayReader
from .models import ArchiveImport, ImportedPost, Memorial
from .selectors import sort_key

logger = logging.getLogger(__name__)

BATCH = 500
MAX_ACCOUNT_FILE = 1024 * 1024
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, UnicodeDecodeError, ValueError, RecursionError)


def imports_dir() -> Path:
    """Private: archives may hold direct messages, so they never sit under MEDIA_ROOT."""
    path = Path(settings.DATA_DIR) / "memorial-imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def max_upload_bytes() -> int:
    return int(settings.RECONFORT_IMPORT_MAX_BYTES)


def max_unpacked_bytes() -> int:
    return int(settings.RECONFORT_IMPORT_MAX_UNPACKED_BYTES)


def read_owner(archive: zipfile.ZipFile, inspected: zipcheck.Inspected) -> ArchiveOwner | None:
    """Who the archive belongs to (a small file, read whole); None when it does not say."""
    info = inspected.account
    if info is None or info.file_size > MAX_ACCOUNT_FILE:
        return None
    module = zipcheck.PLATFORMS[inspected.platform]
    try:
        with archive.open(info) as raw:
            if inspected.platform == "twitter":
                items = list(ArrayReader(raw, module.START, anchored=True).items())
                return next((o for o in map(module.owner_from, items) if o), None)
            return module.owner_from(json.loads(raw.read().decode("utf-8-sig")))
    except (ArchiveRefused, *READ_ERRORS):
        return None  # the posts matter; a broken account file only costs us the "other person" check


def looks_like_someone_else(memorial: Memorial, owner: ArchiveOwner | None) -> bool:
    """Warn (not refuse) when no part of the memorial's name appears in the archive's names."""
    if owner is None or not (owner.display_name or owner.username):
        return False
    subject = memorial.subject_account
    if subject is not None and owner.username and sort_key(owner.username) == sort_key(subject.username):
        return False
    archive_names = sort_key(f"{owner.display_name} {owner.username}")
    words = [w for w in sort_key(memorial.full_name).replace("-", " ").split() if len(w) >= 3]
    return not any(word in archive_names for word in words)


def _fail(archive_import_id: int, code: str) -> None:
    ImportedPost.objects.filter(archive_import_id=archive_import_id).delete()
    ArchiveImport.objects.filter(pk=archive_import_id).update(
        state=ArchiveImport.State.FAILED, failure=code, finished_at=timezone.now(), path=""
    )


def _row(job: ArchiveImport, found: Found) -> ImportedPost:
    return ImportedPost(
        archive_import=job,
        memorial_id=job.memorial_id,
        original_id=found.original_id,
        posted_at=found.posted_at,
        text=found.text,
        html=found.html,
        url=found.url[:500],
        is_reply=found.is_reply,
        content_warning=found.content_warning,
    )


class _Gone(Exception):
    """The import was discarded while it ran."""


def run(archive_import_id: int) -> None:
    job = ArchiveImport.objects.select_related("memorial__subject_account").filter(pk=archive_import_id).first()
    if job is None or job.state not in (ArchiveImport.State.UPLOADED, ArchiveImport.State.PARSING):
        return
    # A retried run starts over from the file.
    ImportedPost.objects.filter(archive_import=job).delete()
    ArchiveImport.objects.filter(pk=job.pk).update(state=ArchiveImport.State.PARSING, progress=0)
    path = imports_dir() / job.path if job.path else None
    try:
        if path is None or not path.is_file():
            raise ArchiveRefused("missing_file", "stored zip is gone")
        _read(job, path)
    except ArchiveRefused as exc:
        _fail(job.pk, exc.code)
    except _Gone:
        ImportedPost.objects.filter(archive_import_id=job.pk).delete()
    except READ_ERRORS:
        logger.info("archive import %s: unreadable file", job.pk, exc_info=True)
        _fail(job.pk, ArchiveImport.Failure.MALFORMED)
    finally:
        if path is not None:
            path.unlink(missing_ok=True)


def _read(job: ArchiveImport, path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        inspected = zipcheck.inspect(archive, max_unpacked=max_unpacked_bytes())
        module = zipcheck.PLATFORMS[inspected.platform]
        owner = read_owner(archive, inspected)
        total = max(inspected.total_bytes, 1)
        state = {"read": 0, "kept": 0, "done_bytes": 0}
        batch: list[ImportedPost] = []

        def flush(reader_bytes: int) -> None:
            if batch:
                ImportedPost.objects.bulk_create(batch, ignore_conflicts=True)
                batch.clear()
            percent = min(99, 100 * (state["done_bytes"] + reader_bytes) // total)
            updated = ArchiveImport.objects.filter(pk=job.pk, state=ArchiveImport.State.PARSING).update(
                progress=percent, posts_read=state["read"], posts_kept=state["kept"]
            )
            if not updated:
                raise _Gone()

        ArchiveImport.objects.filter(pk=job.pk).update(
            platform=inspected.platform,
            total_bytes=inspected.total_bytes,
            archive_username=(owner.username if owner else "")[:200],
            archive_display_name=(owner.display_name if owner else "")[:200],
            other_person=looks_like_someone_else(job.memorial, owner),
        )
        for info in inspected.posts:
            with archive.open(info) as raw:
                reader = ArrayReader(raw, module.START, anchored=inspected.platform == "twitter")
                for item in reader.items():
                    state["read"] += 1
                    found = module.parse(item, owner)
                    if found is not None:
                        state["kept"] += 1
                        batch.append(_row(job, found))
                    if state["read"] % BATCH == 0:
                        flush(reader.bytes_read)
            state["done_bytes"] += info.file_size
            flush(0)
    kept = ImportedPost.objects.filter(archive_import=job).count()  # duplicates across parts counted once
    if kept == 0:
        raise ArchiveRefused("no_posts")
    updated = ArchiveImport.objects.filter(pk=job.pk, state=ArchiveImport.State.PARSING).update(
        state=ArchiveImport.State.REVIEW, progress=100, posts_kept=kept, finished_at=timezone.now(), path=""
    )
    if not updated:
        raise _Gone()

"""Archive imports: a steward uploads another platform's export, a background job reads it, the stewards review
what was found (excluding posts), then confirm. Bad files are refused with a clear reason and leave nothing."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import ServiceError

from .. import importer, tasks
from ..archives import zipcheck
from ..archives.found import ArchiveRefused
from ..models import ArchiveImport, ImportedPost, LastWords, Memorial
from ._common import log, require_editor
from .memorials import last_words_set

CHUNK = 1024 * 1024


def refusal(code: str) -> ServiceError:
    message = ArchiveImport.Failure(code).label
    return ServiceError(message, field="file", code=code, status=413 if code == "too_large" else 422)


def archive_import_upload(actor, memorial: Memorial, upload) -> ArchiveImport:
    """Check the zip at once (so a hostile or unknown file is refused before anything is stored), keep it in the
    private directory, and start the job."""
    require_editor(actor, memorial)
    if upload is None:
        raise ServiceError(_("Choose the archive file."), field="file", code="empty")
    if upload.size > importer.max_upload_bytes():
        raise ServiceError(
            _("This file is larger than the upload limit (%(size)s).")
            % {"size": filesizeformat(importer.max_upload_bytes())},
            field="file",
            code="too_large",
            status=413,
        )
    if ArchiveImport.objects.filter(memorial=memorial, state__in=[ArchiveImport.State.UPLOADED, "parsing"]).exists():
        raise ServiceError(_("An archive is already being read. Wait until it is done."), status=409, code="busy")
    try:
        upload.seek(0)
        with zipcheck.open_zip(upload) as archive:
            inspected = zipcheck.inspect(archive, max_unpacked=importer.max_unpacked_bytes())
    except ArchiveRefused as exc:
        raise refusal(exc.code) from exc
    name = f"{memorial.pk}-{secrets.token_hex(8)}.zip"
    target = importer.imports_dir() / name
    upload.seek(0)
    with open(target, "wb") as out:
        for chunk in upload.chunks(CHUNK) if hasattr(upload, "chunks") else iter(lambda: upload.read(CHUNK), b""):
            out.write(chunk)
    try:
        with transaction.atomic():
            job = ArchiveImport.objects.create(
                memorial=memorial,
                uploaded_by=actor,
                platform=inspected.platform,
                path=name,
                file_name=str(getattr(upload, "name", "") or "")[:200],
                total_bytes=inspected.total_bytes,
            )
            log(memorial, actor, "import.upload", platform=inspected.platform, archive=job.pk)
            transaction.on_commit(lambda: tasks.run_archive_import(job.pk))
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return job


def _require_state(job: ArchiveImport, *states) -> None:
    if job.state not in states:
        raise ServiceError(_("This archive is not at that step."), status=409, code="bad_state")


@transaction.atomic
def archive_import_exclude(actor, job: ArchiveImport, post_ids, *, excluded: bool = True) -> int:
    """Leave posts out (or bring them back), during the review or after the import."""
    require_editor(actor, job.memorial)
    _require_state(job, ArchiveImport.State.REVIEW, ArchiveImport.State.IMPORTED)
    try:
        ids = [int(i) for i in post_ids]
    except (TypeError, ValueError) as exc:
        raise ServiceError(_("Unknown post."), field="posts", code="invalid") from exc
    changed = ImportedPost.objects.filter(archive_import=job, pk__in=ids).update(excluded=excluded)
    if changed:
        log(job.memorial, actor, "import.exclude" if excluded else "import.include", archive=job.pk, posts=changed)
    return changed


@transaction.atomic
def archive_import_confirm(actor, job: ArchiveImport) -> ArchiveImport:
    """review → imported: the kept posts appear on the memorial (never in anyone's timeline)."""
    require_editor(actor, job.memorial)
    job = ArchiveImport.objects.select_for_update().get(pk=job.pk)
    _require_state(job, ArchiveImport.State.REVIEW)
    job.state = ArchiveImport.State.IMPORTED
    job.save(update_fields=["state"])
    kept = ImportedPost.objects.filter(archive_import=job, excluded=False).count()
    log(job.memorial, actor, "import.confirm", archive=job.pk, posts=kept)
    return job


@transaction.atomic
def archive_import_discard(actor, job: ArchiveImport) -> None:
    """Forget an import and every post read from it (a running job notices and stops)."""
    require_editor(actor, job.memorial)
    if job.path:
        (importer.imports_dir() / job.path).unlink(missing_ok=True)
    log(job.memorial, actor, "import.discard", archive=job.pk)
    job.delete()


def last_words_from_import(actor, post: ImportedPost, *, consent: str, content_warning: str = "") -> LastWords:
    """Take an imported post (usually the proposal) as the last words, with its date, platform and link."""
    memorial = post.memorial
    require_editor(actor, memorial)
    if post.excluded or post.archive_import.state not in (ArchiveImport.State.REVIEW, ArchiveImport.State.IMPORTED):
        raise ServiceError(_("This post is not available."), field="post", code="unavailable")
    return last_words_set(
        actor,
        memorial,
        consent=consent,
        text=post.text[:5000],
        posted_at=post.posted_at,
        where=str(ArchiveImport.Platform(post.archive_import.platform).label),
        original_url=post.url,
        content_warning=content_warning or post.content_warning,
    )

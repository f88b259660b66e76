"""Erasing an account for real: every row linked to the member goes, with the files those rows held.

Django's collector gathers what deleting the member deletes (coverage.py says what each link does: CASCADE
erases, SET_NULL keeps the row without them). We collect first to learn which uploaded files go with those rows
(tribute and sighting photos, appeal photos, post images, the avatar), delete the rows, then the files once the
transaction has committed, so a failed erasure never leaves rows pointing to missing files.
"""

from __future__ import annotations

from pathlib import Path

from django.db import models, router, transaction
from django.db.models.deletion import Collector

from reconfort.accounts.models import User
from reconfort.accounts.security import sessions_end_all
from reconfort.moderation.services import audit_record

from .models import Export


def _file_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _files_of(collector: Collector) -> list[tuple[object, str]]:
    """(storage, name) of every file held by a row the collector will delete."""
    found = []
    for model, instances in collector.data.items():
        for name in _file_fields(model):
            storage = model._meta.get_field(name).storage
            found += [(storage, getattr(obj, name).name) for obj in instances if getattr(obj, name)]
    for queryset in collector.fast_deletes:  # deleted in one query, never loaded: read only their file names
        for name in _file_fields(queryset.model):
            storage = queryset.model._meta.get_field(name).storage
            found += [(storage, value) for value in queryset.values_list(name, flat=True) if value]
    return found


def account_erase(user: User, exports_dir: Path, *, audit_action: str = "account.erase") -> None:
    """Erase the member now (the grace period is the caller's business)."""
    with transaction.atomic():
        audit_record(None, audit_action, user, after={"username": user.username})
        sessions_end_all(user)  # Django's session rows have no foreign key to the member
        archives = [exports_dir / e.path for e in Export.objects.filter(user=user).exclude(path="")]
        collector = Collector(using=router.db_for_write(User, instance=user), origin=user)
        collector.collect([user])
        files = _files_of(collector)
        collector.delete()

        def remove_files():
            for storage, name in files:
                storage.delete(name)
            for path in archives:
                path.unlink(missing_ok=True)

        transaction.on_commit(remove_files)

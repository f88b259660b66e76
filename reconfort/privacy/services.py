"""Export everything a member has; erase an account after a 30-day grace period."""

from __future__ import annotations

import secrets
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import User
from reconfort.core import ratelimit
from reconfort.core.errors import NotFound, ServiceError
from reconfort.moderation import selectors as moderation_selectors
from reconfort.posts.models import Post

from . import erasure, tasks  # tasks imports this module back; attributes are read at call time
from .exports import archive
from .models import DELETION_GRACE, AccountDeletion, Export


def exports_dir() -> Path:
    path = Path(settings.DATA_DIR) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_request(user: User) -> Export:
    """Start preparing an archive (or return the one already being prepared)."""
    running = Export.objects.filter(user=user, state__in=[Export.State.PENDING, Export.State.RUNNING]).first()
    if running:
        return running
    ratelimit.hit_account("export", user)
    with transaction.atomic():
        export = Export.objects.create(user=user)
        transaction.on_commit(lambda: tasks.build_export(export.pk))
    return export


def _set_progress(export: Export, percent: int, state: str | None = None) -> None:
    export.progress = percent
    fields = ["progress"]
    if state:
        export.state = state
        fields.append("state")
    export.save(update_fields=fields)


def export_build(export_id: int) -> None:
    """Write the archive (exports.FILES lists its files; account.json lists them for the member). Safe to run
    twice (a finished export is left alone)."""
    export = Export.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.state == Export.State.DONE:
        return
    user = export.user
    _set_progress(export, 5, Export.State.RUNNING)
    posts = list(
        Post.objects.filter(author=user)
        .select_related("author", "in_reply_to__author", "reblog_of__author")
        .prefetch_related("media", "edits")
        .order_by("id")
    )
    _set_progress(export, 20)
    name = f"reconfort-{user.username}-{timezone.now():%Y%m%d}-{secrets.token_hex(8)}.zip"
    target = exports_dir() / name
    try:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
            archive.write(zipped, user, posts, lambda percent: _set_progress(export, percent), start=20, end=95)
    except OSError:
        target.unlink(missing_ok=True)
        _set_progress(export, 0, Export.State.FAILED)
        raise
    export.path, export.finished_at = name, timezone.now()
    export.progress, export.state = 100, Export.State.DONE
    export.save(update_fields=["path", "finished_at", "progress", "state"])


def export_file(user: User, export_id) -> Path:
    """The archive's path, for its owner only (anyone else gets NotFound)."""
    try:
        export = Export.objects.get(pk=int(export_id), user=user, state=Export.State.DONE)
    except (Export.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(_("There is no such archive.")) from exc
    return exports_dir() / export.path


@transaction.atomic
def deletion_request(user: User, *, password: str) -> AccountDeletion:
    if not user.check_password(password or ""):
        raise ServiceError(_("Your password is not correct."), field="password", code="wrong_password")
    deletion, _created = AccountDeletion.objects.get_or_create(
        user=user, defaults={"erase_after": timezone.now() + DELETION_GRACE}
    )
    return deletion


@transaction.atomic
def deletion_cancel(user: User) -> None:
    AccountDeletion.objects.filter(user=user).delete()


def suspended_accounts_purge(now=None) -> int:
    """Members suspended more than 30 days ago (moderation's grace) are erased like a deleted account: every row,
    their files, archives and sessions (reports they made stay, anonymised). Here rather than in moderation, which
    may not reach the privacy app's erasure (import layers)."""
    count = 0
    for user in moderation_selectors.suspended_past_grace(now):
        erasure.account_erase(user, exports_dir(), audit_action="account.purge")
        count += 1
    return count


def deletion_erase_due(now=None) -> int:
    """Erase the accounts whose grace period is over: every row linked to them goes (reports they made stay,
    anonymised: coverage.ANONYMISED), and their files too."""
    due = AccountDeletion.objects.filter(erase_after__lte=now or timezone.now()).select_related("user")
    count = 0
    for deletion in due:
        erasure.account_erase(deletion.user, exports_dir())
        count += 1
    return count

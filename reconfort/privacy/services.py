"""Export everything a member has; erase an account after a 30-day grace period."""

from __future__ import annotations

import json
import secrets
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Block, Follow, Mute, User
from reconfort.core import ratelimit
from reconfort.core.errors import NotFound, ServiceError
from reconfort.moderation.services import audit_record
from reconfort.posts.models import Gesture, MediaAttachment, Post

from . import activitystreams, comfort_export, tasks  # tasks imports this module back; attributes are read at call time
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


def _account_data(user: User) -> dict:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "bio": user.bio,
        "language": user.language,
        "time_zone": user.time_zone,
        "locked": user.locked,
        "discoverable": user.discoverable,
        "joined": user.date_joined.isoformat(),
        "avatar": "media/" + Path(user.avatar.name).name if user.avatar else None,
    }


def _post_data(post: Post) -> dict:
    return {
        "id": post.pk,
        "kind": post.kind,
        "visibility": post.visibility,
        "text": post.text,
        "content_warning": post.spoiler_text,
        "language": post.language,
        "title": post.title,
        "is_story": post.is_story,
        "created_at": post.created_at.isoformat(),
        "edited_at": post.edited_at.isoformat() if post.edited_at else None,
        "held": post.held,  # a reply waiting for the approval of the author it answers (kind-reply guard)
        "in_reply_to": post.in_reply_to_id,
        "reshare_of": post.reblog_of_id,
        "tags": post.tag_names,
        "gestures_received": post.gesture_counts,
        "history": [
            {"text": e.text, "content_warning": e.spoiler_text, "at": e.created_at.isoformat()}
            for e in post.edits.all()
        ],
    }


def _relations(user: User) -> dict:
    def accts(qs, field):
        return sorted(qs.values_list(f"{field}__username", flat=True))

    return {
        "following": accts(Follow.objects.filter(follower=user, state=Follow.State.ACCEPTED), "target"),
        "followers": accts(Follow.objects.filter(target=user, state=Follow.State.ACCEPTED), "follower"),
        "blocked": accts(Block.objects.filter(account=user), "target"),
        "muted": accts(Mute.objects.filter(account=user), "target"),
    }


def _set_progress(export: Export, percent: int, state: str | None = None) -> None:
    export.progress = percent
    fields = ["progress"]
    if state:
        export.state = state
        fields.append("state")
    export.save(update_fields=fields)


def export_build(export_id: int) -> None:
    """Write the archive: account.json, posts.json, outbox.json (ActivityStreams), relations.json, gestures.json,
    comfort/circles/kindred/crises/tags.json and the member's images. Safe to run twice (a finished export is left
    alone)."""
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
    _set_progress(export, 40)
    name = f"reconfort-{user.username}-{timezone.now():%Y%m%d}-{secrets.token_hex(8)}.zip"
    target = exports_dir() / name
    try:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:

            def write(filename, data):
                archive.writestr(filename, json.dumps(data, ensure_ascii=False, indent=2))

            write("account.json", _account_data(user))
            write("posts.json", [_post_data(p) for p in posts])
            write("outbox.json", activitystreams.outbox(user, posts))
            _set_progress(export, 70)
            write("relations.json", _relations(user))
            write(
                "gestures.json",
                [
                    {"post": g.post_id, "kind": g.kind, "at": g.created_at.isoformat()}
                    for g in Gesture.objects.filter(account=user).order_by("id")
                ],
            )
            # What the later capabilities keep about the member (comfort, circles, kindred, safety, crises, tags).
            write("comfort.json", {**comfort_export.comfort_data(user), "guard": comfort_export.guard_data(user)})
            write("circles.json", comfort_export.circles_data(user))
            write("kindred.json", comfort_export.kindred_data(user))
            write("crises.json", comfort_export.crisis_data(user))
            write("tags.json", comfort_export.tags_data(user))
            files = [user.avatar] if user.avatar else []
            files += [m.file for m in MediaAttachment.objects.filter(owner=user)]
            for f in files:
                if f.storage.exists(f.name):
                    archive.write(f.path, "media/" + Path(f.name).name)
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


def _delete_files(user: User) -> None:
    files = [user.avatar] if user.avatar else []
    files += [m.file for m in MediaAttachment.objects.filter(owner=user)]
    for f in files:
        f.storage.delete(f.name)
    for export in Export.objects.filter(user=user).exclude(path=""):
        (exports_dir() / export.path).unlink(missing_ok=True)


def deletion_erase_due(now=None) -> int:
    """Erase the accounts whose grace period is over: every row linked to them goes (reports they made stay,
    anonymised); their files too."""
    due = AccountDeletion.objects.filter(erase_after__lte=now or timezone.now()).select_related("user")
    count = 0
    for deletion in due:
        user = deletion.user
        with transaction.atomic():
            audit_record(None, "account.erase", user, after={"username": user.username})
            _delete_files(user)
            user.delete()
        count += 1
    return count

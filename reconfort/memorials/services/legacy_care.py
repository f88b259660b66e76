"""What a confirmed legacy contact may do for a memorialised account, beyond the statement and the pinned post
(accounts.account_memorial_update): change the avatar, download the account's public archive, and ask for the
account to be deleted after all. Never read its direct messages or edit its posts (issue 4, point 6)."""

from __future__ import annotations

import json
import zipfile

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.core.images import clean_image
from reconfort.posts.models import Post, Visibility

from ..models import AccountMemorial, AccountWishes, MemorialisationRequest
from .accounts import _is_confirmed_contact

ARCHIVE_VISIBILITIES = (Visibility.PUBLIC, Visibility.UNLISTED)


def legacy_care_check(actor, account) -> AccountMemorial:
    """The account is memorialised and the actor is its confirmed legacy contact; otherwise refused."""
    state = AccountMemorial.objects.filter(account=account, reversed_at__isnull=True).first()
    if state is None:
        raise NotFound(_("This account is not memorialised."))
    if not (actor.is_authenticated and _is_confirmed_contact(actor, account)):
        raise Forbidden(_("Only the legacy contact can do this."), code="not_legacy_contact")
    return state


@transaction.atomic
def account_memorial_set_avatar(actor, account, upload) -> None:
    legacy_care_check(actor, account)
    try:
        cleaned = clean_image(upload, max_side=400, square=True)  # re-encoded: no EXIF, no GPS
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], field="avatar", code="invalid_image") from exc
    old = account.avatar.name if account.avatar else None
    account.avatar.save(cleaned.name, cleaned, save=False)
    account.save(update_fields=["avatar"])
    if old:
        transaction.on_commit(lambda: account.avatar.storage.delete(old))


def _post_entry(post: Post) -> dict:
    return {
        "id": str(post.pk),
        "created_at": post.created_at.isoformat(),
        "visibility": post.visibility,
        "kind": post.kind,
        "in_reply_to_id": str(post.in_reply_to_id) if post.in_reply_to_id else None,
        "spoiler_text": post.spoiler_text,
        "title": post.title,
        "text": post.text,
        "language": post.language,
        "media": [m.file.name for m in post.media.all()],
    }


def legacy_archive_write(actor, account, out) -> int:
    """Write the account's public and unlisted posts (never followers-only or direct ones) and its profile as a
    zip into `out`; return how many posts it holds. Posts are read in batches, so a long life fits in memory."""
    state = legacy_care_check(actor, account)
    posts = (
        Post.objects.filter(author=account, visibility__in=ARCHIVE_VISIBILITIES, reblog_of__isnull=True)
        .prefetch_related("media")
        .order_by("created_at", "id")
    )
    count = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        profile = {
            "username": account.username,
            "display_name": account.display_name,
            "bio": account.bio,
            "joined_at": account.date_joined.isoformat(),
            "memorialised_at": state.memorialised_at.isoformat(),
            "statement": state.statement,
            "exported_at": timezone.now().isoformat(),
        }
        archive.writestr("profile.json", json.dumps(profile, ensure_ascii=False, indent=2))
        with archive.open("posts.jsonl", "w") as lines:
            for post in posts.iterator(chunk_size=500):
                lines.write((json.dumps(_post_entry(post), ensure_ascii=False) + "\n").encode())
                count += 1
    return count


def account_deletion_request(actor, account) -> MemorialisationRequest:
    """The legacy contact asks for the memorialised account to be deleted after all; a moderator reviews it like
    a memorialisation request (approved: the account is closed)."""
    legacy_care_check(actor, account)
    existing = MemorialisationRequest.objects.filter(account=account, state=MemorialisationRequest.State.PENDING)
    if existing.exists():
        raise ServiceError(
            _("A request about this account is already with the moderators."), status=409, code="pending"
        )
    ratelimit.hit_account("report", actor)
    with transaction.atomic():
        request = MemorialisationRequest.objects.create(
            account=account,
            requested_by=actor,
            relation=MemorialisationRequest.Relation.LEGACY_CONTACT,
            wishes=AccountWishes.OnDeath.DELETE,
        )
        events.emit(
            events.MEMORIAL_REVIEW_REQUESTED,
            kind="memorialisation",
            subject_type="memorials.memorialisationrequest",
            subject_id=request.pk,
            risk=3,
            requested_by_id=actor.pk,
            reason=str(_("The legacy contact asks for the account to be deleted.")),
        )
    return request

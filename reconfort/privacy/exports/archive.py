"""Writes the export archive: every section of exports/ into one zip, then account.json with the list of files."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable

from django.utils import translation

from reconfort.posts.models import MediaAttachment

from .. import activitystreams, comfort_export
from . import FILES, account, appeals, comfort, crisis, memorials, moderation, security
from .common import flat_media_name, media_name


def _sections(user, posts) -> list[tuple[str, Callable[[], object]]]:
    """Each file and what writes it, in the order written (account.json comes last: it lists the others)."""
    return [
        ("posts.json", lambda: [account.post_data(p) for p in posts]),
        ("outbox.json", lambda: activitystreams.outbox(user, posts)),
        ("relations.json", lambda: account.relations_data(user)),
        ("gestures.json", lambda: account.gestures_data(user)),
        ("memorials.json", lambda: memorials.memorials_data(user)),
        ("appeals.json", lambda: appeals.appeals_data(user)),
        (
            "comfort.json",
            lambda: {
                **comfort_export.comfort_data(user),
                "guard": comfort_export.guard_data(user),
                "call_outs": comfort.call_outs_data(user),
                **comfort.queue_data(user),
            },
        ),
        ("circles.json", lambda: {**comfort_export.circles_data(user), **comfort.circles_hosted_data(user)}),
        ("kindred.json", lambda: comfort_export.kindred_data(user)),
        ("crises.json", lambda: {**comfort_export.crisis_data(user), **crisis.crisis_more_data(user)}),
        ("tags.json", lambda: comfort_export.tags_data(user)),
        ("moderation.json", lambda: moderation.moderation_data(user)),
        ("security.json", lambda: security.security_data(user)),
    ]


def _media(user) -> dict[str, object]:
    """The member's files, by their name in the archive."""
    found = {}
    for file in [user.avatar] if user.avatar else []:
        found[flat_media_name(file)] = file
    for attachment in MediaAttachment.objects.filter(owner=user).order_by("id"):
        found[flat_media_name(attachment.file)] = attachment.file
    for file in memorials.memorials_files(user) + appeals.appeals_files(user):
        found[media_name(file)] = file
    return found


def _index(names: list[str], language: str) -> list[dict]:
    with translation.override(language):
        return [{"name": name, "holds": str(FILES[name])} for name in names]


def write(archive: zipfile.ZipFile, user, posts, progress: Callable[[int], None], *, start: int, end: int) -> None:
    """Write every file; `progress` hears the percentage, from `start` to `end`."""

    def put(filename, data):
        archive.writestr(filename, json.dumps(data, ensure_ascii=False, indent=2))

    sections = _sections(user, posts)
    written = []
    for done, (filename, build) in enumerate(sections, start=1):
        put(filename, build())
        written.append(filename)
        progress(start + (end - start) * done // (len(sections) + 1))
    media = 0
    for name, file in _media(user).items():
        if file.storage.exists(file.name):
            archive.write(file.path, name)
            media += 1
    index = ["account.json", *written] + (["media/"] if media else [])
    put("account.json", {**account.account_data(user), "archive": {"files": _index(index, user.language)}})

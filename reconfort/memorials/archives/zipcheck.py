"""Refuse hostile or unknown zips before reading a single post: not a zip, zip bombs (ratio and total size),
names that point outside the archive, too many files, no file with posts, an unknown format."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from . import mastodon, twitter
from .found import ArchiveRefused

MAX_ENTRIES = 50_000
# Past this size an entry must not unpack to more than MAX_RATIO times what it takes in the zip. JSON compresses
# about 5 to 15 times; a bomb, thousands of times.
RATIO_FLOOR = 1024 * 1024
MAX_RATIO = 100
_DRIVE = re.compile(r"^[A-Za-z]:")

PLATFORMS = {"twitter": twitter, "mastodon": mastodon}


@dataclass
class Inspected:
    platform: str
    posts: list[zipfile.ZipInfo] = field(default_factory=list)  # the files with posts, in part order
    account: zipfile.ZipInfo | None = None

    @property
    def total_bytes(self) -> int:
        return sum(info.file_size for info in self.posts)


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts or "\x00" in name


def _part_number(info: zipfile.ZipInfo) -> int:
    match = re.search(r"-part(\d+)\.js$", info.filename)
    return int(match.group(1)) if match else 0


def open_zip(fileobj) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveRefused("not_zip") from exc


def inspect(archive: zipfile.ZipFile, *, max_unpacked: int) -> Inspected:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise ArchiveRefused("too_many_files")
    if any(_unsafe(info.filename) for info in entries):
        raise ArchiveRefused("unsafe_names")
    if sum(info.file_size for info in entries) > max_unpacked:
        raise ArchiveRefused("bomb", "total size")
    for info in entries:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ArchiveRefused("bomb", f"ratio of {info.filename}")
    found = {
        name: [info for info in entries if not info.is_dir() and module.POSTS.match(info.filename)]
        for name, module in PLATFORMS.items()
    }
    platforms = [name for name, posts in found.items() if posts]
    if len(platforms) != 1:
        # Only an account file and no posts: a real archive missing its posts file.
        if not platforms and any(m.ACCOUNT.match(i.filename) for m in PLATFORMS.values() for i in entries):
            raise ArchiveRefused("missing_file")
        raise ArchiveRefused("unknown_format")
    platform = platforms[0]
    posts = sorted(found[platform], key=lambda info: (_part_number(info), info.filename))
    if any(info.flag_bits & 0x1 for info in posts):
        raise ArchiveRefused("malformed", "encrypted")
    account = next((i for i in entries if PLATFORMS[platform].ACCOUNT.match(i.filename)), None)
    return Inspected(platform=platform, posts=posts, account=account)

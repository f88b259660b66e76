"""Read the items of one JSON array out of a byte stream, one at a time.

An archive of 100 000 posts is never loaded whole: we keep a buffer of about one chunk plus the item being read,
find where the array starts (after `window.YTD.tweets.part0 =` or `"orderedItems":`), then hand each item to
`json.JSONDecoder.raw_decode`, reading more only when an item runs past the end of the buffer.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator

from .found import ArchiveRefused

CHUNK = 64 * 1024
# One post is a few kilobytes; an "item" larger than this is not a post but an attack or a broken file.
MAX_ITEM = 4 * 1024 * 1024
# How far we look for the start of the array before calling the file malformed.
MAX_PREAMBLE = 1024 * 1024
_SPACE = re.compile(r"[ \t\n\r]*")


class ArrayReader:
    def __init__(self, raw, start: re.Pattern, *, anchored: bool = False):
        self._raw = raw  # a binary file-like, e.g. ZipFile.open(member)
        self._start = start
        self._anchored = anchored
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._buf = ""
        self._pos = 0
        self._eof = False
        self.bytes_read = 0

    def _fill(self) -> bool:
        if self._eof:
            return False
        chunk = self._raw.read(CHUNK)
        self.bytes_read += len(chunk)
        try:
            text = self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise ArchiveRefused("malformed", "not UTF-8") from exc
        self._eof = not chunk
        self._buf = self._buf[self._pos :] + text
        self._pos = 0
        return True

    def _find_start(self) -> None:
        while True:
            match = self._start.match(self._buf) if self._anchored else self._start.search(self._buf)
            if match:
                self._pos = match.end()
                return
            if len(self._buf) > MAX_PREAMBLE or not self._fill():
                raise ArchiveRefused("malformed", "array not found")
            if not self._anchored and len(self._buf) > 2 * CHUNK:
                # keep a tail long enough for the start marker to straddle two chunks
                self._buf, self._pos = self._buf[-256:], 0

    def _skip_space(self) -> bool:
        """Move past white space; False at the end of the stream."""
        while True:
            self._pos = _SPACE.match(self._buf, self._pos).end()
            if self._pos < len(self._buf):
                return True
            if not self._fill():
                return False

    def items(self) -> Iterator:
        self._find_start()
        decoder = json.JSONDecoder()
        first = True
        while True:
            if not self._skip_space():
                raise ArchiveRefused("malformed", "array not closed")
            char = self._buf[self._pos]
            if char == "]":
                return
            if not first:
                if char != ",":
                    raise ArchiveRefused("malformed", "expected a comma")
                self._pos += 1
                if not self._skip_space():
                    raise ArchiveRefused("malformed", "array not closed")
            while True:
                try:
                    item, end = decoder.raw_decode(self._buf, self._pos)
                    break
                except json.JSONDecodeError as exc:
                    if len(self._buf) - self._pos > MAX_ITEM or not self._fill():
                        raise ArchiveRefused("malformed", "bad item") from exc
            self._pos, first = end, False
            yield item

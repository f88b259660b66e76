"""Small helpers shared by the export's sections."""

from __future__ import annotations

from pathlib import Path


def at(moment) -> str | None:
    """A date or a moment as ISO 8601, or None."""
    return moment.isoformat() if moment else None


def media_name(file) -> str | None:
    """Where an uploaded file is put in the archive: under media/, in the folder it is stored in (tributes/,
    appeals/ …), so two files never meet. None when there is no file."""
    return "media/" + file.name if file else None


def flat_media_name(file) -> str | None:
    """The older, flat place of the avatar and post images (media/<name>), which outbox.json points to."""
    return "media/" + Path(file.name).name if file else None

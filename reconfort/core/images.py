"""Image intake with Pillow: verify it is an image, bound its size, drop all metadata (EXIF, GPS)."""

from __future__ import annotations

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
Image.MAX_IMAGE_PIXELS = 40_000_000  # refuse decompression bombs


def clean_image(upload, *, max_side: int, square: bool = False) -> ContentFile:
    """Return a re-encoded copy of `upload` with no metadata, at most `max_side` pixels per side.

    Raises ValidationError (translated) for anything that is not a readable image.
    """
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The image is too large (8 MB at most)."), code="too_large")
    try:
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("This file is not an image we can read."), code="not_image") from exc
    image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF asked for, then drop EXIF
    if square:
        image = ImageOps.fit(image, (max_side, max_side))
    else:
        image.thumbnail((max_side, max_side))
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    out = io.BytesIO()
    if has_alpha:
        # A fresh image carries no info dict: nothing of the original's metadata survives.
        clean = Image.new("RGBA", image.size)
        clean.paste(image.convert("RGBA"))
        clean.save(out, format="PNG", optimize=True)
        ext = "png"
    else:
        clean = Image.new("RGB", image.size)
        clean.paste(image.convert("RGB"))
        clean.save(out, format="JPEG", quality=85, optimize=True)
        ext = "jpg"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ext}")

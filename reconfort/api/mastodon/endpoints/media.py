"""Image uploads (v1 and v2 behave the same: images are processed at once)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja import File, Form, Router
from ninja.files import UploadedFile

from reconfort.core.errors import ServiceError
from reconfort.posts.services import media_upload

from ..auth import member
from ..entities.media import Attachment, render_media
from ..responses import json_response

router = Router(tags=["media"])
# The file is needed (_upload refuses its absence with a message); ninja would document it as optional.
NEEDS_FILE = {"requestBody": {"content": {"multipart/form-data": {"schema": {"required": ["file"]}}}}}


def _upload(request, file, description):
    if file is None:
        raise ServiceError(_("Choose an image to upload."), field="file")
    return json_response(render_media(media_upload(request.auth, file, description=description or "")))


@router.post("/v2/media", response={200: Attachment}, auth=member("write:media"), openapi_extra=NEEDS_FILE)
def upload_v2(request, file: File[UploadedFile] = None, description: Form[str] = ""):
    return _upload(request, file, description)


@router.post("/v1/media", response={200: Attachment}, auth=member("write:media"), openapi_extra=NEEDS_FILE)
def upload_v1(request, file: File[UploadedFile] = None, description: Form[str] = ""):
    return _upload(request, file, description)

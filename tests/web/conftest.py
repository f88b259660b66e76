import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


@pytest.fixture
def png():
    """A small real PNG upload."""

    def make(name="photo.png"):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), (200, 180, 160)).save(buffer, format="PNG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

    return make


@pytest.fixture
def htmx_headers():
    return {"HTTP_HX_REQUEST": "true"}

"""Image intake: only real images, bounded in size, with no metadata (EXIF, GPS) left in them."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reconfort.core import images
from reconfort.core.images import clean_image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(size=(1200, 800), orientation=None) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


def reopen(content) -> Image.Image:
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


def test_the_fixture_really_carries_gps():
    original = Image.open(jpeg_with_gps())
    assert original.getexif().get_ifd(GPS_IFD)


def test_exif_and_gps_are_stripped_and_the_image_is_resized():
    cleaned = reopen(clean_image(jpeg_with_gps(), max_side=400))
    assert cleaned.size == (400, 267)
    assert not cleaned.getexif()
    assert "exif" not in cleaned.info


def test_orientation_is_applied_before_the_metadata_goes():
    # Orientation 6: the camera was turned; the stored pixels are landscape, the photo is portrait.
    cleaned = reopen(clean_image(jpeg_with_gps(size=(300, 200), orientation=6), max_side=1000))
    assert cleaned.size == (200, 300)
    assert not cleaned.getexif()


def test_square_avatars_are_cropped_to_the_side():
    cleaned = reopen(clean_image(jpeg_with_gps(), max_side=128, square=True))
    assert cleaned.size == (128, 128)


def test_small_images_are_not_enlarged():
    assert reopen(clean_image(jpeg_with_gps(size=(64, 48)), max_side=400)).size == (64, 48)


def test_transparent_png_stays_png_with_its_alpha():
    out = io.BytesIO()
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(out, format="PNG")
    content = clean_image(SimpleUploadedFile("a.png", out.getvalue()), max_side=100)
    assert content.name.endswith(".png")
    assert reopen(content).mode == "RGBA"


@pytest.mark.parametrize(
    "payload",
    [
        b"%PDF-1.4 not an image at all",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,  # a PNG signature with nothing behind it
        b"",
    ],
)
def test_anything_but_a_readable_image_is_refused(payload):
    with pytest.raises(ValidationError) as exc:
        clean_image(SimpleUploadedFile("x.jpg", payload, content_type="image/jpeg"), max_side=400)
    assert exc.value.code == "not_image"


def test_oversized_uploads_are_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 100)
    with pytest.raises(ValidationError) as exc:
        clean_image(jpeg_with_gps(), max_side=400)
    assert exc.value.code == "too_large"


def test_decompression_bombs_are_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ValidationError):
        clean_image(jpeg_with_gps(size=(100, 100)), max_side=400)

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reconfort.accounts.services import block_create
from reconfort.posts.models import MediaAttachment
from tests.factories import make_post


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (2400, 1200), "#ccddee")
    exif = Image.Exif()
    exif[0x8825] = {2: (48.0, 51.0, 0.0)}
    buf = io.BytesIO()
    image.save(buf, format="JPEG", exif=exif)
    return buf.getvalue()


def test_search_accounts_and_hashtags(api, user, other, third):
    make_post(other, "Une pensée #Réconfort #réunion")
    block_create(third, user)
    data = api.get("/api/v2/search", {"q": "tom"}).json()
    assert [a["username"] for a in data["accounts"]] == ["tom"] and data["statuses"] == []
    tags = api.get("/api/v2/search", {"q": "#ré", "type": "hashtags"}).json()
    assert sorted(t["name"] for t in tags["hashtags"]) == ["Réconfort", "réunion"] and tags["accounts"] == []
    assert api.get("/api/v2/search", {"q": "amina"}).json()["accounts"] == []  # blocked
    assert api.get("/api/v2/search", {"q": "tom", "limit": "x"}).status_code == 422
    assert [a["username"] for a in api.get("/api/v1/accounts/search", {"q": "@To"}).json()] == ["tom"]


def test_media_upload_v2_and_attach(api, user):
    upload = SimpleUploadedFile("p.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    response = api.post("/api/v2/media", {"file": upload, "description": "Le jardin de maman"})
    assert response.status_code == 200, response.content
    media = response.json()
    assert media["type"] == "image" and media["description"] == "Le jardin de maman"
    assert media["meta"]["original"]["width"] == 1600
    stored = MediaAttachment.objects.get(pk=media["id"])
    assert Image.open(stored.file.path).getexif().get(0x8825) is None
    status = api.post("/api/v1/statuses", {"status": "", "media_ids[]": [media["id"]]}).json()
    assert [m["id"] for m in status["media_attachments"]] == [media["id"]]


def test_media_refusals(api_for, user, other):
    client = api_for(user)
    not_image = SimpleUploadedFile("p.jpg", b"hello", content_type="image/jpeg")
    response = client.post("/api/v1/media", {"file": not_image})
    assert response.status_code == 422 and response.json()["error"]
    assert client.post("/api/v1/media", {"description": "rien"}).status_code == 422
    upload = SimpleUploadedFile("p.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    theirs = api_for(other).post("/api/v2/media", {"file": upload}).json()
    used = client.post("/api/v1/statuses", {"status": "vol", "media_ids[]": [theirs["id"]]})
    assert used.status_code == 422
    assert MediaAttachment.objects.count() == 1

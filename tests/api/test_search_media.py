import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reconfort.accounts.services import block_create, follow_create
from reconfort.posts.models import MediaAttachment
from tests.factories import make_post
from tests.memorials.conftest import make_memorial


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
    data = api.get("/api/v2/search", {"q": "tom", "type": "accounts"}).json()
    assert [a["username"] for a in data["accounts"]] == ["tom"] and data["statuses"] == []
    tags = api.get("/api/v2/search", {"q": "#ré", "type": "hashtags"}).json()
    assert sorted(t["name"] for t in tags["hashtags"]) == ["Réconfort", "réunion"] and tags["accounts"] == []
    assert api.get("/api/v2/search", {"q": "amina"}).json()["accounts"] == []  # blocked
    assert api.get("/api/v2/search", {"q": "tom", "limit": "x"}).status_code == 422
    assert [a["username"] for a in api.get("/api/v1/accounts/search", {"q": "@To"}).json()] == ["tom"]


def test_search_statuses_stemmed_ranked_and_filtered(api, user, other, third):
    follow_create(user, other)
    first = make_post(other, "Tant de souvenirs de Lyon", language="fr")
    make_post(other, "Souvenirs pour les abonnés", visibility="private")
    make_post(third, "Des souvenirs qu'on ne voit pas", visibility="private")
    last = make_post(third, "Happy memories, souvenir", language="en")
    data = api.get("/api/v2/search", {"q": "souvenir", "type": "statuses", "resolve": "true"}).json()
    texts = sorted(s["content"] for s in data["statuses"])
    assert len(texts) == 3 and not any("voit pas" in t for t in texts)
    assert data["accounts"] == [] and data["hashtags"] == [] and data["memorials"] == []
    only_tom = api.get("/api/v2/search", {"q": "souvenirs", "type": "statuses", "account_id": str(other.pk)})
    assert {s["account"]["id"] for s in only_tom.json()["statuses"]} == {str(other.pk)}
    following = api.get("/api/v2/search", {"q": "souvenirs", "type": "statuses", "following": "true"}).json()
    assert {s["account"]["id"] for s in following["statuses"]} == {str(other.pk)}
    newer = api.get("/api/v2/search", {"q": "souvenir", "type": "statuses", "min_id": str(first.pk)}).json()
    assert str(first.pk) not in {s["id"] for s in newer["statuses"]} and len(newer["statuses"]) == 2
    older = api.get("/api/v2/search", {"q": "souvenir", "type": "statuses", "max_id": str(last.pk)}).json()
    assert str(last.pk) not in {s["id"] for s in older["statuses"]}
    paged = api.get("/api/v2/search", {"q": "souvenir", "type": "statuses", "limit": "1", "offset": "1"}).json()
    assert len(paged["statuses"]) == 1
    assert api.get("/api/v2/search", {"q": "x", "type": "places"}).json()["error"]
    assert api.get("/api/v2/search", {"q": "x", "type": "places"}).status_code == 422
    assert api.get("/api/v2/search", {"q": "x", "account_id": "abc"}).status_code == 422


def test_search_anonymous_memorials_and_appeals(client, user, other):
    make_post(user, "Un souvenir public")
    make_post(user, "Un souvenir discret", visibility="private")
    make_memorial(user, full_name="Hélène Dupré", listed=True)
    make_memorial(user, full_name="Hélène Cachée", listed=False)
    statuses = client.get("/api/v2/search", {"q": "souvenirs"}).json()["statuses"]
    assert [s["content"] for s in statuses] == ["<p>Un souvenir public</p>"]
    memorials = client.get("/api/v2/search", {"q": "helene", "type": "memorials"}).json()["memorials"]
    assert [m["full_name"] for m in memorials] == ["Hélène Dupré"]
    assert client.get("/api/v2/search", {"q": "chat", "type": "appeals"}).json()["appeals"] == []


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

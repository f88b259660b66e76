"""The privacy settings page: an export with HTMX progress and an owner-only download; deletion with a grace."""

import zipfile
from io import BytesIO

import pytest
from django.test import Client

from reconfort.privacy.models import AccountDeletion, Export
from tests.factories import PASSWORD, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_export_prepared_then_downloaded_by_its_owner_only(user, other):
    make_post(user, text="Pour maman")
    client = signed_in(user)
    assert client.get("/settings/privacy/").status_code == 200
    assert client.post("/settings/privacy/exports/").status_code == 302
    export = Export.objects.get(user=user)  # background tasks run at once in tests
    assert export.state == Export.State.DONE
    page = client.get("/settings/privacy/").text
    assert f"/settings/privacy/exports/{export.pk}/download/" in page and 'hx-trigger="every 2s"' not in page
    response = client.get(f"/settings/privacy/exports/{export.pk}/download/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    with zipfile.ZipFile(BytesIO(b"".join(response.streaming_content))) as archive:
        assert "posts.json" in archive.namelist()
    # Anyone else: as if it did not exist.
    assert signed_in(other).get(f"/settings/privacy/exports/{export.pk}/download/").status_code == 404
    assert signed_in(other).get(f"/settings/privacy/exports/{export.pk}/").status_code == 404
    assert Client().get(f"/settings/privacy/exports/{export.pk}/download/").status_code == 302


def test_progress_is_polled_while_the_export_is_prepared(user):
    export = Export.objects.create(user=user, state=Export.State.RUNNING, progress=40)
    client = signed_in(user)
    fragment = client.get(f"/settings/privacy/exports/{export.pk}/", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'hx-trigger="every 2s"' in fragment.text and 'value="40"' in fragment.text
    assert client.get(f"/settings/privacy/exports/{export.pk}/download/").status_code == 404  # not ready
    Export.objects.filter(pk=export.pk).update(state=Export.State.FAILED, progress=0)
    assert 'hx-trigger="every 2s"' not in client.get(f"/settings/privacy/exports/{export.pk}/").text


def test_exports_are_rate_limited_with_a_kind_message(user, settings):
    settings.RECONFORT_RATE_LIMITS = {"export": (1, 86400)}
    client = signed_in(user)
    assert client.post("/settings/privacy/exports/").status_code == 302
    refused = client.post("/settings/privacy/exports/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0 and refused.context["problem"]
    assert Export.objects.filter(user=user).count() == 1


def test_deletion_needs_the_password_shows_the_grace_and_can_be_cancelled(user):
    client = signed_in(user)
    wrong = client.post("/settings/privacy/deletion/", {"password": "wrong"})
    assert wrong.status_code == 422 and not AccountDeletion.objects.exists()
    assert client.post("/settings/privacy/deletion/", {}).status_code == 422
    assert client.post("/settings/privacy/deletion/", {"password": PASSWORD}).status_code == 302
    deletion = AccountDeletion.objects.get(user=user)
    assert (deletion.erase_after - deletion.requested_at).days in (29, 30)
    page = client.get("/settings/privacy/")
    assert page.context["deletion"] == deletion and "/settings/privacy/deletion/cancel/" in page.text
    assert client.post("/settings/privacy/deletion/cancel/").status_code == 302
    assert not AccountDeletion.objects.exists()

"""Digital legacy in settings: wishes, the legacy contact's answer, and the request after a death."""

import pytest
from django.test import Client

from reconfort.memorials.models import AccountWishes, MemorialisationRequest
from reconfort.moderation.models import QueueItem

pytestmark = pytest.mark.django_db


def signed_in(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


def test_wishes_then_contact_accepts_then_asks_after_a_death(user, other):
    page = signed_in(user).get("/memorials/legacy/")
    assert page.status_code == 200 and b"legacy" in page.content.lower()
    response = signed_in(user).post("/memorials/legacy/", {"on_death": "memorialise", "legacy_contact": "TOM"})
    assert response.status_code == 302
    wishes = AccountWishes.objects.get(account=user)
    assert wishes.legacy_contact == other and wishes.contact_confirmed_at is None

    tom = signed_in(other)
    assert b"marie" in tom.get("/memorials/legacy/").content
    assert tom.post("/memorials/legacy/marie/accept/").status_code == 302
    wishes.refresh_from_db()
    assert wishes.contact_confirmed_at is not None

    assert tom.post("/memorials/legacy/marie/request/", {"relation": "legacy_contact"}).status_code == 302
    request = MemorialisationRequest.objects.get(account=user)
    assert request.requested_by == other
    assert QueueItem.objects.filter(kind="memorialisation", subject_id=request.pk).exists()


def test_refusals_change_nothing(user, other, third):
    client = signed_in(user)
    assert client.post("/memorials/legacy/", {"on_death": "memorialise", "legacy_contact": "nobody"}).status_code == 404
    assert client.post("/memorials/legacy/", {"on_death": "burn", "legacy_contact": ""}).status_code == 422
    assert client.post("/memorials/legacy/", {"on_death": "delete", "legacy_contact": "marie"}).status_code == 422
    assert not AccountWishes.objects.exists()
    # A stranger is not the confirmed contact; a family member must give a proof.
    stranger = signed_in(third)
    assert stranger.post("/memorials/legacy/marie/request/", {"relation": "legacy_contact"}).status_code == 403
    assert stranger.post("/memorials/legacy/marie/request/", {"relation": "family", "proof": ""}).status_code == 422
    assert not MemorialisationRequest.objects.exists()
    assert signed_in(third).get("/memorials/legacy/nobody/request/").status_code == 404


def test_signed_out_is_sent_to_login():
    response = Client().get("/memorials/legacy/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

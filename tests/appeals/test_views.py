"""Appeal pages: every page renders for the roles it serves, forms go through the services, privacy holds."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from reconfort.appeals import services
from reconfort.appeals.models import Appeal, Status
from reconfort.moderation.models import Report
from reconfort.posts.services import post_reblog

from .conftest import NOW, details_for, make_appeal

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile("max.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def as_user(client, user):
    client.force_login(user)
    return client


def test_near_page_lists_by_distance_for_anyone(client, user):
    make_appeal(user, title="Max the cat")
    response = client.get("/appeals/", {"place": "Lyon", "radius_km": 10})
    assert response.status_code == 200
    assert "Max the cat" in response.text and "km" in response.text
    assert client.get("/appeals/", {"place": "Xyzzyville"}).status_code == 200
    assert client.get("/appeals/", {"latitude": "abc"}).status_code == 200
    assert "Lyon" in client.get("/appeals/places/", {"place": "lyo"}).text


@pytest.mark.parametrize("kind", ["blood", "missing_person", "missing_pet", "prayer", "help"])
def test_every_kind_has_a_form(as_user, kind):
    assert as_user.get(f"/appeals/new/{kind}/").status_code == 200
    assert as_user.get("/appeals/new/lottery/").status_code == 404


def test_create_a_pet_appeal_with_a_photo_then_resolve_it(as_user, user, other):
    data = {f"d-{k}": v for k, v in details_for("missing_pet").items() if k != "microchipped"}
    data.update({"d-last_seen_at": "2026-01-01T10:00", "d-microchipped": "on", "title": "Max", "place": "Lyon, FR"})
    data["radius_km"] = 10
    response = as_user.post("/appeals/new/missing_pet/", {**data, "photos": png()})
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/appeals/{appeal.pk}/"
    assert appeal.photos.count() == 1 and appeal.private_details["microchip_number"]
    page = as_user.get(f"/appeals/{appeal.pk}/").text
    assert "nobody from Réconfort will ever ask you for money" in page or "Réconfort" in page
    assert appeal.private_details["microchip_number"] not in page
    post_reblog(other, appeal.post)
    response = as_user.post(f"/appeals/{appeal.pk}/resolve/", {"resolution": "reunited", "note": "Home!"})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Status.RESOLVED
    # The resharer hears it in the main notifications, with the outcome.
    client = Client()
    client.force_login(other)
    page = client.get("/notifications/").text
    assert f'href="/appeals/{appeal.pk}/"' in page and ("réunis" in page.lower() or "reunited" in page.lower())


def test_invalid_create_shows_errors_and_changes_nothing(as_user):
    response = as_user.post("/appeals/new/blood/", {"title": "Blood", "place": "Lyon", "radius_km": 10})
    assert response.status_code == 422 and Appeal.objects.count() == 0


def test_detail_private_parts_by_role(client, user, other, moderator):
    appeal = make_appeal(user, "blood")
    services.offer_create(other, appeal, message="I will come Monday", blood_group="AB-", now=NOW)
    shown = " AB- "  # as the owner's offer list prints it (the offer form's options say "AB−")

    def page():
        return client.get(f"/appeals/{appeal.pk}/").text

    assert shown not in page() and "Monday" not in page()  # anonymous
    client.force_login(other)
    assert shown not in page()  # the donor's group is not even shown back
    client.force_login(moderator)
    assert shown not in page() and "Monday" not in page()  # moderators see offers of missing people only
    client.force_login(user)
    assert shown in page() and "I will come Monday" in page()


def test_exact_coordinates_only_for_the_owner(client, user):
    appeal = make_appeal(user, latitude=45.757812, longitude=4.832011)
    assert "45.75781" not in client.get(f"/appeals/{appeal.pk}/").text
    client.force_login(user)
    assert "45.75781" in client.get(f"/appeals/{appeal.pk}/").text


def test_sighting_goes_to_the_owner_only(client, user, other, third):
    appeal = make_appeal(user)
    client.force_login(other)
    response = client.post(f"/appeals/{appeal.pk}/sightings/new/", {"note": "Under a car, rue Dumenge"})
    assert response.status_code == 302
    client.force_login(third)
    assert "rue Dumenge" not in client.get(f"/appeals/{appeal.pk}/").text
    assert client.get(f"/appeals/{appeal.pk}/sightings/").status_code == 403
    client.force_login(user)
    assert "rue Dumenge" in client.get(f"/appeals/{appeal.pk}/sightings/").text


def test_pending_and_child_appeals(client, user, moderator):
    child = make_appeal(
        user, "missing_person", details={**details_for("missing_person"), "age": 9, "authority_reference": "PV-1"}
    )
    assert client.get(f"/appeals/{child.pk}/").status_code == 404
    services.appeal_approve(moderator, child, now=NOW)
    page = client.get(f"/appeals/{child.pk}/").text
    assert "116 000" in page and 'name="robots" content="noindex' in page
    assert 'property="og:title"' in page


def test_poster_has_an_inline_svg_qr_code(client, user):
    appeal = make_appeal(user)
    page = client.get(f"/appeals/{appeal.pk}/poster/").text
    assert "<svg" in page and f"/appeals/{appeal.pk}/" in page and "print.css" in page


def test_anonymous_and_strangers_cannot_act(client, user, other):
    appeal = make_appeal(user)
    assert client.post(f"/appeals/{appeal.pk}/resolve/", {"resolution": "reunited"}).status_code == 302  # to login
    client.force_login(other)
    assert client.post(f"/appeals/{appeal.pk}/resolve/", {"resolution": "reunited"}).status_code == 403
    assert client.post(f"/appeals/{appeal.pk}/withdraw/", {}).status_code == 403
    appeal.refresh_from_db()
    assert appeal.status == Status.OPEN


def test_owner_pages(client, user):
    appeal = make_appeal(user)
    client.force_login(user)
    assert client.get("/appeals/mine/").status_code == 200
    assert '<a href="/appeals/" aria-current="page">' in client.get("/appeals/mine/").text  # the main menu
    assert '<a href="/appeals/">' in client.get("/notifications/").text
    assert client.get("/appeals/new/").status_code == 200
    assert client.get(f"/appeals/{appeal.pk}/edit/").status_code == 200
    assert client.post(f"/appeals/{appeal.pk}/updates/", {"text": "Still looking"}).status_code == 302
    assert client.post(f"/appeals/{appeal.pk}/reconfirm/").status_code == 302
    services.appeal_withdraw(user, appeal)
    response = client.get("/appeals/notices/")
    assert response.status_code == 200


def test_a_member_reports_the_appeal_itself(client, user, other):
    appeal = make_appeal(user)
    client.force_login(other)
    page = client.get(f"/appeals/{appeal.pk}/").text
    link = reverse("moderation:report_about", args=["appeal", appeal.pk])
    assert link in page
    assert client.get(link).status_code == 200
    response = client.post(link, {"category": "spam"})
    assert response.status_code == 302 and response["Location"] == f"/appeals/{appeal.pk}/"
    report = Report.objects.get()
    assert report.appeal == appeal and report.target_account == user and not report.posts.exists()
    client.force_login(user)
    assert "Report this appeal" not in client.get(f"/appeals/{appeal.pk}/").text

"""The appeals API: the same rules as the pages, by role (anonymous, member, owner, moderator, blocked member)."""

import io

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from reconfort.accounts.models import Role
from reconfort.accounts.services import block_create
from reconfort.appeals.models import Appeal, HelpOffer, Sighting, Status
from reconfort.posts.services import post_reblog
from tests.appeals.conftest import LYON, details_for
from tests.factories import UserFactory

PARIS = (48.8566, 2.3522)


@pytest.fixture(autouse=True)
def _members_old_enough(settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0
    settings.RECONFORT_DOMAIN = "reconfort.test"


def _past(details: dict) -> dict:
    """The shared example details, with moments in the past of the real clock the API uses."""
    moment = (timezone.now() - timezone.timedelta(hours=6)).isoformat()
    return {**details, **({"last_seen_at": moment} if "last_seen_at" in details else {})}


def pet_body(**overrides) -> dict:
    body = {
        "kind": "missing_pet",
        "title": "Max the ginger cat",
        "details": _past(details_for("missing_pet")),
        "latitude": 45.76712,
        "longitude": 4.83456,
    }
    body.update(overrides)
    return body


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile("max.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_create_read_and_privacy_by_viewer(api, api_for, anon, user, other):
    created = api.post_json("/api/v1/appeals", pet_body())
    assert created.status_code == 200, created.content
    data = created.json()
    assert data["status"] == "open" and data["kind"] == "missing_pet" and data["account"]["id"] == str(user.pk)
    assert data["status_id"] and data["url"] == f"http://reconfort.test/appeals/{data['id']}/"
    # The owner sees the exact point and the microchip number.
    assert data["place"] == {"name": "", "country_code": "", "latitude": 45.76712, "longitude": 4.83456, "exact": True}
    assert data["private_details"] == {"microchip_number": "250269801234567"}
    assert data["permissions"]["manage"] is True

    for client in (anon, api_for(other)):
        seen = client.get(f"/api/v1/appeals/{data['id']}").json()
        assert seen["place"]["latitude"] == 45.77 and seen["place"]["exact"] is False
        assert seen["private_details"] is None and "250269801234567" not in str(seen)
    assert api_for(other).get(f"/api/v1/appeals/{data['id']}").json()["permissions"]["report_sighting"] is True
    assert anon.get(f"/api/v1/appeals/{data['id']}").json()["permissions"]["report_sighting"] is False


def test_multipart_create_with_a_photo_and_nested_details(api):
    fields = {f"details[{k}]": v for k, v in _past(details_for("missing_pet")).items()}
    fields.update({"kind": "missing_pet", "title": "Max", "place": "Lyon, FR", "photos[]": jpeg()})
    response = api.post("/api/v1/appeals", fields)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["place"]["name"] == "Lyon" and data["place"]["country_code"] == "FR"
    assert len(data["photos"]) == 1 and data["photos"][0]["url"].startswith("http://reconfort.test/media/appeals/")
    assert data["details"]["microchipped"] is True


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"kind": "lottery"}, 422, "kind"),
        ({"title": ""}, 422, "title"),
        ({"details": {"species": "cat"}}, 422, "details.name"),
        ({"latitude": 91}, 422, "latitude"),
        ({"latitude": None, "longitude": None, "place": "Xyzzyville"}, 422, "place"),
        ({"radius_km": 9000}, 422, "radius_km"),
        ({"audience": "followers"}, 422, "audience"),
        ({"latitude": "north"}, 422, "latitude"),
    ],
)
def test_refused_creations_change_nothing(api, change, status, field):
    response = api.post_json("/api/v1/appeals", pet_body(**change))
    assert response.status_code == status, response.content
    assert response.json()["error"] and response.json()["field"] == field
    assert Appeal.objects.count() == 0


def test_who_may_create(api_for, anon, user, settings):
    assert anon.post_json("/api/v1/appeals", pet_body()).status_code == 401
    assert api_for(user, scope="read").post_json("/api/v1/appeals", pet_body()).status_code == 403
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 24
    young = api_for(UserFactory(username="newcomer", language="en")).post_json("/api/v1/appeals", pet_body())
    assert young.status_code == 403 and "a day old" in young.json()["error"]
    assert Appeal.objects.count() == 0


def test_missing_person_is_hidden_until_a_moderator_approves(api, api_for, anon, other):
    body = {
        "kind": "missing_person",
        "title": "Jeanne",
        "details": _past(details_for("missing_person")),
        "latitude": LYON[0],
        "longitude": LYON[1],
    }
    data = api.post_json("/api/v1/appeals", body).json()
    assert data["status"] == "pending_review" and data["status_id"] is None
    assert anon.get(f"/api/v1/appeals/{data['id']}").status_code == 404
    assert api_for(other).get(f"/api/v1/appeals/{data['id']}").status_code == 404
    near = anon.get("/api/v1/appeals/near", {"latitude": LYON[0], "longitude": LYON[1]}).json()
    assert near == []
    moderator = UserFactory(username="modo", role=Role.MODERATOR)
    assert api_for(moderator).get(f"/api/v1/appeals/{data['id']}").json()["status"] == "pending_review"


def test_near_me_nearest_first_with_filters_and_distance(api, api_for, anon, other):
    far = api.post_json("/api/v1/appeals", pet_body(title="Far", latitude=45.9, longitude=4.9)).json()
    close = api.post_json("/api/v1/appeals", pet_body(title="Close", latitude=45.765, longitude=4.835)).json()
    prayer = api.post_json(
        "/api/v1/appeals", {"kind": "prayer", "title": "Léo", "details": details_for("prayer"), "place": "Lyon"}
    ).json()
    api.post_json("/api/v1/appeals", pet_body(title="Paris", latitude=PARIS[0], longitude=PARIS[1]))

    found = anon.get("/api/v1/appeals/near", {"latitude": 45.764, "longitude": 4.8357, "radius_km": 30}).json()
    assert [a["id"] for a in found][:1] == [close["id"]]
    assert {a["id"] for a in found} == {far["id"], close["id"], prayer["id"]}
    assert found[0]["distance_km"] < found[-1]["distance_km"] and found[-1]["distance_km"] <= 30
    pets = anon.get("/api/v1/appeals/near", {"place": "Lyon, FR", "radius_km": 30, "kind[]": "missing_pet"}).json()
    assert {a["id"] for a in pets} == {far["id"], close["id"]}

    api.post_json(f"/api/v1/appeals/{close['id']}/resolve", {"resolution": "reunited"})
    still_open = anon.get("/api/v1/appeals/near", {"latitude": 45.764, "longitude": 4.8357, "radius_km": 30}).json()
    assert close["id"] not in {a["id"] for a in still_open}
    resolved = anon.get(
        "/api/v1/appeals/near", {"latitude": 45.764, "longitude": 4.8357, "radius_km": 30, "status[]": "resolved"}
    ).json()
    assert [a["id"] for a in resolved] == [close["id"]] and resolved[0]["resolution"] == "reunited"

    assert anon.get("/api/v1/appeals/near").status_code == 422
    assert anon.get("/api/v1/appeals/near", {"latitude": 100, "longitude": 0}).status_code == 422
    assert anon.get("/api/v1/appeals/near", {"place": "Lyon", "radius_km": 0}).status_code == 422


def test_blocked_members_neither_see_nor_answer(api, api_for, user, other):
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    block_create(user, other)
    client = api_for(other)
    assert client.get(f"/api/v1/appeals/{data['id']}").status_code == 404
    assert client.post_json(f"/api/v1/appeals/{data['id']}/sightings", {"note": "Seen"}).status_code == 404
    assert client.get("/api/v1/appeals/near", {"latitude": LYON[0], "longitude": LYON[1]}).json() == []
    assert Sighting.objects.count() == 0


def test_edit_resolve_withdraw_by_the_owner_only(api, api_for, other):
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    url = f"/api/v1/appeals/{data['id']}"
    stranger = api_for(other)
    assert stranger.patch_json(url, {"title": "Mine now"}).status_code == 403
    assert stranger.post_json(f"{url}/resolve", {"resolution": "reunited"}).status_code == 403
    assert stranger.post_json(f"{url}/withdraw").status_code == 403

    edited = api.patch_json(url, {"title": "Max, ginger cat", "details": {"reward": "100 €"}})
    assert edited.status_code == 200 and edited.json()["title"] == "Max, ginger cat"
    assert edited.json()["details"]["reward"] == "100 €"
    assert api.patch_json(url, {"details": {"last_seen_at": "2999-01-01T00:00"}}).status_code == 422

    assert api.post_json(f"{url}/resolve", {"resolution": "enough_donors"}).status_code == 422
    resolved = api.post_json(f"{url}/resolve", {"resolution": "reunited", "note": "Home!"})
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    again = api.post_json(f"{url}/withdraw")
    assert again.status_code == 409 and again.json()["error"]
    assert api.patch_json(url, {"title": "x"}).status_code == 409
    statuses = [u["status"] for u in api.get(f"{url}/updates").json()]
    assert statuses == ["open", "resolved"]


def test_updates_are_public_and_written_by_the_owner(api, api_for, anon, other):
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    url = f"/api/v1/appeals/{data['id']}/updates"
    assert api_for(other).post_json(url, {"text": "Fake news"}).status_code == 403
    assert api.post_json(url, {"text": "  "}).status_code == 422
    assert api.post_json(url, {"text": "Seen near the park"}).json()["text"] == "Seen near the park"
    assert [u["text"] for u in anon.get(url).json()] == ["", "Seen near the park"]


def test_sightings_are_private_to_the_owner(api, api_for, anon, user, other, third):
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    url = f"/api/v1/appeals/{data['id']}/sightings"
    sighter = api_for(other)
    response = sighter.post(url, {"note": "Under a car, rue Royale", "place": "Lyon", "photo": jpeg()})
    assert response.status_code == 200, response.content
    assert response.json()["photo_url"] and response.json()["place_name"] == "Lyon"
    sighter.post_json(url, {"note": "Again", "contact": "06 00 00 00 00", "seen_at": "2020-01-01T10:00:00"})
    assert sighter.post_json(url, {"note": "Tomorrow", "seen_at": "2999-01-01T10:00:00Z"}).status_code == 422
    assert sighter.post_json(url, {"note": "When?", "seen_at": "yesterday"}).status_code == 422
    assert api.post_json(url, {"note": "My own"}).status_code == 403

    listed = api.get(url).json()
    assert [s["note"] for s in listed] == ["Under a car, rue Royale", "Again"]
    assert listed[1]["contact"] == "06 00 00 00 00" and listed[0]["account"]["id"] == str(other.pk)
    assert sighter.get(url).status_code == 403 and api_for(third).get(url).status_code == 403
    assert anon.get(url).status_code == 401
    assert "rue Royale" not in anon.get(f"/api/v1/appeals/{data['id']}").content.decode()

    first = listed[0]["id"]
    assert api_for(third).delete(f"{url}/{first}").status_code == 404
    assert api.delete(f"{url}/{first}").status_code == 200
    assert api.delete(f"{url}/{first}").status_code == 404
    assert Sighting.objects.count() == 1


def test_blood_offers_keep_the_donor_group_private(api, api_for, other, third):
    body = {"kind": "blood", "title": "Blood for the fire", "details": details_for("blood"), "place": "Lyon"}
    data = api.post_json("/api/v1/appeals", body).json()
    assert data["details"]["blood_groups"] == ["O-", "A+"] and data["expires_at"].startswith("2030-06-1")
    url = f"/api/v1/appeals/{data['id']}/offers"
    offer = api_for(other).post_json(url, {"message": "I can give on Monday", "blood_group": "O−"})
    assert offer.status_code == 200 and offer.json()["blood_group"] == "O-"
    assert api_for(other).post_json(url, {"message": "Twice"}).status_code == 409
    assert api_for(third).post_json(url, {"message": "Me", "blood_group": "Z+"}).status_code == 422
    assert api_for(other).get(url).status_code == 403

    offer_id = offer.json()["id"]
    assert api_for(other).post(f"{url}/{offer_id}/accept").status_code == 403
    accepted = api.post(f"{url}/{offer_id}/accept")
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert api.post(f"{url}/{offer_id}/decline").status_code == 409
    assert api.post(f"{url}/999999/accept").status_code == 404
    assert HelpOffer.objects.get().state == HelpOffer.State.ACCEPTED
    assert [o["blood_group"] for o in api.get(url).json()] == ["O-"]


def test_follow_and_resolution_reach_followers_and_resharers(api, api_for, other, third):
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    followed = api_for(other).post(f"/api/v1/appeals/{data['id']}/follow")
    assert followed.status_code == 200 and followed.json()["permissions"]["following"] is True
    post_reblog(third, Appeal.objects.get().post)
    api.post_json(f"/api/v1/appeals/{data['id']}/resolve", {"resolution": "reunited"})
    status = api_for(third).get(f"/api/v1/statuses/{data['status_id']}").json()
    assert status["content"].startswith("<p>✅")  # the owner writes in French: "Mise à jour : De nouveau réunis."
    assert api_for(other).post(f"/api/v1/appeals/{data['id']}/follow").status_code == 403  # closed now


def test_mine_lists_my_appeals_including_pending_ones(api, api_for, other):
    api.post_json("/api/v1/appeals", pet_body(title="One"))
    api.post_json(
        "/api/v1/appeals",
        {"kind": "missing_person", "title": "Two", "details": _past(details_for("missing_person")), "place": "Lyon"},
    )
    assert [a["title"] for a in api.get("/api/v1/appeals/mine").json()] == ["Two", "One"]
    assert api_for(other).get("/api/v1/appeals/mine").json() == []
    assert [a["status"] for a in api.get("/api/v1/appeals/mine", {"limit": 1}).json()] == [Status.PENDING_REVIEW]


def test_unknown_or_junk_ids_are_404(anon):
    for path in ("/api/v1/appeals/999999", "/api/v1/appeals/abc", "/api/v1/appeals/0/updates"):
        response = anon.get(path)
        assert response.status_code == 404 and response.json()["error"]


def test_places_suggests_towns(anon):
    found = anon.get("/api/v1/appeals/places", {"q": "saint-eti"}).json()
    assert found[0]["name"] == "Saint-Étienne" and found[0]["country_code"] == "FR"


def test_responses_match_the_published_schemas(api, api_for, anon, other):
    openapi = anon.get("/api/openapi.json").json()
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    api_for(other).post_json(f"/api/v1/appeals/{data['id']}/sightings", {"note": "Seen"})
    checks = [
        ("post", "/api/v1/appeals", api.post_json("/api/v1/appeals", pet_body(title="Again"))),
        ("get", "/api/v1/appeals/{appeal_id}", anon.get(f"/api/v1/appeals/{data['id']}")),
        ("get", "/api/v1/appeals/near", anon.get("/api/v1/appeals/near", {"place": "Lyon"})),
        ("get", "/api/v1/appeals/{appeal_id}/sightings", api.get(f"/api/v1/appeals/{data['id']}/sightings")),
        ("get", "/api/v1/appeals/{appeal_id}/updates", api.get(f"/api/v1/appeals/{data['id']}/updates")),
    ]
    for method, path, response in checks:
        assert response.status_code == 200, (path, response.content)
        schema = openapi["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.validate(response.json(), {**schema, "components": openapi["components"]})


def test_the_end_of_an_appeal_is_an_update_notification_with_the_post(api, api_for, other):
    data = api.post_json("/api/v1/appeals", pet_body()).json()
    api_for(other).post(f"/api/v1/appeals/{data['id']}/follow")
    api.post_json(f"/api/v1/appeals/{data['id']}/resolve", {"resolution": "reunited"})
    client = api_for(other)
    listed = client.get("/api/v1/notifications").json()
    assert [(n["type"], n["status"]["id"], n["account"]["id"]) for n in listed] == [
        ("update", data["status_id"], data["account"]["id"])
    ]
    assert listed[0]["status"]["content"].startswith("<p>✅")
    assert len(client.get("/api/v1/notifications", {"types[]": "update"}).json()) == 1
    assert client.get("/api/v1/notifications", {"exclude_types[]": "update"}).json() == []

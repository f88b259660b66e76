"""Per-kind fields: each kind asks for its own, validated; private fields never land in public details."""

import pytest

from reconfort.appeals import kinds
from reconfort.core.errors import ServiceError

from .conftest import NOW, details_for


@pytest.mark.parametrize("kind", ["blood", "missing_person", "missing_pet", "prayer", "help"])
def test_valid_details_pass_for_every_kind(kind):
    public, _private = kinds.validate_details(kind, details_for(kind), now=NOW)
    assert public


@pytest.mark.parametrize(
    ("kind", "change", "field"),
    [
        ("blood", {"blood_groups": ["Z+"]}, "details.blood_groups"),
        ("blood", {"until": "2030-05-01"}, "details.until"),
        ("blood", {"places": []}, "details.places"),
        ("blood", {"places": [{"name": "EFS"}]}, "details.places"),
        ("blood", {"donation_service_url": "javascript:alert(1)"}, "details.donation_service_url"),
        ("missing_person", {"age": 200}, "details.age"),
        ("missing_person", {"last_seen_at": "2031-01-01T00:00:00+00:00"}, "details.last_seen_at"),
        ("missing_person", {"authority_phone": ""}, "details.authority_phone"),
        ("missing_person", {"age": 9, "authority_reference": ""}, "details.authority_reference"),
        ("missing_pet", {"species": "dragon"}, "details.species"),
        ("missing_pet", {"name": ""}, "details.name"),
        ("prayer", {"for_whom": ""}, "details.for_whom"),
        ("help", {"need": "money"}, "details.need"),
        ("help", {"recurrence": "sometimes"}, "details.recurrence"),
    ],
)
def test_wrong_details_are_refused_naming_the_field(kind, change, field):
    with pytest.raises(ServiceError) as caught:
        kinds.validate_details(kind, {**details_for(kind), **change}, now=NOW)
    assert caught.value.field == field


def test_a_child_appeal_with_a_police_reference_passes():
    data = {**details_for("missing_person"), "age": 9, "authority_reference": "PV 2030/123"}
    public, _private = kinds.validate_details("missing_person", data, now=NOW)
    assert public["age"] == 9


def test_microchip_number_is_private_and_all_blood_groups_collapse():
    public, private = kinds.validate_details("missing_pet", details_for("missing_pet"), now=NOW)
    assert "microchip_number" not in public and private == {"microchip_number": "250269801234567"}
    assert public["microchipped"] is True
    public, _ = kinds.validate_details("blood", {**details_for("blood"), "blood_groups": ["all", "O-"]}, now=NOW)
    assert public["blood_groups"] == ["all"]


def test_places_from_a_page_textarea():
    data = {
        **details_for("blood"),
        "places": "EFS Gerland, 111 rue d'Alsace\nHôpital Édouard Herriot, 5 place d'Arsonval",
    }
    public, _ = kinds.validate_details("blood", data, now=NOW)
    assert public["places"][1] == {"name": "Hôpital Édouard Herriot", "address": "5 place d'Arsonval"}


def test_unknown_kind_and_missing_details():
    with pytest.raises(ServiceError):
        kinds.validate_details("lottery", {}, now=NOW)
    with pytest.raises(ServiceError):
        kinds.validate_details("prayer", "not a dict", now=NOW)

"""appeals.json: the member's appeals in full (private details, exact place, photos, story); on others' appeals,
their own sightings and offers only; what others sent on theirs is counted, never copied."""

import pytest

from reconfort.appeals import services as appeals
from tests.privacy.lives import LYON, exported, jpeg, pet_details

pytestmark = pytest.mark.django_db

HELP = {"need": "meals", "recurrence": "recurring", "when": "Tuesday evenings"}


@pytest.fixture(autouse=True)
def _appeals_open_to_all(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


def appeal_of(owner, kind="missing_pet", **fields):
    details = pet_details() if kind == "missing_pet" else HELP
    return appeals.appeal_create(
        owner,
        kind=kind,
        title=f"Appel de {owner.username}",
        details=details,
        latitude=LYON[0],
        longitude=LYON[1],
        **fields,
    )


def test_my_appeal_in_full_and_what_others_sent_on_it_counted_only(user, other, third):
    mine = appeal_of(user, photos=[jpeg("max.jpg")])
    appeals.appeal_update_add(user, mine, text="Toujours pas de nouvelles.")
    appeals.appeal_resolve(user, mine, resolution="reunited", note="Il est rentré seul !")
    help_appeal = appeal_of(user, kind="help")
    appeals.offer_create(other, help_appeal, message="Je peux cuisiner.", contact="06 11 22 33 44")
    appeals.offer_create(third, help_appeal, message="Moi aussi.")

    data, names = exported(user)
    first, second = data["appeals.json"]["appeals"]
    assert first["private_details"] == {"microchip_number": "250269801234567"}
    assert (first["latitude"], first["longitude"]) == LYON  # their exact place, theirs
    story = [(s["status"], s["text"]) for s in first["story"]]
    assert story == [("open", ""), ("", "Toujours pas de nouvelles."), ("resolved", "Il est rentré seul !")]
    assert first["status"] == "resolved" and first["resolution"] == "reunited"
    assert first["photos"][0]["file"] in names
    assert second["offers_received"] == {"offered": 2}
    raw = data["__raw__"]
    assert "Je peux cuisiner" not in raw and "06 11 22 33 44" not in raw and "Moi aussi" not in raw


def test_a_sighting_i_sent_holds_my_words_not_the_appeal(user, other):
    theirs = appeal_of(other, description="Notre chat Mimi, très craintif, numéro de puce au dos du collier.")
    appeals.sighting_create(
        user, theirs, note="Je l'ai vu ce matin rue Burdeau", contact="marie@example.org", photo=jpeg()
    )
    appeals.appeal_follow(user, theirs)
    data, names = exported(user)
    [sighting] = data["appeals.json"]["sightings_sent"]
    assert sighting["appeal"] == {"id": theirs.pk, "kind": "missing_pet"}
    assert sighting["note"] == "Je l'ai vu ce matin rue Burdeau" and sighting["contact"] == "marie@example.org"
    assert sighting["photo"] in names
    assert data["appeals.json"]["appeals"] == [] and data["appeals.json"]["following"][0]["appeal"]["id"] == theirs.pk
    raw = data["__raw__"]
    assert "craintif" not in raw and "Appel de tom" not in raw and "250269801234567" not in raw  # the owner's
    # The owner's export counts it, without the sighter's words.
    owners = exported(other)[0]["appeals.json"]["appeals"][0]
    assert owners["sightings_received"] == 1 and "rue Burdeau" not in str(owners)

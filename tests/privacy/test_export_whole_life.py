"""A whole life exported: account.json lists the archive's files, every file coverage.EXPORTED names is there, each
section holds the member's data — and the archive holds no secret and nothing private of anyone else."""

import pytest
from django.utils import translation

from reconfort.privacy import coverage
from reconfort.privacy.exports import FILES
from tests.privacy.lives import exported, whole_life

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def test_a_whole_life_in_the_archive_with_its_list_of_files_and_nobody_elses_secrets(user, other, third, settings):
    life = whole_life(user, other, third, settings)
    data, names = exported(user)

    # account.json lists every file of the archive, in the member's language, and only those.
    listed = {f["name"]: f["holds"] for f in data["account.json"]["archive"]["files"]}
    json_files = {n for n in names if n.endswith(".json")}
    assert set(listed) == json_files | {"media/"}
    assert set(coverage.EXPORTED.values()) <= set(listed)
    with translation.override("fr"):
        assert listed["memorials.json"] == str(FILES["memorials.json"])
    media = {n for n in names if n.startswith("media/")}
    assert {
        "media/" + life.things["tribute"].photo.name,
        "media/" + life.things["sighting"].photo.name,
        "media/" + life.things["appeal"].photos.get().file.name,
        "media/" + life.things["memorial"].photo.name,
    } <= media
    assert data["account.json"]["avatar"] in media

    # Every section has the member's own data.
    memorials = data["memorials.json"]
    assert [m["name"] for m in memorials["memorials"]] == ["Jeanne Martin"]
    assert memorials["tributes_written"][0]["text"] == "Paul, tu nous manques."
    assert memorials["digital_legacy"]["my_wishes"]["legacy_contact"] == "tom"
    appeals = data["appeals.json"]
    assert appeals["appeals"][0]["title"] == "Max a disparu" and appeals["sightings_sent"][0]["note"]
    assert data["comfort.json"]["call_outs"]["on_call"] is True
    assert data["comfort.json"]["call_outs"]["calls_received"][0]["language"] == "fr"
    assert data["circles.json"]["circles_created"][0]["name"] == "Deuil d'un parent"
    assert data["crises.json"]["locations_shared"][0]["place"]
    assert data["moderation.json"]["reports_made"][0]["comment"] == "Il se moque de ma mère"
    assert data["moderation.json"]["decisions_about_me"][0]["my_appeal"]["state"] == "upheld"
    assert data["security.json"]["two_factor"] == {
        "enabled": True,
        "authenticator_added_at": data["security.json"]["two_factor"]["authenticator_added_at"],
        "authenticator_last_used_at": data["security.json"]["two_factor"]["authenticator_last_used_at"],
        "recovery_codes_left": 10,
    }
    assert data["relations.json"]["muted"] == ["papa"]

    # No secret: not the session key, tokens, client secret, authenticator key, recovery codes, password hash.
    raw = data["__raw__"]
    secrets = [
        life.things["session_key"],
        "access-token-SECRET",
        "refresh-token-SECRET",
        "grant-code-SECRET",
        "app-client-secret-XYZ",
        life.things["totp_key"],
        *life.things["recovery_codes"],
        user.password,
    ]
    assert [s for s in secrets if s in raw] == []
    # Nothing private of anyone else: the words of a sighting or an offer received, a tribute the member rejected,
    # a reply held for them, who was worried about them, who reported them and why, who moderated them.
    others = [
        "Un chat roux rue Burdeau",  # the friend's sighting on the member's appeal
        "06 00 00 00 00",  # and their phone number
        "Je ne la connaissais pas",  # a tribute the member rejected: not shown on the page
        "Je pense à vous.",  # a stranger's reply held for the member
        "Il va mal depuis des semaines",  # the member's worry is theirs, but…
        "modo",
        "juge",  # the moderators who decided about them
        "Avis de décès",  # …their own proof is theirs: checked below
    ]
    found = [s for s in others if s in raw]
    assert found == ["Il va mal depuis des semaines", "Avis de décès"]  # the member's own words, nothing else
    assert "amina" not in str(data["moderation.json"])  # who reported them
    [thanks] = data["comfort.json"]["thanks_received"]
    assert thanks["text"] == "Merci d'avoir été là." and "tom" not in str(thanks)  # askers may be anonymous

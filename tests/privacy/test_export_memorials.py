"""memorials.json: the memorials a member keeps, with others' tributes only as the page shows them; what they gave;
their stewardship without the words or writers of the tributes they turned down; requests about their account
without who asked."""

import datetime

import pytest

from reconfort.accounts.models import Role
from reconfort.memorials import services as memorials
from reconfort.memorials.models import Memorial, Tribute
from reconfort.moderation import services as moderation
from tests.factories import UserFactory
from tests.privacy.lives import exported, jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def kept_by(owner, **fields) -> Memorial:
    memorial = memorials.memorial_create(owner, full_name="Jeanne Martin", death_date=datetime.date(2024, 3, 14))
    memorials.memorial_set_state(owner, memorial, Memorial.State.PUBLISHED)
    return memorial


def test_others_tributes_only_as_the_page_shows_them(user, other, third):
    memorial = kept_by(user)
    shown = memorials.tribute_create(other, memorial, text="Jeanne riait si fort.")
    memorials.tribute_moderate(user, shown, state=Tribute.State.APPROVED)
    memorials.tribute_create(third, memorial, text="Des mots qui attendent encore.")  # pending
    turned_down = memorials.tribute_create(third, memorial, text="Des mots refusés.")
    memorials.tribute_moderate(user, turned_down, state=Tribute.State.REJECTED, reason="Hors sujet")
    gone = UserFactory(username="suspendu", display_name="Suspendu")
    hidden_everywhere = memorials.tribute_create(gone, memorial, text="Les mots d'un compte suspendu.")
    memorials.tribute_moderate(user, hidden_everywhere, state=Tribute.State.APPROVED)
    moderation.decision_take(
        UserFactory(username="modo", role=Role.MODERATOR), gone, action="suspend", reason="Harcèlement"
    )

    data, _names = exported(user)
    [page] = data["memorials.json"]["memorials"]
    assert page["tributes"] == [
        {"by": "Tom", "kind": "message", "text": "Jeanne riait si fort.", "at": page["tributes"][0]["at"]}
    ]
    raw = data["__raw__"]
    assert "attendent encore" not in raw and "refusés" not in raw and "compte suspendu" not in raw
    decisions = data["memorials.json"]["stewardship"]["tribute_decisions"]
    assert {(d["tribute"], d["decision"]) for d in decisions} >= {(turned_down.pk, "rejected")}
    actions = data["memorials.json"]["stewardship"]["my_actions"]
    [rejected] = [a for a in actions if a["action"] == "tribute.rejected"]
    assert rejected["detail"]["reason"] == "Hors sujet" and "author" not in rejected["detail"]  # not who wrote them
    assert "amina" not in str(data["memorials.json"])


def test_the_tribute_author_has_their_words_photo_and_the_reason_they_were_turned_down(user, other):
    memorial = kept_by(other)
    tribute = memorials.tribute_create(user, memorial, text="Merci pour tout, Jeanne.", photo=jpeg("jeanne.jpg"))
    memorials.tribute_moderate(other, tribute, state=Tribute.State.REJECTED, reason="Photo floue")
    memorials.gesture_give(user, memorial, "flowers", message="Pour toi")
    data, names = exported(user)
    [written] = data["memorials.json"]["tributes_written"]
    assert written["text"] == "Merci pour tout, Jeanne." and written["state"] == "rejected"
    assert written["reason"] == "Photo floue" and written["photo"] in names
    assert data["memorials.json"]["gestures_given"][0]["kind"] == "flowers"
    assert data["memorials.json"]["memorials"] == []  # a memorial they wrote in is not one they keep
    assert "tom" not in str(data["memorials.json"]["tributes_written"])  # not who decided


def test_the_cause_of_death_only_for_those_who_write_the_page(user, other):
    memorial = kept_by(user)
    memorials.cause_of_death_set(user, memorial, text="Une longue maladie")
    memorials.steward_invite(user, memorial, other, "tribute_moderator")
    memorials.steward_accept(other, memorial)
    owner_page = exported(user)[0]["memorials.json"]["memorials"][0]
    assert owner_page["cause_of_death"]["text"] == "Une longue maladie"
    helper_page = exported(other)[0]["memorials.json"]["memorials"][0]
    assert helper_page["my_role"] == "tribute_moderator" and "cause_of_death" not in helper_page


def test_digital_legacy_and_a_request_about_me_without_who_asked(user, other):
    memorials.wishes_set(user, on_death="delete", legacy_contact=other)
    memorials.legacy_contact_answer(other, user, accept=True)
    memorials.memorialisation_request(other, user, relation="legacy_contact", proof="Elle nous a quittés hier.")
    legacy = exported(user)[0]["memorials.json"]["digital_legacy"]
    assert legacy["my_wishes"]["on_death"] == "delete" and legacy["my_wishes"]["legacy_contact"] == "tom"
    assert legacy["memorialisation_requests_about_me"] == [
        {"state": "pending", "at": legacy["memorialisation_requests_about_me"][0]["at"], "decided_at": None}
    ]
    assert "quittés hier" not in str(legacy)  # the proof is the asker's
    theirs = exported(other)[0]["memorials.json"]["digital_legacy"]
    assert theirs["legacy_contact_for"][0]["account"] == "marie"
    assert theirs["memorialisation_requests_made"][0]["proof"] == "Elle nous a quittés hier."

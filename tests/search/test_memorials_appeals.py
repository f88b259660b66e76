"""Memorials and appeals are matched on read: only listed memorials, only appeals the viewer may see."""

import pytest

from reconfort.accounts.services import block_create
from reconfort.search.selectors import appeal_search, memorial_search
from tests.appeals.conftest import make_appeal
from tests.memorials.conftest import make_memorial


@pytest.fixture(autouse=True)
def _appeals_allowed(settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


def names(found):
    return [m.full_name for m in found]


def test_only_listed_memorials_accents_and_stems(user, other):
    make_memorial(user, full_name="Hélène Dupré", listed=True, life_story="Elle aimait les souvenirs de Bretagne.")
    make_memorial(user, full_name="Hélène Secrète", listed=False)
    make_memorial(user, full_name="Hélène Brouillon", listed=True, publish=False)
    make_memorial(user, full_name="Hélène Proches", listed=True, visibility="members")
    assert names(memorial_search(other, "helene")) == ["Hélène Dupré"]
    assert names(memorial_search(other, "DUPRE souvenir")) == ["Hélène Dupré"]
    assert memorial_search(other, "helene bretons") == []


def test_a_name_match_ranks_before_a_story_match(user, other):
    make_memorial(user, full_name="Paul Lefèvre", listed=True)
    make_memorial(user, full_name="Anne Moreau", listed=True, life_story="Son frère Paul l'aimait.")
    assert names(memorial_search(other, "paul")) == ["Paul Lefèvre", "Anne Moreau"]


def test_memorials_of_someone_blocked_are_left_out(user, other):
    make_memorial(user, full_name="Hélène Dupré", listed=True)
    block_create(user, other)
    assert memorial_search(other, "helene") == [] and names(memorial_search(user, "helene")) == ["Hélène Dupré"]


def test_appeals_visible_to_the_viewer(user, other, third):
    make_appeal(user, title="Chat perdu à Lyon", description="Un chat roux très câlin")
    make_appeal(user, "prayer", title="Prière pour un chat, abonnés seulement", audience="followers")
    assert [a.title for a in appeal_search(other, "chats lyon")] == ["Chat perdu à Lyon"]
    assert [a.title for a in appeal_search(other, "calin")] == ["Chat perdu à Lyon"]
    assert sorted(a.title for a in appeal_search(user, "chat")) == [
        "Chat perdu à Lyon",
        "Prière pour un chat, abonnés seulement",
    ]
    block_create(third, user)
    assert appeal_search(third, "chat") == []

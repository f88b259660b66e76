"""The Hereafter directory: only listed memorials, newest deaths first or A–Z, filters and name search."""

import datetime

import pytest

from reconfort.memorials import selectors, services
from reconfort.memorials.models import Memorial
from tests.memorials.conftest import make_memorial

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(user):
    return {
        "zoe": make_memorial(user, full_name="Zoé Arnaud", death_date="2021-05-01", listed=True, languages=["fr"]),
        "emile": make_memorial(user, full_name="Émile Blanc", death_date="2024-01-09", listed=True, languages=["en"]),
        "anna": make_memorial(
            user, full_name="Anna Costa", death_date="2023-07-20", listed=True, languages=["fr", "pt"]
        ),
    }


def names(qs):
    return [m.full_name for m in qs]


def test_orders(people):
    assert names(selectors.memorial_list_directory()) == ["Émile Blanc", "Anna Costa", "Zoé Arnaud"]
    assert names(selectors.memorial_list_directory(order="az")) == ["Anna Costa", "Émile Blanc", "Zoé Arnaud"]


def test_filters_and_search(people):
    assert names(selectors.memorial_list_directory(year=2023)) == ["Anna Costa"]
    assert names(selectors.memorial_list_directory(language="pt")) == ["Anna Costa"]
    assert names(selectors.memorial_list_directory(language="fr", order="az")) == ["Anna Costa", "Zoé Arnaud"]
    assert names(selectors.memorial_list_directory(query="EMILE")) == ["Émile Blanc"]
    assert names(selectors.memorial_list_directory(query="blanc")) == ["Émile Blanc"]
    assert selectors.directory_years() == [2024, 2023, 2021]


@pytest.mark.parametrize(
    "change",
    [
        {"listed": False},
        {"visibility": "unlisted"},
        {"visibility": "members"},
        {"visibility": "invite_only"},
    ],
)
def test_only_what_stewards_allowed(user, change):
    memorial = make_memorial(user, listed=True)
    assert list(selectors.memorial_list_directory()) == [memorial]
    services.memorial_update(user, memorial, **change)
    assert list(selectors.memorial_list_directory()) == []


def test_drafts_and_archived_are_not_listed(user):
    draft = make_memorial(user, publish=False, listed=True)
    archived = make_memorial(user, listed=True, full_name="B")
    services.memorial_set_state(user, archived, Memorial.State.ARCHIVED)
    assert draft not in selectors.memorial_list_directory()
    assert archived not in selectors.memorial_list_directory()


def test_directory_page_costs_one_query_whatever_its_size(user, django_assert_num_queries):
    for i in range(12):
        memorial = make_memorial(user, full_name=f"Personne {i}", listed=True, death_date=datetime.date(2020, 1, i + 1))
        services.last_words_set(user, memorial, consent="family", text=f"Mot {i}")
    with django_assert_num_queries(1):
        rows = list(selectors.memorial_list_directory()[:10])
        texts = [selectors.last_words_of(m).text for m in rows]
    assert texts[0] == "Mot 11"

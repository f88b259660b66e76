import pytest

from reconfort.hashtags import selectors, services
from reconfort.hashtags.models import Tag

pytestmark = pytest.mark.django_db


def test_one_tag_whatever_the_case_first_spelling_kept():
    first = services.tags_get_or_create(["Réconfort"])
    again = services.tags_get_or_create(["RÉCONFORT", "réconfort"])
    assert first == again[:1] and len(again) == 1
    assert Tag.objects.get().name == "Réconfort"
    assert selectors.tag_get("#réCONFORT") == first[0]


def test_search_by_prefix():
    services.tags_get_or_create(["dondusang", "donneurs", "deuil"])
    assert [t.name for t in selectors.tag_search("DON")] == ["dondusang", "donneurs"]
    assert selectors.tag_search("#") == []

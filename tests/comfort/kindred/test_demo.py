"""The demo's kindred spirits give at least one suggestion with a sensible reason, and one waiting request."""

from django.utils import translation

from reconfort.comfort.kindred import selectors
from reconfort.demo.areas import kindred as demo
from tests.factories import UserFactory


def test_demo_profiles_give_a_suggestion_with_a_reason(db):
    users = {name: UserFactory(username=name) for name in demo.PROFILES}
    demo.load(users)
    found = selectors.suggestions(users["yann_legall"])
    assert [s.account for s in found] == [users["anne_sophie"], users["alex_dupont"]]  # best first
    with translation.override("en"):
        assert [str(r) for r in found[0].reasons] == [
            "You have both lost a parent this year.",
            "You can talk in French.",
        ]
    assert selectors.suggestions(users["martine_b"]) == []  # no common language with Grace
    assert [link.requester for link in selectors.requests_received(users["anne_sophie"])] == [users["dan_walsh"]]

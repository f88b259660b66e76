"""Tributes the kind-reply guard finds suspect wait for the stewards, marked with why (hostility, mockery, spam,
proselytising…), in their language; nobody else sees the mark — not even the tribute's author."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reconfort.api.services import application_create
from reconfort.comfort.guard.screening import CATEGORIES
from reconfort.memorials import services
from reconfort.memorials.models import ScreeningReason
from tests.api.conftest import ApiClient, make_token
from tests.factories import UserFactory
from tests.memorials.conftest import make_memorial

pytestmark = pytest.mark.django_db

KIND = "Une femme lumineuse, merci pour tout."
HOSTILE = "Bon débarras, personne ne la regrettera"
SPAM = "Marabout, retour de l'être aimé, WhatsApp"


def english(person):
    person.language = "en"
    person.save(update_fields=["language"])
    return person


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_every_category_of_the_guard_has_a_label_for_the_stewards():
    assert set(CATEGORIES) - {"kindness"} <= set(ScreeningReason.values)


@pytest.mark.parametrize("premoderated", [False, True])
def test_suspect_tributes_wait_and_record_why(user, other, premoderated):
    memorial = make_memorial(user, listed=True, tributes_premoderated=premoderated)
    kind = services.tribute_create(other, memorial, text=KIND)
    hostile = services.tribute_create(other, memorial, text=HOSTILE)
    spam = services.tribute_create(other, memorial, text=SPAM)
    assert kind.screened_as == [] and kind.state == ("pending" if premoderated else "approved")
    assert hostile.state == "pending" and hostile.screened_as and "spam" not in hostile.screened_as
    assert set(hostile.screened_as) <= {"hostility", "mockery"}
    assert spam.state == "pending" and spam.screened_as == ["spam"]
    assert services.tribute_create(user, memorial, text=HOSTILE).screened_as == []  # a steward's own: not screened


def test_the_stewards_pages_show_why_and_nobody_else_does(user, other, third):
    memorial = make_memorial(english(user), listed=True, tributes_premoderated=False)
    services.tribute_create(english(other), memorial, text=HOSTILE)
    services.tribute_create(other, memorial, text=SPAM)
    services.tribute_create(other, memorial, text=KIND)
    steward = signed_in(user)
    with translation.override("en"):
        page = steward.get(reverse("memorials:stewards", args=[memorial.key])).content.decode()
        assert page.count("Held by the kind-reply guard:") == 2
        assert "looks like spam" in page and ("may be hostile" in page or "may be mocking" in page)
        detail = steward.get(reverse("memorials:detail", args=[memorial.key])).content.decode()
        assert detail.count("Held by the kind-reply guard:") == 2 and "looks like spam" in detail
        author_view = signed_in(other).get(reverse("memorials:detail", args=[memorial.key])).content.decode()
        assert "Waiting for the stewards" in author_view  # they see their own tributes wait…
        assert "kind-reply guard" not in author_view and "looks like spam" not in author_view  # …not why
        visitor = signed_in(english(third)).get(reverse("memorials:detail", args=[memorial.key])).content.decode()
        assert "kind-reply guard" not in visitor and HOSTILE not in visitor


def test_the_stewards_page_speaks_french_too(user, other):
    memorial = make_memorial(user, listed=True, tributes_premoderated=False)
    services.tribute_create(other, memorial, text=SPAM)
    with translation.override("fr"):
        page = signed_in(user).get(reverse("memorials:stewards", args=[memorial.key])).content.decode()
    assert "ressemble à du spam" in page and "looks like spam" not in page


def test_the_api_tells_the_stewards_only(user, other):
    memorial = make_memorial(user, listed=True, tributes_premoderated=False)
    tribute = services.tribute_create(other, memorial, text=SPAM)
    app, _secret = application_create(name="Client", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read write")
    path = f"/api/v1/memorials/{memorial.key}/tributes"
    as_steward = ApiClient(make_token(app, user, "read write")).get(path).json()
    assert [(t["id"], t["screened_as"]) for t in as_steward] == [(str(tribute.pk), ["spam"])]
    as_author = ApiClient(make_token(app, other, "read write")).get(path).json()
    assert [t["screened_as"] for t in as_author] == [None]
    as_tribute_moderator = UserFactory()
    services.steward_invite(user, memorial, as_tribute_moderator, "tribute_moderator")
    services.steward_accept(as_tribute_moderator, memorial)
    seen = ApiClient(make_token(app, as_tribute_moderator, "read write")).get(path).json()
    assert seen[0]["screened_as"] == ["spam"]

"""The « Humain » front page: what it shows, to whom, in which order."""

import pytest
from django.test import Client
from django.urls import reverse

from reconfort.accounts import services as account_services
from reconfort.appeals.models import Audience
from reconfort.memorials import services as memorial_services
from tests.appeals.conftest import make_appeal
from tests.comfort.queue.conftest import ask, old_member
from tests.comfort.queue.conftest import opt_in as comforter_opt_in
from tests.factories import UserFactory, make_post
from tests.memorials.conftest import make_memorial

URL = "/humain/"


def page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def as_member(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _appeals_open_to_new_members(settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


def test_url_name():
    assert reverse("humain:index") == URL


def test_visitors_see_public_memorial_and_gratitude_posts(db):
    author = UserFactory()
    make_post(author, "Une bougie pour Papa, parti il y a un an.", kind="memorial")
    make_post(author, "Merci à celles et ceux qui m'ont écrit cette semaine.", kind="gratitude")
    make_post(author, "Un post ordinaire sur le jardin.")
    html = page(Client())
    assert "Une bougie pour Papa" in html
    assert "Merci à celles et ceux" in html
    assert "le jardin" not in html


def test_a_followers_only_memorial_post_is_not_shown_to_strangers(user, other, third):
    account_services.follow_create(other, user)
    make_post(user, "Pour mes proches seulement : maman nous a quittés.", kind="memorial", visibility="private")
    assert "maman nous a quittés" not in page(Client())
    assert "maman nous a quittés" not in page(as_member(third))
    assert "maman nous a quittés" in page(as_member(other))


@pytest.mark.parametrize("tie", ["block", "blocked_by", "mute"])
def test_posts_of_blocked_or_muted_members_are_not_shown(user, other, tie):
    make_post(other, "Merci pour vos messages si doux.", kind="gratitude")
    make_post(other, "En mémoire de mon frère.", kind="memorial")
    {
        "block": lambda: account_services.block_create(user, other),
        "blocked_by": lambda: account_services.block_create(other, user),
        "mute": lambda: account_services.mute_create(user, other),
    }[tie]()
    html = page(as_member(user))
    assert "Merci pour vos messages" not in html and "En mémoire de mon frère" not in html
    assert "Merci pour vos messages" in page(Client())


def test_the_members_language_comes_first(db):
    reader = UserFactory(language="en")
    author = UserFactory()
    make_post(author, "In memory of my grandmother.", kind="memorial", language="en")
    make_post(author, "En souvenir de ma grand-mère.", kind="memorial", language="fr")  # newer
    html = page(as_member(reader))
    assert html.index("In memory of my grandmother") < html.index("En souvenir de ma grand-mère")
    french = page(as_member(UserFactory(language="fr")))
    assert french.index("En souvenir de ma grand-mère") < french.index("In memory of my grandmother")


def test_open_public_appeals_are_shown_followers_only_ones_to_followers(user, other, third):
    make_appeal(user, title="Chat perdu à Lyon")
    make_appeal(user, kind="prayer", title="Prières pour Léo", audience=Audience.FOLLOWERS)
    account_services.follow_create(other, user)
    html = page(as_member(third))
    assert "Chat perdu à Lyon" in html and "Prières pour Léo" not in html
    assert "Prières pour Léo" in page(as_member(other))


def test_last_words_of_listed_memorials_only(user):
    listed = make_memorial(user, full_name="Jeanne Martin", listed=True, languages=["fr"])
    hidden = make_memorial(user, full_name="Paul Durand", listed=False)
    for memorial, text in ((listed, "Soyez doux les uns avec les autres."), (hidden, "Ne m'oubliez pas.")):
        memorial_services.last_words_set(user, memorial, consent="family", text=text)
    html = page(Client())
    assert "Soyez doux les uns avec les autres." in html
    assert "Ne m'oubliez pas." not in html


def test_people_waiting_for_comfort_only_for_comforters(db):
    asker = old_member()
    ask(asker, text="Je me sens si seule depuis son départ.")
    comforter = old_member()
    comforter_opt_in(comforter)
    assert "Je me sens si seule" in page(as_member(comforter))
    assert "Je me sens si seule" not in page(as_member(old_member()))
    assert "Je me sens si seule" not in page(Client())


def test_a_comforter_does_not_see_requests_of_someone_they_muted(db):
    asker = old_member()
    ask(asker, text="Je me sens si seule depuis son départ.")
    comforter = old_member()
    comforter_opt_in(comforter)
    account_services.mute_create(comforter, asker)
    assert "Je me sens si seule" not in page(as_member(comforter))


def test_members_are_invited_to_kindred_spirits_visitors_are_not(user):
    assert "/kindred/" in page(as_member(user))
    assert "/kindred/" not in page(Client())

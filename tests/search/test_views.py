"""The search page: FR by default, EN for English members, tabs, and nothing the viewer may not see."""

from reconfort.accounts.services import block_create
from tests.factories import UserFactory, make_post
from tests.memorials.conftest import make_memorial


def test_search_page_without_query_and_in_french(client, db):
    page = client.get("/search/")
    assert page.status_code == 200
    assert "Rechercher" in page.content.decode()


def test_posts_tab_finds_words_in_english(client, user, other):
    make_post(other, "Happy memories of my mother", language="en")
    english = UserFactory(username="sam", language="en")
    client.force_login(english)
    body = client.get("/search/", {"q": "memory"}).content.decode()
    assert "Happy memories of my mother" in body and 'aria-current="page"' in body and "People" in body


def test_tabs_people_tags_memorials_appeals(client, user, other):
    make_post(other, "Une pensée #Souvenirs")
    make_memorial(user, full_name="Hélène Dupré", listed=True)
    assert "@tom" in client.get("/search/", {"q": "tom", "type": "accounts"}).content.decode()
    assert "#Souvenirs" in client.get("/search/", {"q": "souv", "type": "hashtags"}).content.decode()
    assert "Hélène Dupré" in client.get("/search/", {"q": "helene", "type": "memorials"}).content.decode()
    assert client.get("/search/", {"q": "chat", "type": "appeals"}).status_code == 200
    assert client.get("/search/", {"q": "tom", "type": "nope"}).status_code == 200  # the form says what is wrong


def test_blocked_members_posts_do_not_show(client, user, other):
    make_post(other, "Courage à toi")
    block_create(other, user)
    client.force_login(user)
    assert "Courage à toi" not in client.get("/search/", {"q": "courage"}).content.decode()
    client.force_login(other)
    assert "Courage à toi" in client.get("/search/", {"q": "courage"}).content.decode()

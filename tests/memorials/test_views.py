"""Memorial pages: thin views over the services, refusals as clear 4xx, nothing shown that must not be."""

import pytest
from django.urls import reverse

from reconfort.memorials import services
from reconfort.memorials.models import Memorial, MemorialGesture, Steward, Tribute
from reconfort.posts.models import Post
from tests.memorials.conftest import make_memorial

pytestmark = pytest.mark.django_db


def url(name, memorial, *args):
    return reverse(f"memorials:{name}", args=[memorial.key, *args])


def test_create_then_publish_through_pages(client, user):
    client.force_login(user)
    response = client.post(
        reverse("memorials:create"),
        {
            "full_name": "Yann Le Gall",
            "death_date": "2024-02-10",
            "death_precision": "day",
            "birth_precision": "year",
            "birth_date": "1961-01-01",
            "visibility": "public",
            "tribute_access": "members",
            "languages": "fr, en",
            "listed": "on",
            "tributes_premoderated": "on",
            "life_story": "Marin **pêcheur**.",
        },
    )
    memorial = Memorial.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", memorial)
    assert memorial.languages == ["fr", "en"] and memorial.listed and memorial.state == "draft"
    page = client.get(url("detail", memorial))
    assert page.status_code == 200 and b"Yann Le Gall" in page.content and b"<strong>p" in page.content
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    client.post(url("state", memorial), {"state": "published"})
    memorial.refresh_from_db()
    assert memorial.state == "published"
    assert b"Yann Le Gall" in client.get(reverse("memorials:directory")).content


def test_create_with_bad_input_is_422_and_nothing_made(client, user):
    client.force_login(user)
    response = client.post(
        reverse("memorials:create"),
        {
            "full_name": "X",
            "death_date": "2999-01-01",
            "death_precision": "day",
            "birth_precision": "day",
            "visibility": "public",
            "tribute_access": "members",
        },
    )
    assert response.status_code == 422 and not Memorial.objects.exists()


def test_strangers_and_drafts(client, user, other):
    draft = make_memorial(user, publish=False)
    assert client.get(url("detail", draft)).status_code == 404
    client.force_login(other)
    assert client.get(url("detail", draft)).status_code == 404
    assert client.get(url("edit", draft)).status_code == 404
    assert client.get(reverse("memorials:create")).status_code == 200
    client.logout()
    assert client.get(reverse("memorials:create")).status_code == 302  # to the login page


def test_indexable_public_memorial_has_no_robots_header(client, user):
    memorial = make_memorial(user, indexable=True)
    assert "X-Robots-Tag" not in client.get(url("detail", memorial))


def test_editing_is_for_editors(client, memorial, other, user):
    client.force_login(other)
    assert client.get(url("edit", memorial)).status_code == 403
    assert client.post(url("state", memorial), {"state": "archived"}).status_code == 403
    client.force_login(user)
    assert client.get(url("edit", memorial)).status_code == 200
    assert client.post(url("state", memorial), {"state": "nope"}).status_code == 422


def test_last_words_and_a_hidden_cause(client, memorial, user, other):
    client.force_login(user)
    client.post(url("last_words", memorial), {"text": "Je pars en mer.", "consent": "family", "where": "Mastodon"})
    client.post(url("cause", memorial), {"text": "Suicide", "shown": "on"})
    client.post(url("last_words", memorial), {"text": "Sans accord", "consent": ""})  # refused: no consent
    client.force_login(other)
    page = client.get(url("detail", memorial)).content.decode()
    assert "Je pars en mer." in page and "Sans accord" not in page
    assert "Suicide" not in page
    directory = client.get(reverse("memorials:directory")).content.decode()
    assert "Je pars en mer." in directory and "Suicide" not in directory


def test_tribute_flow(client, memorial, user, other, third):
    client.force_login(other)
    response = client.post(url("tribute", memorial), {"kind": "memory", "text": "Un été à Brest"})
    assert response.status_code == 302
    tribute = Tribute.objects.get()
    assert tribute.state == "pending"
    client.force_login(third)
    assert "Un été à Brest" not in client.get(url("detail", memorial)).content.decode()
    assert client.post(url("tribute_moderate", memorial, tribute.pk), {"state": "approved"}).status_code == 403
    client.force_login(user)
    assert "Un été à Brest" in client.get(url("stewards", memorial)).content.decode()
    client.post(url("tribute_moderate", memorial, tribute.pk), {"state": "approved"})
    client.force_login(third)
    assert "Un été à Brest" in client.get(url("detail", memorial)).content.decode()


def test_empty_tribute_is_refused(client, memorial, other):
    client.force_login(other)
    assert client.post(url("tribute", memorial), {"kind": "memory", "text": ""}).status_code == 422
    assert not Tribute.objects.exists()


def test_gestures_once_a_day(client, memorial, other):
    client.force_login(other)
    assert client.post(url("gesture", memorial, "flowers"), {"message": "Pour Jeanne"}).status_code == 302
    assert client.post(url("gesture", memorial, "flowers"), {}).status_code == 409
    assert client.post(url("gesture", memorial, "confetti"), {}).status_code == 422
    assert client.post(url("gesture", memorial, "candle"), {"message": "x" * 141}).status_code == 422
    assert MemorialGesture.objects.count() == 1
    assert "Given today" in client.get(url("detail", memorial)).content.decode()


def test_follow_and_share(client, memorial, user, other):
    services.last_words_set(user, memorial, consent="family", text="La mer, toujours.")
    client.force_login(other)
    client.post(url("follow", memorial))
    memorial.refresh_from_db()
    assert memorial.followers_count == 1
    response = client.post(url("share", memorial))
    post = Post.objects.get(author=other)
    assert response.status_code == 302 and post.kind == "memorial"
    assert "La mer, toujours." in post.text and "Jeanne Martin" in post.text and memorial.key in post.text


def test_stewards_page_and_actions(client, memorial, user, other):
    client.force_login(other)
    assert client.get(url("stewards", memorial)).status_code == 403
    client.force_login(user)
    client.post(url("steward_action", memorial, "invite"), {"username": "tom", "role": "editor"})
    assert (
        client.post(url("steward_action", memorial, "invite"), {"username": "nobody", "role": "editor"}).status_code
        == 422
    )
    client.force_login(other)
    assert "Jeanne Martin" in client.get(reverse("memorials:mine")).content.decode()
    client.post(url("steward_action", memorial, "accept"))
    assert Steward.objects.get(user=other).accepted
    assert client.get(url("stewards", memorial)).status_code == 200
    assert client.post(url("steward_action", memorial, "transfer"), {"username": "marie"}).status_code == 403
    assert client.post(url("steward_action", memorial, "dance")).status_code == 404


def test_dispute_page_hides_the_memorial(client, memorial, other, third):
    client.force_login(other)
    assert client.get(url("dispute", memorial)).status_code == 200
    response = client.post(url("dispute", memorial), {"reason": "Je suis bien vivant."})
    assert response.status_code == 302
    client.force_login(third)
    assert client.get(url("detail", memorial)).status_code == 404


def test_directory_filters_and_bad_input(client, user):
    make_memorial(user, full_name="Anna Costa", listed=True, languages=["pt"], death_date="2023-07-20")
    make_memorial(user, full_name="Zoé Arnaud", listed=True, death_date="2021-05-01")
    page = client.get(reverse("memorials:directory"), {"q": "anna"}).content.decode()
    assert "Anna Costa" in page and "Zoé Arnaud" not in page
    page = client.get(reverse("memorials:directory"), {"year": "2021"}).content.decode()
    assert "Zoé Arnaud" in page and "Anna Costa" not in page
    assert client.get(reverse("memorials:directory"), {"year": "abc", "page": "x"}).status_code == 200

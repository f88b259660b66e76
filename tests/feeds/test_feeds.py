"""RSS/Atom feeds: public posts only, never followers-only or direct ones; suspended members have none;
memorialised members keep theirs, titled in remembrance."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from reconfort.accounts import services as account_services
from reconfort.accounts.models import User
from reconfort.memorials.models import AccountMemorial
from tests.factories import make_post

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    return [(i.findtext("title"), i.findtext("description"), i.findtext("link")) for i in root.iter("item")]


def test_profile_rss_has_public_posts_only(client, user):
    make_post(user, "Bonjour à tous #paix")
    make_post(user, "Seulement pour mes proches", visibility="private")
    make_post(user, "Un message direct", visibility="direct")
    make_post(user, "Pas sur le fil public", visibility="unlisted")
    items = _rss_items(client.get("/feeds/@marie.rss"))
    assert len(items) == 1
    title, description, link = items[0]
    assert "Bonjour à tous" in description and link.startswith("http://testserver/@marie/")
    body = client.get("/feeds/@marie.rss").content.decode()
    assert "proches" not in body and "direct" not in body and "fil public" not in body


def test_profile_atom(client, user):
    make_post(user, "Une pensée #paix")
    response = client.get("/feeds/@marie.atom")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = list(root.iter(f"{ATOM}entry"))
    assert len(entries) == 1 and "Une pensée" in entries[0].findtext(f"{ATOM}summary")


def test_content_warning_shows_only_the_warning(client, user):
    make_post(user, "Les détails de l'accident", spoiler_text="Accident")
    body = client.get("/feeds/@marie.rss").content.decode()
    assert "Accident" in body and "détails" not in body


def test_suspended_member_has_no_feed_unknown_neither(client, user):
    make_post(user, "Bonjour")
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get("/feeds/@marie.rss").status_code == 404
    assert client.get("/feeds/@nobody.atom").status_code == 404


def test_memorialised_member_feed_in_remembrance(client, user):
    make_post(user, "Mes derniers mots")
    AccountMemorial.objects.create(account=user)
    root = ET.fromstring(client.get("/feeds/@marie.rss", HTTP_ACCEPT_LANGUAGE="en").content)
    assert root.find("channel").findtext("title") == "Remembering Marie"
    assert "Mes derniers mots" in client.get("/feeds/@marie.rss").content.decode()


def test_blocked_member_gets_no_profile_feed(client, user, other):
    make_post(user, "Bonjour")
    account_services.block_create(user, other)
    client.force_login(other)
    assert client.get("/feeds/@marie.rss").status_code == 404


def test_tag_feeds(client, user, other):
    make_post(user, "Courage à vous #Réconfort")
    make_post(other, "Juste pour mes proches #réconfort", visibility="private")
    make_post(other, "Autre chose #ailleurs")
    items = _rss_items(client.get("/feeds/tags/RÉCONFORT.rss"))
    assert len(items) == 1 and "Courage" in items[0][1]
    assert client.get("/feeds/tags/r%C3%A9confort.atom").status_code == 200
    assert client.get("/feeds/tags/inconnu.rss").status_code == 404

"""Post cards and blank forms kept in the cache (web/fragments.py): what one viewer sees is never served to another
who would see it differently, a change shows at once, and the per-request parts (CSRF token, the page to come back
to, "2 minutes ago") are this request's."""

import re

import pytest
from django.core.cache import cache
from django.template import engines
from django.test import Client, RequestFactory
from django.urls import reverse

from reconfort.accounts.models import Role
from reconfort.posts import selectors
from reconfort.posts import services as post_services
from reconfort.posts.forms import PostForm
from reconfort.posts.models import Post
from reconfort.posts.views import posts_context
from reconfort.web import times
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db

COMMUNITY = "/community/"


def card(html: str, post) -> str:
    """The HTML of one post's card on a page."""
    match = re.search(rf'<article class="post[^"]*" id="post-{post.pk}".*?</article>', html, re.DOTALL)
    assert match, f"no card for post {post.pk}"
    return match.group(0)


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def page(client, url=COMMUNITY) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def card_keys() -> list[str]:
    return [key for key in cache._cache if ":card:" in key]  # LocMemCache in tests (tests/conftest.py)


def test_cards_are_served_from_the_cache(user, other):
    post = make_post(other, text="Une pensée pour vous")
    client = login(user)
    first = page(client)
    assert card_keys(), "the first page stores its cards"
    stored = card_keys()
    second = page(client)
    assert card_keys() == stored, "the second page reads them"
    assert "Une pensée pour vous" in card(second, post)
    assert without_tokens(card(first, post)) == without_tokens(card(second, post))


def test_cached_cards_are_what_the_templates_render(rf, user, other, third):
    """The cards read from the cache, and rendered to fill it, are exactly what the include renders."""
    posts = [make_post(other, text=f"Mot {i}") for i in range(3)]
    post_services.gesture_add(user, posts[0], "hug")
    reshare = post_services.post_reblog(third, posts[1])
    mine = make_post(user, text="Le mien", spoiler_text="Deuil")
    request = rf.get("/community/?max_id=999")
    request.user = user
    items = selectors.posts_visible_to(user, Post.objects.with_related()).order_by("-id")
    items = list(items.filter(pk__in=[p.pk for p in [*posts, reshare, mine]]))
    context = posts_context(user, items) | {"csrf_token": "TOKEN123"}
    engine = engines["django"]
    plain = engine.from_string('{% for item in posts %}{% include "posts/_post.html" %}{% endfor %}')
    cached = engine.from_string("{% load reconfort_web %}{% post_cards posts %}")
    expected = plain.render(context, request)
    assert 'value="TOKEN123"' in expected and "#post-" in expected
    assert cached.render(context, request) == expected  # filled
    assert cached.render(context, request) == expected  # read back


def test_one_viewers_gestures_never_show_to_another(user, other, third):
    """Marie and Amina read in the same language: all that sets their cards apart is what Marie pressed."""
    post = make_post(other, text="Merci")
    post_services.gesture_add(user, post, "candle")
    mine = card(page(login(user)), post)
    assert re.search(r'id="gesture-\d+-candle" aria-pressed="true"', mine)
    theirs = card(page(login(third)), post)
    assert re.search(r'id="gesture-\d+-candle" aria-pressed="false"', theirs)
    assert 'aria-pressed="true"' not in theirs


def test_one_viewers_reshare_never_shows_to_another(user, other, third):
    post = make_post(other, text="Merci", visibility="unlisted")  # not on the community page: no reshare card
    post_services.post_reblog(user, post)
    url = reverse("posts:detail", args=[other.username, post.pk])
    assert re.search(r'id="reshare-\d+" aria-pressed="true"', card(page(login(user), url), post))
    assert re.search(r'id="reshare-\d+" aria-pressed="false"', card(page(login(third), url), post))


def test_the_authors_menu_is_the_authors_alone(user, third):
    post = make_post(user, text="Mon message", kind="support_request")
    edit = reverse("posts:edit", args=[post.pk])
    policy = reverse("guard:reply_policy", args=[post.pk])
    own = card(page(login(user)), post)
    assert edit in own and policy in own
    seen = card(page(login(third)), post)
    assert edit not in seen and policy not in seen
    assert reverse("safety:worried", args=[post.pk]) in seen
    visitor = card(page(Client()), post)
    assert edit not in visitor and "<form" not in visitor


def test_an_anonymous_request_shows_its_pseudonym_to_others_whoever_came_first(user, third):
    moderator = UserFactory(username="modo", role=Role.MODERATOR)
    post = make_post(user, text="Je vais mal", kind="support_request")
    Post.objects.filter(pk=post.pk).update(author_alias="Lanterne 427")
    asker = card(page(login(user)), post)  # the asker's page fills the cache first
    assert "Marie" in asker and "Lanterne 427" in asker
    for viewer in (login(third), Client()):
        seen = card(page(viewer), post)
        assert "Lanterne 427" in seen
        assert "Marie" not in seen and "@marie" not in seen
    behind = card(page(login(moderator)), post)
    assert "@marie" in behind


def test_an_edit_a_count_and_a_new_name_show_at_once(user, other, third):
    post = make_post(other, text="Avant")
    client = login(user)
    assert "Avant" in card(page(client), post)
    post_services.post_edit(other, Post.objects.get(pk=post.pk), text="Après", spoiler_text="", language="fr")
    assert "Après" in card(page(client), post)
    post_services.gesture_add(third, Post.objects.get(pk=post.pk), "hug")
    assert re.search(r'gesture--hug".*?<span class="count">1</span>', card(page(client), post), re.DOTALL)
    type(other).objects.filter(pk=other.pk).update(display_name="Thomas")
    assert "Thomas" in card(page(client), post)


def test_forms_in_cached_cards_carry_this_sessions_token(user, other, third):
    post = make_post(other, text="Courage")
    page(login(third))  # another session fills the cache
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    html = card(page(client), post)
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert len(tokens) == 1
    action = reverse("posts:gesture", args=[post.pk, "hug"])
    refused = client.post(action, {"csrfmiddlewaretoken": "x" * 64, "next": COMMUNITY})
    assert refused.status_code == 403
    response = client.post(action, {"csrfmiddlewaretoken": tokens.pop(), "next": COMMUNITY})
    assert response.status_code == 302
    assert post.gestures.filter(account=user, kind="hug").exists()


def test_forms_come_back_to_the_page_they_are_on(user, other):
    post = make_post(other, text="Lumière #lumiere")
    client = login(user)
    community = card(page(client, COMMUNITY), post)
    tag = card(page(client, "/tags/lumiere"), post)
    assert f'name="next" value="{COMMUNITY}#post-{post.pk}"' in community
    assert f'name="next" value="/tags/lumiere#post-{post.pk}"' in tag
    escaped = card(page(client, COMMUNITY + "?a=1&b=2"), post)
    assert f'name="next" value="{COMMUNITY}?a=1&amp;b=2#post-{post.pk}"' in escaped


def test_how_long_ago_is_said_at_each_request(user, other, monkeypatch):
    post = make_post(other, text="Il y a peu")
    client = login(user)
    monkeypatch.setattr(times, "naturaltime", lambda value: "just now-ish")
    assert "just now-ish" in card(page(client), post)
    monkeypatch.setattr(times, "naturaltime", lambda value: "a little later")
    later = card(page(client), post)
    assert "a little later" in later and "just now-ish" not in later


def test_cards_follow_the_language(user, other):
    post = make_post(other, text="Bonjour")
    client = login(user)
    client.post(reverse("web:set_language"), {"language": "fr", "next": "/"})
    assert "Répondre" in card(page(client), post)
    client.post(reverse("web:set_language"), {"language": "en", "next": "/"})
    assert "Reply" in card(page(client), post) and "Répondre" not in card(page(client), post)


def test_the_compose_form_is_kept_blank_and_a_bound_one_is_not(rf, user):
    client = login(user)
    home = page(client, "/")
    assert 'id="compose"' in home and 'name="next" value="/"' in home
    assert len(form_keys()) == 1
    request = rf.get("/")
    request.user = user
    template = engines["django"].from_string('{% load reconfort_web %}{% blank_form "posts/_compose_form.html" form %}')
    bound = PostForm({"text": "", "kind": "ordinary", "visibility": "public", "language": "fr"})
    html = template.render({"form": bound, "csrf_token": "TOKEN123"}, request)
    assert "errorlist" in html and 'value="TOKEN123"' in html
    assert len(form_keys()) == 1, "a form with what was typed is never kept"
    assert "errorlist" not in page(client, "/")


def test_each_post_page_has_its_own_reply_form(user, other):
    first, second = make_post(other, text="Un"), make_post(other, text="Deux")
    client = login(user)
    for post in (first, second, first):
        html = page(client, reverse("posts:detail", args=[other.username, post.pk]))
        assert f'name="in_reply_to" value="{post.pk}"' in html


def form_keys() -> list[str]:
    return [key for key in cache._cache if ":form:" in key]


@pytest.fixture
def rf():
    return RequestFactory()

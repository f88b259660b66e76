"""Search over posts: stemming and accents in French and English, ranking, permissions. Runs on SQLite and on
PostgreSQL (DATABASE_URL): both engines must give the same answers."""

import pytest

from reconfort.accounts.services import block_create, follow_create, mute_create
from reconfort.posts.models import Post
from reconfort.posts.services import post_delete, post_edit
from reconfort.search import services
from reconfort.search.models import PostDocument
from reconfort.search.selectors import PostFilters, account_search, post_search
from tests.factories import UserFactory, make_post


def texts(viewer, query, **kwargs):
    return [p.text for p in post_search(viewer, query, **kwargs)]


@pytest.mark.parametrize(
    ("written", "language", "query"),
    [
        ("Le décès de mon grand-père", "fr", "deces"),
        ("Le deces de mon grand-pere", "fr", "décès"),
        ("Tant de souvenirs de lui", "fr", "souvenir"),
        ("Un souvenir de lui", "fr", "souvenirs"),
        ("Nos pensées vont vers vous", "fr", "pensee"),
        ("Happy memories of my mother", "en", "memory"),
        ("A memory of my mother", "en", "memories"),
        ("She was grieving alone", "en", "grieve"),
        ("Obsèques célébrées à Lyon", "fr", "OBSEQUES lyon"),
    ],
)
def test_stemming_and_accents(user, written, language, query):
    make_post(user, written, language=language)
    make_post(user, "Rien à voir avec cela", language="fr")
    assert texts(user, query) == [written]


def test_every_word_must_match_and_empty_queries_find_nothing(user):
    make_post(user, "Un souvenir de la mer")
    make_post(user, "Un souvenir de la montagne")
    assert texts(user, "souvenir mer") == ["Un souvenir de la mer"]
    assert texts(user, "") == [] and texts(user, "  !!! ") == []
    assert texts(user, 'souvenir" (mer* NEAR') == [] and texts(user, '"souvenir" (mer*') == ["Un souvenir de la mer"]


def test_relevance_then_recency(user):
    older_weak = make_post(user, "Une pensée pour vous ce soir")
    strong = make_post(user, "Pensée, pensée, pensée : tant de pensées pour maman")
    newer_weak = make_post(user, "Une pensée pour toi ce matin")
    found = post_search(user, "pensée")
    assert found[0] == strong
    assert found[1:] == [newer_weak, older_weak]  # the same relevance: newest first


def test_index_follows_edits_and_deletions(user):
    post = make_post(user, "Un chagrin immense")
    assert texts(user, "chagrin") == ["Un chagrin immense"]
    post_edit(user, post, text="Une joie immense")
    assert texts(user, "chagrin") == [] and texts(user, "joie") == ["Une joie immense"]
    post_delete(user, post)
    assert texts(user, "joie") == [] and not PostDocument.objects.exists()


def test_rebuild_indexes_everything_again(user):
    make_post(user, "Un chagrin immense")
    make_post(user, "Une lumière douce")
    PostDocument.objects.all().delete()
    assert texts(user, "chagrin") == []
    assert services.index_rebuild(batch=1) == 2
    assert texts(user, "chagrin") == ["Un chagrin immense"]


def test_visibility_followers_only_and_direct(user, other, third):
    follow_create(third, other)
    make_post(other, "Adieu public", visibility="public")
    make_post(other, "Adieu discret", visibility="unlisted")
    make_post(other, "Adieu aux proches", visibility="private")
    make_post(other, "Adieu à @amina seule", visibility="direct")
    make_post(other, "Adieu à @marie seule", visibility="direct")
    assert sorted(texts(user, "adieu")) == ["Adieu public", "Adieu à @marie seule"]  # public; mentioned
    expected = ["Adieu public", "Adieu discret", "Adieu aux proches", "Adieu à @amina seule"]
    assert sorted(texts(third, "adieu")) == sorted(expected)
    stranger = UserFactory()
    assert texts(stranger, "adieu") == ["Adieu public"]
    assert sorted(texts(other, "adieu")) == sorted(p.text for p in Post.objects.all())


def test_anonymous_sees_public_posts_only(user, client):
    from django.contrib.auth.models import AnonymousUser

    make_post(user, "Adieu public")
    make_post(user, "Adieu aux proches", visibility="private")
    assert texts(AnonymousUser(), "adieu") == ["Adieu public"]
    assert texts(AnonymousUser(), "adieu", filters=PostFilters(following=True)) == []


def test_blocks_either_way_and_mutes(user, other, third):
    make_post(other, "Courage à tous")
    make_post(third, "Courage, vraiment")
    block_create(user, other)
    mute_create(user, third)
    assert texts(user, "courage") == []
    assert sorted(texts(other, "courage")) == ["Courage à tous", "Courage, vraiment"]  # marie's mute is hers
    assert sorted(texts(UserFactory(), "courage")) == ["Courage à tous", "Courage, vraiment"]


def test_blocked_the_other_way(user, other):
    make_post(user, "Courage à tous")
    make_post(other, "Courage, vraiment")
    block_create(other, user)
    assert texts(other, "courage") == ["Courage, vraiment"] and texts(user, "courage") == ["Courage à tous"]


def test_hidden_and_held_posts(user, other):
    hidden = make_post(other, "Message retiré")
    Post.objects.filter(pk=hidden.pk).update(hidden_at="2026-01-01T00:00:00Z")
    held = make_post(other, "Message en attente")
    Post.objects.filter(pk=held.pk).update(held=True)
    assert texts(user, "message") == []
    assert sorted(texts(other, "message")) == ["Message en attente", "Message retiré"]  # still their own


def test_filters_account_following_and_ids(user, other, third):
    follow_create(user, other)
    a = make_post(other, "Lumière un")
    b = make_post(third, "Lumière deux")
    c = make_post(other, "Lumière trois")
    assert texts(user, "lumiere", filters=PostFilters(account_id=third.pk)) == ["Lumière deux"]
    assert texts(user, "lumiere", filters=PostFilters(following=True)) == ["Lumière trois", "Lumière un"]
    assert texts(user, "lumiere", filters=PostFilters(max_id=c.pk, min_id=a.pk)) == ["Lumière deux"]
    assert texts(user, "lumiere", limit=1, offset=1) == [b.text]


def test_reshares_are_not_indexed_twice(user, other):
    from reconfort.posts.services import post_reblog

    post = make_post(other, "Une bougie pour elle")
    post_reblog(user, post)
    assert PostDocument.objects.count() == 1
    assert texts(user, "bougie") == ["Une bougie pour elle"]


def test_accounts_accents_blocks_and_following(user, other, third):
    helene = UserFactory(username="helene", display_name="Hélène Dubois")
    assert [u.username for u in account_search(user, "helene dub")] == ["helene"]
    assert [u.username for u in account_search(user, "HÉLÈNE")] == ["helene"]
    assert account_search(user, "helene", following=True) == []
    follow_create(user, helene)
    assert [u.username for u in account_search(user, "dubois", following=True)] == ["helene"]
    block_create(helene, user)
    assert account_search(user, "helene") == []


def test_rebuild_command(user):
    from io import StringIO

    from django.core.management import call_command

    make_post(user, "Une lumière douce")
    PostDocument.objects.all().delete()
    out = StringIO()
    call_command("search_rebuild", stdout=out)
    assert "1 posts indexed" in out.getvalue() and texts(user, "lumieres") == ["Une lumière douce"]

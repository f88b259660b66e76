"""Tag identity (case, Unicode, accents), following tags and featured tags."""

from __future__ import annotations

import pytest

from reconfort.core.errors import ServiceError
from reconfort.hashtags import selectors, services
from reconfort.hashtags.models import FeaturedTag, Tag, TagFollow
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def test_case_and_unicode_forms_are_one_tag_first_spelling_is_displayed(user):
    make_post(user, "Merci #Réconfort")
    make_post(user, "Encore #réconfort et #RÉCONFORT")
    # The same word written with a combining accent (NFD) is the same tag too.
    make_post(user, "Et #re\u0301confort")
    assert Tag.objects.count() == 1
    assert Tag.objects.get().name == "Réconfort"


def test_accents_are_part_of_the_identity(user):
    """Decision 0035: #deces and #décès are two tags (accents can change the word: #pêche / #péché / #peche)."""
    make_post(user, "#deces #décès #Décès")
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["deces", "décès"]


def test_follow_creates_the_tag_is_idempotent_and_unfollow(user):
    assert services.tag_follow(user, "#Espoir").name == "Espoir"
    services.tag_follow(user, "espoir")
    assert TagFollow.objects.filter(user=user).count() == 1
    assert selectors.tag_is_followed(user, selectors.tag_get("ESPOIR"))
    services.tag_unfollow(user, "espoir")
    assert not TagFollow.objects.exists()


@pytest.mark.parametrize("bad", ["", "#", "123", "deux mots", "a" * 101, "tag-with-dash"])
def test_not_a_hashtag_is_refused_and_nothing_written(user, bad):
    with pytest.raises(ServiceError) as info:
        services.tag_follow(user, bad)
    assert info.value.status == 422
    assert not Tag.objects.exists() and not TagFollow.objects.exists()


def test_featured_tags_limit(user, settings):
    settings.RECONFORT_FEATURED_TAGS_MAX = 2
    first = services.featured_tag_add(user, "paix")
    assert services.featured_tag_add(user, "PAIX") == first
    services.featured_tag_add(user, "espoir")
    with pytest.raises(ServiceError) as info:
        services.featured_tag_add(user, "deuil")
    assert info.value.status == 422 and FeaturedTag.objects.count() == 2


def test_only_the_owner_removes_a_featured_tag(user, other):
    featured = services.featured_tag_add(user, "paix")
    with pytest.raises(ServiceError) as info:
        services.featured_tag_remove(other, featured.pk)
    assert info.value.status == 404 and FeaturedTag.objects.count() == 1
    services.featured_tag_remove(user, featured.pk)
    assert not FeaturedTag.objects.exists()

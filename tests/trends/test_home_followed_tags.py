"""Following a tag: its public posts come into my home timeline, except from people I block or mute, and
never followers-only posts."""

from __future__ import annotations

import pytest

from reconfort.accounts import services as account_services
from reconfort.core.pagination import PageParams
from reconfort.hashtags import services as tag_services
from reconfort.timelines.models import HomeFeedEntry
from reconfort.timelines.selectors import home_timeline
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


def test_followed_tag_posts_in_home_respecting_blocks_mutes_and_visibility(user, other, third):
    tag_services.tag_follow(user, "Paix")
    public = make_post(other, "Un peu de #paix")
    private = make_post(other, "Pour mes proches #PAIX", visibility="private")
    untagged = make_post(other, "Rien à voir")
    blocked_author, muted_author = UserFactory(username="bloque"), UserFactory(username="muet")
    account_services.block_create(user, blocked_author)
    account_services.mute_create(user, muted_author)
    from_blocked = make_post(blocked_author, "#paix")
    from_muted = make_post(muted_author, "#paix")
    ids = {p.pk for p in home_timeline(user, PageParams(limit=40))}
    assert public.pk in ids
    assert not ids & {private.pk, untagged.pk, from_blocked.pk, from_muted.pk}
    assert not HomeFeedEntry.objects.filter(owner=user, post__in=[from_blocked, from_muted, private]).exists()
    # Someone who blocked me: their posts do not come to me either.
    blocker = UserFactory(username="fache")
    account_services.block_create(blocker, user)
    assert not HomeFeedEntry.objects.filter(owner=user, post=make_post(blocker, "#paix")).exists()
    # After unfollowing, new posts no longer come.
    tag_services.tag_unfollow(user, "paix")
    later = make_post(third, "Encore de la #paix")
    assert not HomeFeedEntry.objects.filter(owner=user, post=later).exists()

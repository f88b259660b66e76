from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.comfort import selectors, services
from reconfort.comfort.models import RISK_FLAGGED, SupportRequest
from reconfort.core.errors import ServiceError
from reconfort.posts.models import Post
from tests.factories import make_post

from .conftest import ask, old_member, opt_in

pytestmark = pytest.mark.django_db


def test_ask_writes_the_post_and_the_request_in_one_go(asker):
    request = ask(asker, anonymous=True, topic="loneliness")
    assert request.post.kind == "support_request"
    assert request.topic == "loneliness"
    assert request.language == "fr"
    assert request.audience == "public"
    assert request.anonymous and request.pseudonym
    assert SupportRequest.objects.count() == 1


def test_ask_with_a_bad_topic_writes_nothing(asker):
    with pytest.raises(ServiceError):
        ask(asker, topic="astrology")
    with pytest.raises(ServiceError):
        ask(asker, audience="direct")
    assert not Post.objects.exists()


def test_a_support_request_post_written_elsewhere_gets_a_request(asker):
    post = make_post(asker, "J'ai besoin de parler à quelqu'un ce soir.", kind="support_request")
    request = SupportRequest.objects.get(post=post)
    assert request.topic == "other"


def test_flag_risk_moves_to_the_top_and_is_safe_twice(asker, comforter):
    first = ask(asker, text="Premier message")
    second = ask(old_member(), text="Deuxième message")
    assert [r.pk for r in selectors.queue_for(comforter)] == [first.pk, second.pk]
    services.support_request_flag_risk(second.post_id)
    services.support_request_flag_risk(second.post_id)
    services.support_request_flag_risk(999999)  # no request: nothing happens
    assert SupportRequest.objects.get(pk=second.pk).risk == RISK_FLAGGED
    assert [r.pk for r in selectors.queue_for(comforter)] == [second.pk, first.pk]


def test_queue_is_oldest_first_in_the_comforters_languages_and_topics(asker, comforter):
    fr = ask(asker, text="fr")
    en = ask(old_member(), text="en", language="en", topic="illness")
    SupportRequest.objects.filter(pk=en.pk).update(created_at=timezone.now() - timedelta(hours=2))
    assert [r.pk for r in selectors.queue_for(comforter)] == [en.pk, fr.pk]
    only_fr = old_member()
    opt_in(only_fr, languages=["fr"])
    assert [r.pk for r in selectors.queue_for(only_fr)] == [fr.pk]
    illness = old_member()
    opt_in(illness, topics=["illness"])
    assert [r.pk for r in selectors.queue_for(illness)] == [en.pk]


def test_queue_never_shows_own_blocked_or_invisible_requests(asker, comforter):
    own = ask(comforter, text="Mon propre message")
    they_block_me = ask(asker, text="Elle me bloque")
    i_block = old_member()
    i_block_request = ask(i_block, text="Je la bloque")
    followers_only = ask(old_member(), text="Pour mes abonnés", audience="private")
    visible = ask(old_member(), text="Visible")
    account_services.block_create(asker, comforter)
    account_services.block_create(comforter, i_block)
    ids = [r.pk for r in selectors.queue_for(comforter)]
    assert ids == [visible.pk]
    assert {own.pk, they_block_me.pk, i_block_request.pk, followers_only.pk}.isdisjoint(ids)

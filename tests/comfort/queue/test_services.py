from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.comfort import selectors, services
from reconfort.comfort.models import RISK_FLAGGED, Claim, KindReply, SupportRequest
from reconfort.core.errors import Forbidden, RateLimited, ServiceError
from reconfort.posts.models import Post
from tests.factories import UserFactory, make_post

from .conftest import ask, old_member, opt_in, trusted_by

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


def reply(author, request, text="Je pense fort à vous ce soir."):
    if author.pk != request.asker_id:
        trusted_by(request.asker, author)
    return make_post(author, text, in_reply_to_id=request.post_id)


def test_a_claim_hides_the_request_from_other_comforters_until_released(asker, comforter, second_comforter):
    request = ask(asker)
    claim = services.claim_open(comforter, request)
    assert claim.expires_at > timezone.now()
    assert selectors.queue_for(second_comforter) == []
    assert [r.pk for r in selectors.queue_for(comforter)] == [request.pk]
    with pytest.raises(ServiceError) as refused:
        services.claim_open(second_comforter, request)
    assert refused.value.status == 409
    services.claim_release(comforter, request)
    assert [r.pk for r in selectors.queue_for(second_comforter)] == [request.pk]
    assert services.claim_open(second_comforter, request).comforter == second_comforter


def test_an_unused_claim_expires(asker, comforter, second_comforter):
    request = ask(asker)
    claim = services.claim_open(comforter, request)
    Claim.objects.filter(pk=claim.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert [r.pk for r in selectors.queue_for(second_comforter)] == [request.pk]
    assert services.claim_open(second_comforter, request).comforter == second_comforter
    assert Claim.objects.get(pk=claim.pk).state == Claim.State.EXPIRED


def test_reopening_ones_own_claim_extends_it(asker, comforter):
    request = ask(asker)
    first = services.claim_open(comforter, request)
    again = services.claim_open(comforter, request)
    assert again.pk == first.pk
    assert Claim.objects.count() == 1


def test_kind_replies_take_the_request_out_of_the_queue(asker, comforter, second_comforter, settings):
    settings.RECONFORT_COMFORT_KIND_REPLIES = 2
    request = ask(asker)
    services.claim_open(comforter, request)
    reply(comforter, request)
    reply(asker, request, "Merci, ça me touche.")  # the asker's own reply is not a kind reply
    request.refresh_from_db()
    assert request.kind_replies == 1 and request.first_kind_reply_at is not None
    assert Claim.objects.get(comforter=comforter).state == Claim.State.USED
    assert selectors.queue_for(comforter) == []  # already answered by them
    assert [r.pk for r in selectors.queue_for(second_comforter)] == [request.pk]
    reply(second_comforter, request)
    assert selectors.queue_for(old_member_comforter()) == []
    with pytest.raises(ServiceError) as closed:
        services.claim_open(old_member_comforter(), request)
    assert closed.value.status == 409


def old_member_comforter():
    member = old_member()
    opt_in(member)
    return member


def test_held_reply_counts_only_once_released(asker, comforter):
    request = ask(asker)
    held = reply(comforter, request)
    # As the guard would: the reply was held when written, then released by the asker.
    SupportRequest.objects.filter(pk=request.pk).update(kind_replies=0, first_kind_reply_at=None)
    KindReply.objects.all().delete()
    held.held = True
    assert services.kind_reply_count(held) is False
    held.held = False
    services.on_reply_released(held.pk)
    services.on_reply_released(held.pk)  # twice: counted once
    request.refresh_from_db()
    assert request.kind_replies == 1


def test_asker_feels_comforted(asker, comforter, second_comforter):
    request = ask(asker)
    services.claim_open(comforter, request)
    with pytest.raises(Forbidden):
        services.support_request_mark_comforted(comforter, request)
    services.support_request_mark_comforted(asker, request)
    assert SupportRequest.objects.get(pk=request.pk).comforted_at is not None
    assert selectors.queue_for(second_comforter) == []
    assert not Claim.objects.filter(state=Claim.State.ACTIVE).exists()


def test_new_accounts_cannot_comfort(asker, settings):
    settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS = 7
    newcomer = UserFactory()
    with pytest.raises(Forbidden):
        opt_in(newcomer)
    with pytest.raises(ServiceError):
        services.comforter_save(old_member(), languages=["fr"], guide_read=False)
    with pytest.raises(ServiceError):
        services.comforter_save(old_member(), languages=["de"], guide_read=True)


def test_daily_claim_limit(asker, comforter, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 2
    requests = [ask(old_member(), text=f"demande {i}") for i in range(3)]
    services.claim_open(comforter, requests[0])
    services.claim_open(comforter, requests[1])
    with pytest.raises(RateLimited):
        services.claim_open(comforter, requests[2])


def test_comforter_cannot_claim_own_or_blocked(asker, comforter):
    own = ask(comforter, text="moi")
    with pytest.raises(Forbidden):
        services.claim_open(comforter, own)
    request = ask(asker)
    account_services.block_create(asker, comforter)
    with pytest.raises(Forbidden):
        services.claim_open(comforter, request)
    with pytest.raises(Forbidden):
        services.claim_open(old_member(), request)  # not a comforter


def test_a_comforter_cannot_open_a_private_conversation_with_the_asker(asker, comforter):
    request = ask(asker)
    services.claim_open(comforter, request)
    with pytest.raises(Forbidden):
        make_post(comforter, f"@{asker.username} on peut parler ailleurs ?", visibility="direct")
    stranger = old_member()
    make_post(stranger, f"@{asker.username} bonjour", visibility="direct")  # not a comforter of theirs: allowed
    make_post(asker, f"@{comforter.username} merci, je peux vous écrire ?", visibility="direct")
    make_post(comforter, f"@{asker.username} bien sûr.", visibility="direct")  # the asker started it


def test_thanks_only_from_the_asker_to_someone_who_replied(asker, comforter, second_comforter):
    request = ask(asker)
    reply(comforter, request)
    with pytest.raises(Forbidden):
        services.thanks_send(asker, request, second_comforter.pk, text="Merci")  # did not reply
    with pytest.raises(Forbidden):
        services.thanks_send(second_comforter, request, comforter.pk, text="Merci")  # not the asker
    with pytest.raises(ServiceError):
        services.thanks_send(asker, request, comforter.pk, text="x" * 501)
    thanks = services.thanks_send(asker, request, comforter.pk, text="Merci pour vos mots, ils m'ont aidée.")
    with pytest.raises(ServiceError) as twice:
        services.thanks_send(asker, request, comforter.pk, text="Encore merci")
    assert twice.value.status == 409
    assert [t.pk for t in selectors.thanks_received(comforter)] == [thanks.pk]
    assert selectors.thanks_received(asker) == []
    assert selectors.thanks_received(second_comforter) == []


def test_stats_per_day_and_language(asker, comforter):
    answered = ask(asker, text="a")
    waiting = ask(old_member(), text="b")
    english = ask(old_member(), text="c", language="en")
    now = timezone.now()
    SupportRequest.objects.filter(pk=answered.pk).update(
        created_at=now - timedelta(minutes=90), first_kind_reply_at=now - timedelta(minutes=60)
    )
    english_first = english.created_at + timedelta(minutes=5)
    SupportRequest.objects.filter(pk=english.pk).update(first_kind_reply_at=english_first)
    rows = {(r.day, r.language): r for r in selectors.stats(days=7)}
    fr = (
        rows[(now.date(), "fr")] if (now.date(), "fr") in rows else next(r for r in rows.values() if r.language == "fr")
    )
    assert fr.requests == 2 and fr.waiting == 1
    assert fr.median_minutes == 30.0
    assert fr.within_1h == 0.5
    en = next(r for r in rows.values() if r.language == "en")
    assert en.requests == 1 and en.p90_minutes == 5.0 and en.within_1h == 1.0 and en.waiting == 0
    assert waiting.pk


def test_percentile_nearest_rank():
    assert selectors.percentile([], 90) is None
    assert selectors.percentile(list(range(1, 11)), 90) == 9
    assert selectors.percentile([5], 50) == 5


def test_someone_already_answered_waits_behind_someone_nobody_answered(asker, comforter, second_comforter):
    answered = ask(asker, text="plus ancienne")
    reply(second_comforter, answered)
    newer = ask(old_member(), text="plus récente")
    assert [r.pk for r in selectors.queue_for(comforter)] == [newer.pk, answered.pk]


def test_an_asker_who_muted_a_comforter_is_not_in_their_queue(asker, comforter):
    request = ask(asker)
    account_services.mute_create(asker, comforter)
    assert selectors.queue_for(comforter) == []
    with pytest.raises(Forbidden):
        services.claim_open(comforter, request)
    trusted_by(asker, comforter)
    make_post(comforter, "Je pense à vous.", in_reply_to_id=request.post_id)
    assert SupportRequest.objects.get(pk=request.pk).kind_replies == 0  # they would never see it

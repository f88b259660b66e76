"""The comforter's daily limit counts every support request they took on: claimed in the queue, or answered straight
from the post page or the Mastodon API (each request once). Non-comforters are not counted."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from reconfort.api.services import application_create
from reconfort.comfort import limits, services
from reconfort.comfort.models import Claim
from reconfort.core.errors import RateLimited
from reconfort.posts.models import Post
from tests.api.conftest import ApiClient, make_token
from tests.factories import make_post

from .conftest import ask, old_member

pytestmark = pytest.mark.django_db

KIND = "Je pense fort à vous, prenez soin de vous."


@pytest.fixture
def requests(db):
    return [ask(old_member(), text=f"J'ai besoin de réconfort, demande {i}") for i in range(4)]


def test_replies_without_a_claim_use_the_daily_limit(comforter, requests, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 2
    make_post(comforter, KIND, in_reply_to_id=requests[0].post_id)
    make_post(comforter, KIND, in_reply_to_id=requests[1].post_id)
    assert limits.comfort_used_today(comforter) == 2
    with pytest.raises(RateLimited) as refused:
        make_post(comforter, KIND, in_reply_to_id=requests[2].post_id)
    assert refused.value.status == 429 and refused.value.code == "daily_limit" and refused.value.retry_after > 0
    with pytest.raises(RateLimited):
        services.claim_open(comforter, requests[3])  # the queue's door is closed too
    assert not Post.objects.filter(in_reply_to_id=requests[2].post_id).exists()  # nothing half-written
    assert not Claim.objects.filter(request=requests[3]).exists()
    # a request already answered today is not a new one: the conversation may go on
    make_post(comforter, "Et je repasse demain.", in_reply_to_id=requests[1].post_id)


def test_a_claim_that_led_to_a_reply_counts_once(comforter, requests, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 2
    for request in requests[:2]:
        services.claim_open(comforter, request)
        make_post(comforter, KIND, in_reply_to_id=request.post_id)
    assert limits.comfort_used_today(comforter) == 2
    with pytest.raises(RateLimited):
        make_post(comforter, KIND, in_reply_to_id=requests[2].post_id)


def test_requests_older_than_a_day_no_longer_count(comforter, requests, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 1
    reply = make_post(comforter, KIND, in_reply_to_id=requests[0].post_id)
    Post.objects.filter(pk=reply.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert limits.comfort_used_today(comforter) == 0
    make_post(comforter, KIND, in_reply_to_id=requests[1].post_id)


def test_non_comforters_and_the_asker_are_not_limited(asker, comforter, requests, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 1
    neighbour = old_member(username="voisine")
    for request in requests:
        make_post(neighbour, KIND, in_reply_to_id=request.post_id)  # held or shown, never refused
    own = ask(comforter, text="Moi aussi j'ai besoin d'aide aujourd'hui.")
    make_post(comforter, KIND, in_reply_to_id=requests[0].post_id)
    make_post(comforter, "Merci à vous.", in_reply_to_id=own.post_id)  # answering under one's own request
    make_post(comforter, "Une belle journée à toi.", in_reply_to_id=make_post(asker, "Bonjour").pk)  # not a request
    assert limits.comfort_used_today(comforter) == 1


def test_the_reply_page_refuses_with_a_clear_message(comforter, requests, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 1
    comforter.language = "en"
    comforter.save(update_fields=["language"])
    make_post(comforter, KIND, in_reply_to_id=requests[0].post_id)
    client = Client()
    client.force_login(comforter)
    with translation.override("en"):
        response = client.post(
            reverse("posts:compose"),
            {"text": KIND, "in_reply_to": requests[1].post_id, "kind": "ordinary", "visibility": "public",
             "language": "fr"},
        )  # fmt: skip
        assert response.status_code == 429
        assert b"You have comforted a lot today" in response.content.replace(b"&#x27;", b"'")
        queue_reply = client.post(reverse("comfort:reply", args=[requests[2].pk]), {"text": KIND})
        assert queue_reply.status_code == 429 and b"comforted a lot today" in queue_reply.content
    assert not Post.objects.filter(in_reply_to_id__in=[requests[1].post_id, requests[2].post_id]).exists()


def test_the_api_refuses_with_429_and_an_error(comforter, requests, settings):
    settings.RECONFORT_COMFORT_DAILY_CLAIMS = 1
    comforter.language = "en"
    comforter.save(update_fields=["language"])
    app, _secret = application_create(name="Client", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read write")
    api = ApiClient(make_token(app, comforter, "read write"))
    first = api.post_json("/api/v1/statuses", {"status": KIND, "in_reply_to_id": str(requests[0].post_id)})
    assert first.status_code == 200, first.content
    response = api.post_json("/api/v1/statuses", {"status": KIND, "in_reply_to_id": str(requests[1].post_id)})
    assert response.status_code == 429 and "comforted a lot today" in response.json()["error"]
    assert int(response["Retry-After"]) > 0
    claim = api.post(f"/api/v1/comfort/requests/{requests[2].pk}/claim")
    assert claim.status_code == 429 and claim.json()["error"]
    assert "429" in api.get("/api/openapi.json").json()["paths"]["/api/v1/statuses"]["post"]["description"]

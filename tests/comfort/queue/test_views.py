"""Comfort pages: ask, opt in, the queue, claim and release, reply, comforted, thanks, figures."""

import pytest
from django.test import Client

from reconfort.accounts.models import Role
from reconfort.comfort import services
from reconfort.comfort.models import Claim, Comforter, SupportRequest, Thanks
from reconfort.posts.models import Post
from tests.factories import UserFactory, make_post

from .conftest import ask, old_member, trusted_by

pytestmark = pytest.mark.django_db


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_pages_need_signing_in(client):
    for path in ["/comfort/", "/comfort/ask/", "/comfort/queue/", "/comfort/thanks/", "/comfort/comforter/"]:
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response["Location"], path


def test_asking_through_the_page(asker):
    client = signed_in(asker)
    assert client.get("/comfort/ask/").status_code == 200
    response = client.post(
        "/comfort/ask/",
        {"text": "Je viens d'avoir un bébé et je me sens si seule.", "topic": "new_parenthood", "language": "fr",
         "audience": "public", "anonymous": "on"},
    )  # fmt: skip
    request = SupportRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/comfort/requests/{request.pk}/"
    assert request.anonymous and request.topic == "new_parenthood"
    page = client.get(response["Location"])
    assert request.pseudonym in page.text and "si seule" in page.text
    assert "si seule" in client.get("/comfort/").text


def test_asking_with_bad_input_writes_nothing(asker):
    response = signed_in(asker).post(
        "/comfort/ask/", {"text": "", "topic": "x", "language": "fr", "audience": "public"}
    )
    assert response.status_code == 422
    assert not Post.objects.exists()


def test_opting_in_requires_the_guide_and_an_old_enough_account(asker, settings):
    settings.RECONFORT_COMFORT_MIN_ACCOUNT_DAYS = 7
    client = signed_in(asker)
    page = client.get("/comfort/comforter/")
    assert page.status_code == 200 and "guide_read" in page.text
    refused = client.post("/comfort/comforter/", {"languages": ["fr"]})
    assert refused.status_code == 422 and not Comforter.objects.exists()
    ok = client.post("/comfort/comforter/", {"languages": ["fr"], "topics": ["grief"], "guide_read": "on"})
    assert ok.status_code == 302 and Comforter.objects.get(user=asker).topics == ["grief"]
    newcomer = UserFactory()
    too_new = signed_in(newcomer).post("/comfort/comforter/", {"languages": ["fr"], "guide_read": "on"})
    assert too_new.status_code == 403 and not Comforter.objects.filter(user=newcomer).exists()


def test_queue_claim_reply_release_through_pages(asker, comforter, second_comforter):
    request = ask(asker, anonymous=True)
    client = signed_in(comforter)
    queue = client.get("/comfort/queue/")
    assert request.pseudonym in queue.text and "@lea" not in queue.text
    response = client.post(f"/comfort/requests/{request.pk}/claim/")
    assert response.status_code == 302 and Claim.objects.get().comforter == comforter
    detail = client.get(f"/comfort/requests/{request.pk}/")
    assert "@lea" not in detail.text and request.pseudonym in detail.text
    other = signed_in(second_comforter)
    assert request.pseudonym not in other.get("/comfort/queue/").text
    taken = other.post(f"/comfort/requests/{request.pk}/claim/")
    assert taken.status_code == 302 and taken["Location"] == "/comfort/queue/"
    client.post(f"/comfort/requests/{request.pk}/release/")
    trusted_by(asker, comforter)
    assert request.pseudonym in other.get("/comfort/queue/").text
    client.post(f"/comfort/requests/{request.pk}/reply/", {"text": "Je suis là, je vous lis."})
    assert SupportRequest.objects.get(pk=request.pk).kind_replies == 1


def test_only_the_asker_says_comforted_and_thanks(asker, comforter):
    request = ask(asker)
    trusted_by(asker, comforter)
    signed_in(comforter).post(f"/comfort/requests/{request.pk}/reply/", {"text": "Je pense à vous."})
    assert signed_in(comforter).post(f"/comfort/requests/{request.pk}/comforted/").status_code == 403
    refused = signed_in(comforter).post(
        f"/comfort/requests/{request.pk}/thanks/", {"recipient": comforter.pk, "text": "Merci à moi"}
    )
    assert refused.status_code == 403 and not Thanks.objects.exists()
    client = signed_in(asker)
    page = client.get(f"/comfort/requests/{request.pk}/")
    assert 'name="recipient"' in page.text
    client.post(f"/comfort/requests/{request.pk}/thanks/", {"recipient": comforter.pk, "text": "Merci Paul."})
    client.post(f"/comfort/requests/{request.pk}/comforted/")
    assert SupportRequest.objects.get(pk=request.pk).comforted_at is not None
    assert "Merci Paul." in signed_in(comforter).get("/comfort/thanks/").text
    assert "Merci Paul." not in signed_in(old_member()).get("/comfort/thanks/").text
    assert "Merci Paul." not in client.get("/comfort/thanks/").text


def test_followers_only_request_is_not_found_for_strangers(asker, comforter):
    request = ask(asker, audience="private")
    assert signed_in(comforter).get(f"/comfort/requests/{request.pk}/").status_code == 404
    assert signed_in(comforter).post(f"/comfort/requests/{request.pk}/claim/").status_code == 404


def test_stats_are_for_moderators_behind_two_factor(asker, settings):
    ask(asker)
    moderator = old_member(role=Role.MODERATOR)
    assert signed_in(asker).get("/comfort/stats/").status_code == 403
    settings.RECONFORT_STAFF_REQUIRE_2FA = True
    response = signed_in(moderator).get("/comfort/stats/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/setup/")
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    page = signed_in(moderator).get("/comfort/stats/")
    assert page.status_code == 200 and "FR" in page.text
    assert page.context["rows"][0].requests == 1


def test_anonymous_identity_is_seen_by_asker_and_moderators(asker, settings):
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    request = ask(asker, anonymous=True)
    assert "@lea" in signed_in(asker).get(f"/comfort/requests/{request.pk}/").text
    assert "@lea" in signed_in(old_member(role=Role.MODERATOR)).get(f"/comfort/requests/{request.pk}/").text
    assert "@lea" not in signed_in(old_member()).get(f"/comfort/requests/{request.pk}/").text
    assert services  # the pages go through the services module


def test_a_gratitude_post_has_its_gentle_label(asker):
    post = make_post(asker, "Merci à celles et ceux qui m'ont écrit cette semaine.", kind="gratitude")
    page = signed_in(asker).get(f"/@{asker.username}/{post.pk}")
    assert page.status_code == 200 and "🌼" in page.text and "kind--gratitude" in page.text

"""The /kindred/ page: the form, suggestions with their reasons, asking, answering, opting out (no JS)."""

import pytest
from django.test import Client

from reconfort.comfort.kindred.models import KindredLink, KindredProfile

from .conftest import opt_in


def as_member(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


FORM = {"loss": "parent", "since": "this_year", "languages": ["fr"], "region": "", "cause": "", "cause_use": "private"}


def test_visitors_are_sent_to_sign_in(db):
    response = Client().get("/kindred/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_opt_in_through_the_form_then_see_a_suggestion_with_its_reason(user, other):
    other.language = "en"
    opt_in(other)
    client = as_member(user)
    assert client.post("/kindred/", FORM).status_code == 302
    assert KindredProfile.objects.filter(user=user, loss="parent").exists()
    user.language = "en"
    user.save()
    html = client.get("/kindred/").content.decode()
    assert "You have both lost a parent this year." in html
    assert f"/kindred/{other.pk}/request/" in html


def test_a_refused_form_writes_nothing(user):
    response = as_member(user).post("/kindred/", {**FORM, "languages": []})
    assert response.status_code == 400
    assert not KindredProfile.objects.exists()


def test_ask_then_answer_through_the_pages(user, other):
    opt_in(user)
    opt_in(other)
    assert as_member(user).post(f"/kindred/{other.pk}/request/").status_code == 302
    page = as_member(other).get("/kindred/").content.decode()
    assert f"/kindred/{user.pk}/accept/" in page
    assert as_member(other).post(f"/kindred/{user.pk}/accept/").status_code == 302
    assert KindredLink.objects.get().state == "accepted"
    assert "@tom" in as_member(user).get("/kindred/").content.decode()


@pytest.mark.parametrize("action", ["accept", "decline"])
def test_answering_without_a_request_is_a_404(user, other, action):
    opt_in(user)
    opt_in(other)
    assert as_member(user).post(f"/kindred/{other.pk}/{action}/").status_code == 404


def test_opting_out_deletes_my_answers(user):
    opt_in(user)
    assert as_member(user).post("/kindred/opt-out/").status_code == 302
    assert not KindredProfile.objects.filter(user=user).exists()


def test_the_request_and_the_yes_are_on_the_notifications_page(user, other):
    user.language = other.language = "en"
    user.save()
    other.save()
    opt_in(user)
    opt_in(other)
    as_member(user).post(f"/kindred/{other.pk}/request/")
    html = as_member(other).get("/notifications/").content.decode()
    assert "would like to be in touch with you as a kindred spirit" in html
    as_member(other).post(f"/kindred/{user.pk}/accept/")
    assert "said yes: you are kindred spirits now" in as_member(user).get("/notifications/").content.decode()

import pytest
from django.test import Client

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_five_failures_lock_the_username_from_that_address(user, other):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(4):
        assert attempt(client, "MARIE", "devine").status_code == 422
    assert attempt(client, "marie", "devine").status_code == 429  # the fifth failure locks
    locked = attempt(client, "marie", PASSWORD)  # even the right password, in any case
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "wait" in locked.content.decode() or "patienter" in locked.content.decode()
    assert attempt(Client(REMOTE_ADDR="203.0.113.7"), "tom", PASSWORD).status_code == 302  # others unaffected


def test_success_resets_the_count(user):
    client = Client(REMOTE_ADDR="198.51.100.2")
    for _ in range(4):
        attempt(client, "marie", "devine")
    assert attempt(client, "marie", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert attempt(client, "marie", "devine").status_code == 422
    assert attempt(client, "marie", PASSWORD).status_code == 302

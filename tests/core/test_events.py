"""Events are delivered after the transaction commits, once per subscriber, and never for a rollback."""

import pytest
from django.db import transaction

from reconfort.core import events


@pytest.fixture
def received():
    calls = []

    def handler(**payload):
        calls.append(payload)

    events.subscribe("test.event", handler)
    events.subscribe("test.event", handler)  # subscribing twice delivers once
    yield calls
    events._subscribers.pop("test.event", None)


@pytest.mark.django_db(transaction=True)
def test_delivered_after_commit_not_before(received):
    with transaction.atomic():
        events.emit("test.event", post_id=7)
        assert received == []
    assert received == [{"post_id": 7}]


@pytest.mark.django_db(transaction=True)
def test_never_delivered_when_the_transaction_rolls_back(received):
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            events.emit("test.event", post_id=8)
            raise RuntimeError("the action failed")
    assert received == []


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_delivered_at_once(received):
    events.emit("test.event", post_id=9)
    assert received == [{"post_id": 9}]


@pytest.mark.django_db(transaction=True)
def test_events_of_other_names_are_not_delivered(received):
    events.emit("test.other", post_id=10)
    assert received == []

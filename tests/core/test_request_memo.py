from django.core.signals import request_finished, request_started

from reconfort.core import request_memo


def _counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_inside_a_request_a_value_is_computed_once_and_forgotten_on_demand():
    calls, compute = _counter()
    request_started.send(sender=None)
    try:
        assert request_memo.memoised("k", compute) == 1
        assert request_memo.memoised("k", compute) == 1
        request_memo.forget("k")
        assert request_memo.memoised("k", compute) == 2
    finally:
        request_finished.send(sender=None)
    assert len(calls) == 2


def test_outside_a_request_nothing_is_kept():
    calls, compute = _counter()
    request_started.send(sender=None)
    request_memo.memoised("k", compute)
    request_finished.send(sender=None)
    # A background task or the shell: every read computes, so a long-lived worker never holds a stale value.
    assert request_memo.memoised("k", compute) == 2
    assert request_memo.memoised("k", compute) == 3


def test_the_next_request_starts_afresh():
    calls, compute = _counter()
    for expected in (1, 2):
        request_started.send(sender=None)
        try:
            assert request_memo.memoised("k", compute) == expected
        finally:
            request_finished.send(sender=None)

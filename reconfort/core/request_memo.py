"""Values computed at most once per request: a shared cache read that a page would otherwise repeat for every
item it renders (on the embedded default the cache is a database table, so each read is a query).

The memo lives from `request_started` to `request_finished` in the thread serving the request. Outside a request
(background tasks, the shell) nothing is memoised, so a long-running worker never keeps a stale value.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.signals import request_finished, request_started

T = TypeVar("T")
_local = threading.local()


def memoised(key: str, compute: Callable[[], T]) -> T:
    memo = getattr(_local, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(key: str) -> None:
    """After a change within the request, the next read computes again."""
    memo = getattr(_local, "memo", None)
    if memo is not None:
        memo.pop(key, None)


def _start(**kwargs) -> None:
    _local.memo = {}


def _finish(**kwargs) -> None:
    _local.memo = None


request_started.connect(_start, dispatch_uid="reconfort.core.request_memo.start")
request_finished.connect(_finish, dispatch_uid="reconfort.core.request_memo.finish")

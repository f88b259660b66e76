"""Two (or eight) comforters opening the same request at the same moment: exactly one holds it."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from reconfort.comfort import services
from reconfort.comfort.models import Claim
from reconfort.core.errors import ServiceError

from .conftest import ask, old_member, opt_in

pytestmark = pytest.mark.django_db(transaction=True)

AT_ONCE = 8


def test_concurrent_claims_on_the_real_database_one_wins(asker):
    request = ask(asker)
    comforters = [old_member() for _ in range(AT_ONCE)]
    for member in comforters:
        opt_in(member)
    start = threading.Barrier(AT_ONCE)

    def attempt(member):
        try:
            start.wait()
            services.claim_open(member, request)
            return "won"
        except ServiceError as error:
            return error.status
        finally:
            connection.close()

    for _round in range(2):
        Claim.objects.all().delete()
        with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
            results = list(pool.map(attempt, comforters))
        assert results.count("won") == 1, results
        assert sorted(r for r in results if r != "won") == [409] * (AT_ONCE - 1)
        assert Claim.objects.filter(request=request, state=Claim.State.ACTIVE).count() == 1

"""Property-based fuzzing of the whole API from its OpenAPI document (schemathesis + hypothesis), as issue 3 asks:
for every operation, generated requests — valid and deliberately invalid — sent by a signed-in member must never
get a server error, and every documented response must match its schema.

The examples are derandomised (the same cases on every run, so a failure is reproducible) and few per operation,
to keep the suite quick; `RECONFORT_FUZZ_EXAMPLES=50 ./scripts/test tests/security/test_fuzzing.py` digs deeper.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.conftest import make_token
from tests.factories import UserFactory

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
EXAMPLES = int(os.environ.get("RECONFORT_FUZZ_EXAMPLES", "3"))


@pytest.fixture
def member_token(app, settings):
    settings.RECONFORT_RATE_LIMITS_ENABLED = False  # fuzzing is many requests; limits have their own tests
    member = UserFactory(username="fuzz_member")
    UserFactory(username="fuzz_other")
    return make_token(app, member)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_matches_its_document(case, member_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {member_token}"},
        checks=[checks.not_a_server_error, response_schema_conformance],
    )

"""Part 2 of the authorization matrix (see test_authorization_matrix.py)."""

import pytest

from tests.security.test_authorization_matrix import (  # noqa: F401 - fixtures used by name
    _fast_and_open,
    check_row,
    rows_of_part,
    world,
)

pytestmark = pytest.mark.rollback_db
ROWS = rows_of_part(1)


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_matrix(row, world):  # noqa: F811 - the imported fixture
    check_row(row, world)

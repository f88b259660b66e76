import pytest

from reconfort.accounts.models import Role
from tests.factories import UserFactory


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", role=Role.MODERATOR)


@pytest.fixture
def second_moderator(db):
    return UserFactory(username="modo2", role=Role.MODERATOR)


@pytest.fixture
def admin(db):
    return UserFactory(username="admin", role=Role.ADMIN)

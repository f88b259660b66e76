import pytest

from reconfort.accounts import services as account_services
from tests.factories import UserFactory, make_post


@pytest.fixture
def asker(db):
    return UserFactory(username="asker")


@pytest.fixture
def friend(asker):
    """Someone the asker follows: their replies are shown at once."""
    friend = UserFactory(username="friend")
    account_services.follow_create(asker, friend)
    return friend


@pytest.fixture
def stranger(db):
    return UserFactory(username="stranger")


@pytest.fixture
def request_post(asker):
    return make_post(asker, "J'ai besoin de réconfort, ma mère est morte hier.", kind="support_request")

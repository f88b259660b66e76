import datetime

import pytest

from reconfort.accounts.models import Role
from reconfort.memorials import services
from reconfort.memorials.models import Memorial
from tests.factories import UserFactory


def make_memorial(owner, *, publish=True, **fields):
    """A memorial written through the services, published unless asked otherwise."""
    fields.setdefault("full_name", "Jeanne Martin")
    fields.setdefault("death_date", datetime.date(2024, 3, 14))
    memorial = services.memorial_create(owner, **fields)
    if publish:
        services.memorial_set_state(owner, memorial, Memorial.State.PUBLISHED)
    memorial.refresh_from_db()
    return memorial


@pytest.fixture
def memorial(user):
    """Published and public; `user` (marie) owns it."""
    return make_memorial(user, listed=True, languages=["fr"])


@pytest.fixture
def moderator(db):
    return UserFactory(username="modo", role=Role.MODERATOR)


@pytest.fixture
def editor(memorial, user):
    person = UserFactory(username="paul")
    services.steward_invite(user, memorial, person, "editor")
    services.steward_accept(person, memorial)
    return person


@pytest.fixture
def tribute_moderator(memorial, user):
    person = UserFactory(username="lea")
    services.steward_invite(user, memorial, person, "tribute_moderator")
    services.steward_accept(person, memorial)
    return person


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    """Archive uploads go to a private directory under DATA_DIR: one per test, to check nothing is left."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()

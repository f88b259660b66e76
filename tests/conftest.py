import pytest
from django.test import TransactionTestCase
from huey.contrib.djhuey import HUEY

from tests.db_reset import reset_database
from tests.factories import UserFactory


def _fixture_teardown(self):
    for alias in self._databases_names(include_mirrors=False):
        reset_database(alias)


# Tests commit for real (docs/decisions/0005); empty the tables they wrote, without Django's full flush.
TransactionTestCase._fixture_teardown = _fixture_teardown


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings, tmp_path):
    """Background tasks run inline (Huey immediate mode), so a test sees their effect at once."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # A fresh in-process cache per test, so rate-limit counters never leak from one test into another.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(tmp_path)}
    }
    settings.RECONFORT_REGISTRATION_MODE = "open"
    HUEY.immediate = True
    yield


@pytest.fixture
def user(db):
    return UserFactory(username="marie", display_name="Marie")


@pytest.fixture
def other(db):
    return UserFactory(username="tom", display_name="Tom", language="en")


@pytest.fixture
def third(db):
    return UserFactory(username="amina", display_name="Amina")


def pytest_collection_modifyitems(items):
    """Every database test commits for real (transactional), so after-commit events (timelines, notifications)
    fire as in production instead of being swallowed by a wrapping test transaction."""
    for item in items:
        if item.get_closest_marker("rollback_db"):
            continue  # opted out: runs in a rolled-back transaction, firing after-commit work itself
        if item.get_closest_marker("django_db") or "db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db(transaction=True))

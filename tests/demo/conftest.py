import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from huey.contrib.djhuey import HUEY

from reconfort.demo import loader

# Argon2 is deliberately slow; three dozen demo members would take seconds.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(scope="module")
def community(django_db_setup, django_db_blocker):
    """The demo loaded once for a module of read-only tests (a load takes seconds), flushed afterwards.

    Loaded the hard way: registrations closed and tasks queued (not immediate), which the loader must override.
    """
    with django_db_blocker.unblock():
        HUEY.immediate = False
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS, RECONFORT_REGISTRATION_MODE="closed"):
                result = loader.load_demo()
            huey_mode_after_load = HUEY.immediate
        finally:
            HUEY.immediate = True
        yield result, huey_mode_after_load
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def read_db(community, django_db_blocker):
    """Database reads on the shared community (these tests must not write)."""
    with django_db_blocker.unblock():
        yield community[0]

"""`reconfort demo`: loads once, prints the logins, and the same seed always gives the same community."""

import pytest
from django.core.management import call_command

from reconfort.accounts.models import Follow, User
from reconfort.demo.content import ADMIN_USERNAME, DEMO_PASSWORD
from reconfort.posts.models import Gesture, Post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _signature():
    """What the seeded generator chose, independent of database ids."""
    gestures = sorted(Gesture.objects.values_list("account__username", "post__text", "kind"))
    follows = sorted(Follow.objects.values_list("follower__username", "target__username", "state"))
    return gestures, follows


def _counts():
    return User.objects.count(), Post.objects.count(), Gesture.objects.count(), Follow.objects.count()


def test_demo_loads_once_prints_logins_and_is_deterministic(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Demo community loaded" in out and DEMO_PASSWORD in out and "camille_roux" in out
    first, counts = _signature(), _counts()
    assert len(first[0]) > 100

    call_command("demo")
    out = capsys.readouterr().out
    assert "already loaded" in out and DEMO_PASSWORD in out
    assert _counts() == counts, "running it twice duplicates nothing"

    User.objects.all().delete()
    call_command("demo")
    assert _signature() == first, "the same seed gives the same community"


def test_an_existing_admin_account_is_left_alone():
    mine = UserFactory(username=ADMIN_USERNAME)
    call_command("demo")
    mine.refresh_from_db()
    assert not mine.is_superuser and not mine.is_staff
    assert User.objects.filter(username="camille_roux").exists()

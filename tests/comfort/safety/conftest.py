from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts.models import User
from tests.factories import UserFactory


def age(user, days: int) -> User:
    """Make an account `days` old (the « worried » flow is refused to new accounts)."""
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    user.refresh_from_db()
    return user


@pytest.fixture
def elder(db):
    """A member who joined a month ago."""
    return age(UserFactory(username="elder", display_name="Elder"), 30)


RISK_TEXT = "Je n'en peux plus, je veux en finir ce soir."
CALM_TEXT = "Ce film m'a tué, quelle fin !"

from datetime import timedelta

import pytest
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.comfort import services
from tests.factories import UserFactory


def old_member(**kwargs):
    """An account old enough to comfort."""
    return UserFactory(date_joined=timezone.now() - timedelta(days=60), **kwargs)


def ask(asker, text="Ma mère est partie la semaine dernière, je n'arrive pas à dormir.", **kwargs):
    kwargs.setdefault("topic", "grief")
    kwargs.setdefault("language", "fr")
    return services.support_request_ask(asker, text=text, **kwargs)


def opt_in(user, languages=("fr", "en"), topics=()):
    return services.comforter_save(user, languages=list(languages), topics=list(topics), guide_read=True)


@pytest.fixture
def asker(db):
    return old_member(username="lea", display_name="Léa")


@pytest.fixture
def comforter(db):
    member = old_member(username="paul", display_name="Paul")
    opt_in(member)
    return member


@pytest.fixture
def second_comforter(db):
    member = old_member(username="nadia", display_name="Nadia")
    opt_in(member)
    return member


def trusted_by(asker, *repliers):
    """The kind-reply guard holds replies from people the asker does not follow (until approved): tests that want
    a reply shown at once have the asker follow its writer."""
    for replier in repliers:
        account_services.follow_create(asker, replier)

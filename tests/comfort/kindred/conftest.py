import pytest

from reconfort.comfort.kindred import services


def opt_in(user, **values):
    facets = {"loss": "parent", "since": "this_year", "languages": ["fr"], "cause": "", "cause_use": "private"}
    facets.update(values)
    return services.profile_save(user, **facets)


@pytest.fixture
def opted_in():
    return opt_in

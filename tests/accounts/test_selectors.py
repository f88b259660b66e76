import pytest

from reconfort.accounts import selectors, services
from reconfort.core.errors import NotFound

pytestmark = pytest.mark.django_db


def test_account_get_by_username_ignores_case_and_domain(user):
    assert selectors.account_get_by_username("MARIE") == user
    assert selectors.account_get_by_username("@marie@localhost:8000") == user
    with pytest.raises(NotFound):
        selectors.account_get_by_username("nobody")


def test_account_get_refuses_bad_ids(user):
    with pytest.raises(NotFound):
        selectors.account_get("abc")
    user.is_active = False
    user.save()
    with pytest.raises(NotFound):
        selectors.account_get(user.pk)


def test_relationships_in_constant_queries(user, other, third, django_assert_num_queries):
    services.follow_create(user, other)
    services.follow_create(third, user)
    services.block_create(user, third)
    services.mute_create(user, other)
    with django_assert_num_queries(4):
        rels = selectors.relationships(user, [other.pk, third.pk])
    by_id = {r.id: r for r in rels}
    assert by_id[other.pk].following and by_id[other.pk].muting and not by_id[other.pk].followed_by
    assert by_id[third.pk].blocking and not by_id[third.pk].followed_by


def test_hidden_accounts_include_blocks_both_ways_and_mutes(user, other, third):
    services.block_create(other, user)
    services.mute_create(user, third)
    hidden = set(selectors.hidden_account_ids(user).values_list("id", flat=True))
    assert hidden == {other.pk, third.pk}

"""A pseudonym's handle can never be a member's username (decision 0038): it always holds a "-", which usernames may
not, so a client looking up the `acct` of an anonymous request's author, or starting a reply with it, finds nobody
(not a look-alike who registered "lantern_427", nor a member called "lantern")."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.accounts.models import username_validator
from reconfort.comfort import services as comfort_services
from reconfort.core.errors import ServiceError
from reconfort.posts import services as post_services
from reconfort.posts.authors import alias_handle
from tests.factories import UserFactory


def member(**kwargs):
    return UserFactory(date_joined=timezone.now() - timedelta(days=60), language="en", **kwargs)


@pytest.mark.parametrize("alias", ["Lantern 427", "Willow", "Été 12", "", "lantern_427", "  "])
def test_no_handle_is_a_valid_username(alias):
    handle = alias_handle(alias)
    assert "-" in handle and handle.strip("-") == handle
    with pytest.raises(ValidationError):
        username_validator(handle)


def test_registering_a_pseudonym_handle_is_refused(db):
    with pytest.raises(ServiceError) as refused:
        account_services.account_register(
            username=alias_handle("Lantern 427"), email="l@example.org", password="Un long mot de passe 42"
        )
    assert refused.value.field == "username"


@pytest.fixture
def request_(db):
    asker = member(username="solene_v", display_name="Solène Verdier")
    return comfort_services.support_request_ask(
        asker, text="Je pleure chaque nuit", topic="grief", language="fr", anonymous=True
    )


def test_looking_up_the_handle_finds_no_look_alike(api_for, request_):
    word, number = request_.pseudonym.split()
    member(username=f"{word.lower()}_{number}")  # the old handle's shape, registered by someone
    member(username=word.lower())
    client = api_for(member(username="ines"))
    acct = client.get(f"/api/v1/statuses/{request_.post_id}").json()["account"]["acct"]
    assert acct == f"{word.lower()}-{number}"
    response = client.get("/api/v1/accounts/lookup", {"acct": acct})
    assert response.status_code == 404 and "error" in response.json()


def test_a_reply_starting_with_the_handle_mentions_nobody(api_for, request_):
    word = request_.pseudonym.split()[0].lower()
    namesake = member(username=word)
    stranger = member(username="ines")
    handle = alias_handle(request_.pseudonym)
    response = api_for(stranger).post_json(
        "/api/v1/statuses", {"status": f"@{handle} courage", "in_reply_to_id": str(request_.post_id)}
    )
    assert response.status_code == 200, response.content
    assert response.json()["mentions"] == [] and f"/@{namesake.username}" not in response.json()["content"]
    reply = post_services.post_create(stranger, text=f"@{word} et @{handle}, courage")
    assert [m["username"] for m in reply.mentions_data] == [word]  # a real mention still works beside it

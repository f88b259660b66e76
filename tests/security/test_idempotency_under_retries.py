"""mastodon#21840: a client retrying one status 1 000 times, 50 at a time, must create exactly one post."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from reconfort.api.services import application_create
from reconfort.posts.models import Post
from tests.api.conftest import make_token

RETRIES = 1000
AT_ONCE = 50


@pytest.mark.live
@pytest.mark.django_db(transaction=True)
def test_thousand_retries_with_one_key_make_one_post(live_server, user, settings):
    settings.RECONFORT_RATE_LIMITS = {"post": (5, 3600)}  # a retry is not a new post: it must not count
    app, _secret = application_create(name="retry", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read write")
    token = make_token(app, user, scope="read write")
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=AT_ONCE, pool_maxsize=AT_ONCE)
    session.mount("http://", adapter)
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "one-grief-one-post"}

    def attempt(_):
        response = session.post(
            f"{live_server.url}/api/v1/statuses",
            data={"status": "Merci pour tous vos messages ce soir."},
            headers=headers,
            timeout=60,
        )
        return response.status_code, response.json().get("id")

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        results = list(pool.map(attempt, range(RETRIES)))
    statuses = {status for status, _id in results}
    ids = {status_id for _status, status_id in results}
    assert statuses == {200}, statuses
    assert len(ids) == 1
    assert Post.objects.filter(author=user).count() == 1

"""A real Mastodon client library (Mastodon.py) against a live Réconfort server on 127.0.0.1.

It registers an app, signs in through the authorization-code flow (the member logs in and allows the app
on our pages, the out-of-band code is read from the page), posts with an Idempotency-Key, reads the home
timeline and favourites another member's post.
"""

import html
import re
from urllib.parse import urlparse

import pytest
import requests
from mastodon import Mastodon

from tests.factories import PASSWORD, UserFactory, make_post

SCOPES = ["read", "write", "follow"]
pytestmark = pytest.mark.live


def _hidden_inputs(page: str) -> dict:
    fields = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="hidden"' in tag:
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return fields


def _sign_in_and_allow(authorize_url: str, username: str, password: str) -> str:
    """What a person does in the browser: log in, allow the app, copy the code shown."""
    session = requests.Session()
    login_page = session.get(authorize_url, timeout=30)  # redirected to the login page
    assert "/accounts/login/" in login_page.url, login_page.url
    form = _hidden_inputs(login_page.text)
    form.update(username=username, password=password)
    consent = session.post(login_page.url, data=form, headers={"Referer": login_page.url}, timeout=30)
    assert consent.status_code == 200 and "authorizationForm" in consent.text, re.sub(
        r"\s+", " ", consent.text.split("<main")[-1]
    )[:1500]
    allow = _hidden_inputs(consent.text)
    allow["allow"] = "Authorize"
    shown = session.post(consent.url, data=allow, headers={"Referer": consent.url}, timeout=30)
    assert shown.status_code == 200, shown.text[:500]
    return re.search(r'id="oob-code"[^>]*value="([^"]+)"', shown.text).group(1)


def test_mastodon_py_signs_in_posts_reads_and_favourites(live_server, settings):
    host = urlparse(live_server.url)
    settings.ALLOWED_HOSTS = [host.hostname]
    member = UserFactory(username="marie", display_name="Marie")
    friend = UserFactory(username="tom", display_name="Tom", language="en")
    friends_post = make_post(friend, "Je pense fort à vous ce soir #réconfort")

    client_id, client_secret = Mastodon.create_app("Réconfort test client", scopes=SCOPES, api_base_url=live_server.url)
    mastodon = Mastodon(
        client_id=client_id,
        client_secret=client_secret,
        api_base_url=live_server.url,
        version_check_mode="created",
    )
    authorize_url = mastodon.auth_request_url(scopes=SCOPES, allow_http=True)
    code = _sign_in_and_allow(authorize_url, "marie", PASSWORD)
    mastodon.log_in(code=code, scopes=SCOPES, allow_http=True)
    assert mastodon.verify_minimum_version("4.3.0")
    assert mastodon.account_verify_credentials()["username"] == "marie"

    first = mastodon.status_post("Merci pour vos messages #gratitude", idempotency_key="retry-42")
    again = mastodon.status_post("Merci pour vos messages #gratitude", idempotency_key="retry-42")
    assert first["id"] == again["id"]
    assert member.posts.count() == 1

    mastodon.account_follow(friend.pk)
    home = mastodon.timeline_home()
    assert {str(s["id"]) for s in home} >= {str(first["id"]), str(friends_post.pk)}

    favourited = mastodon.status_favourite(friends_post.pk)
    assert favourited["favourited"] is True and favourited["favourites_count"] == 1
    notifications = Mastodon(access_token=_friend_token(live_server, friend), api_base_url=live_server.url)
    assert "favourite" in {n["type"] for n in notifications.notifications()}


def _friend_token(live_server, friend) -> str:
    from reconfort.api.services import application_create, token_issue

    app, _secret = application_create(name="Tom's phone", redirect_uris="urn:ietf:wg:oauth:2.0:oob", scopes="read")
    _token, raw = token_issue(app, friend, "read")
    return raw

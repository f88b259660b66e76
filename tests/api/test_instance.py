from reconfort.api.mastodon.entities.instance import VERSION


def test_instance_v1_says_which_mastodon_api_it_follows(anon, user, settings):
    settings.RECONFORT_REGISTRATION_MODE = "approval"
    response = anon.get("/api/v1/instance")
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == VERSION and VERSION.startswith("4.3.0 (compatible; Réconfort ")
    assert data["stats"]["user_count"] == 1
    assert data["configuration"]["statuses"]["max_characters"] == 1000
    assert data["registrations"] is True and data["approval_required"] is True


def test_instance_v2_registrations_and_api_version(anon, settings, db):
    settings.RECONFORT_REGISTRATION_MODE = "closed"
    data = anon.get("/api/v2/instance").json()
    assert data["registrations"] == {"enabled": False, "approval_required": False, "message": None}
    assert data["api_versions"] == {"mastodon": 2}
    assert set(data["languages"]) == {"fr", "en"}


def test_lists_clients_ask_for_are_empty(api):
    for path in ("/api/v1/custom_emojis", "/api/v1/filters", "/api/v2/filters"):
        response = api.get(path)
        assert response.status_code == 200 and response.json() == [], path

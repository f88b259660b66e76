"""POST /api/v1/reports with our extension: memorial_id, tribute_id, appeal_id or circle_post_id instead of an
account. Every response is checked against the OpenAPI document by the ApiClient."""

from __future__ import annotations

import pytest

from reconfort.moderation.models import Report
from reconfort.notifications.models import Notification
from tests.factories import make_post
from tests.moderation.targets_world import appeal_of, circle_post_by, memorial_of, tribute_by

pytestmark = pytest.mark.django_db


def test_each_kind_is_reported_by_its_id(api, user, other):
    memorial = memorial_of(other)
    sent = {
        "memorial_id": memorial.key,
        "tribute_id": str(tribute_by(other, memorial_of(user)).pk),
        "appeal_id": str(appeal_of(other).pk),
        "circle_post_id": str(circle_post_by(other, creator=user).pk),
    }
    for field, ref in sent.items():
        response = api.post_json("/api/v1/reports", {field: ref, "category": "harassment", "comment": "Cruel"})
        assert response.status_code == 200, response.content
        body = response.json()
        assert body[field] == ref and body["category"] == "violation" and body["comment"] == "Cruel"
        assert all(body[f] is None for f in sent if f != field)
        # A memorial's keeper is not public: the reporter is not told; the others' authors are on their pages.
        expected = None if field == "memorial_id" else str(other.pk)
        assert (body["target_account"] or {}).get("id") == expected, field
    assert Report.objects.filter(target_account=other, reporter=user).count() == 4
    assert not Notification.objects.filter(recipient=other).exists()


def test_a_form_encoded_report_of_an_appeal(api, other):
    appeal = appeal_of(other)
    response = api.post("/api/v1/reports", {"appeal_id": appeal.pk, "category": "scam"})
    assert response.status_code == 200, response.content
    assert Report.objects.get().appeal == appeal


def test_what_the_caller_cannot_see_is_not_found(api, user, other, third):
    draft = memorial_of(other, publish=False)
    waiting = tribute_by(third, memorial_of(other), approve=False)
    members_only = circle_post_by(other, creator=other, posts_visibility="members")
    for data in (
        {"memorial_id": draft.key},
        {"memorial_id": "nope"},
        {"tribute_id": str(waiting.pk)},
        {"tribute_id": "abc"},
        {"appeal_id": "999999"},
        {"circle_post_id": str(members_only.pk)},
    ):
        response = api.post_json("/api/v1/reports", {**data, "category": "spam"})
        assert response.status_code == 404, data
        assert set(response.json()) == {"error"}
    assert not Report.objects.exists()


def test_one_thing_at_a_time_and_never_one_s_own(api, user, other):
    """Two things at once are refused as invalid (422); one's own thing as not allowed (403)."""
    user.language = "en"  # the message is compared in English
    user.save(update_fields=["language"])
    appeal, memorial = appeal_of(other), memorial_of(other)
    post = make_post(other, "Bonjour")
    for data in (
        {"appeal_id": str(appeal.pk), "memorial_id": memorial.key},
        {"appeal_id": str(appeal.pk), "account_id": str(other.pk)},
        {"appeal_id": str(appeal.pk), "status_ids": [str(post.pk)]},
    ):
        response = api.post_json("/api/v1/reports", {**data, "category": "spam"})
        assert response.status_code == 422, data
        assert "one thing at a time" in response.json()["error"]
    own = api.post_json("/api/v1/reports", {"appeal_id": str(appeal_of(user).pk), "category": "spam"})
    assert own.status_code == 403 and own.json()["error"]
    nothing = api.post_json("/api/v1/reports", {"category": "spam"})
    assert nothing.status_code == 422 and nothing.json()["field"] == "account_id"  # neither an account nor a thing
    assert not Report.objects.exists()


def test_the_document_describes_the_extension(anon):
    operation = anon.get("/api/openapi.json").json()["paths"]["/api/v1/reports"]["post"]
    assert {"200", "403", "404", "422", "429"} <= set(operation["responses"])
    assert "circle_post_id" in operation["description"]

"""POST /api/v1/reports (Mastodon's, with our categories too) and GET /api/v1/instance/rules."""

from datetime import timedelta

import jsonschema
import pytest
from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.moderation.models import QueueItem, Report, Rule
from reconfort.notifications.models import Notification
from reconfort.posts.models import Visibility
from tests.factories import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(db):
    return [
        Rule.objects.create(text_fr="Pas de harcèlement", text_en="No harassment", position=1),
        Rule.objects.create(text_fr="Pas de spam", text_en="No spam", position=2),
    ]


def _schema(anon, method, path):
    openapi = anon.get("/api/openapi.json").json()
    schema = openapi["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    return {**schema, "components": openapi["components"]}


def test_report_with_posts_and_rules_as_a_form(api, anon, user, other, rules):
    post = make_post(other, text="Tu l'as bien cherché")
    response = api.post(
        "/api/v1/reports",
        {
            "account_id": other.pk,
            "status_ids[]": [post.pk],
            "rule_ids[]": [rules[0].pk],
            "comment": "Cruel",
            "category": "violation",
            "forward": "true",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    jsonschema.validate(body, _schema(anon, "post", "/api/v1/reports"))
    assert body["category"] == "violation" and body["status_ids"] == [str(post.pk)]
    assert body["rule_ids"] == [str(rules[0].pk)] and body["target_account"]["id"] == str(other.pk)
    assert body["action_taken"] is False and body["forwarded"] is False and body["comment"] == "Cruel"
    report = Report.objects.get()
    assert report.reporter == user and report.category == "harassment" and report.queue_item.risk == 2
    assert Notification.objects.filter(recipient=user, type="report_received").exists()
    assert not Notification.objects.filter(recipient=other).exists()


@pytest.mark.parametrize(
    "sent, stored, shown",
    [
        ("spam", "spam", "spam"),
        ("legal", "other", "other"),
        ("other", "other", "other"),
        ("worried", "worried", "violation"),  # our own categories are accepted
        ("child_safety", "child_safety", "violation"),
        (None, "other", "other"),  # Mastodon's default without rules
    ],
)
def test_categories_map_both_ways(api_for, user, other, sent, stored, shown):
    # "worried" is refused to accounts younger than a week (comfort.safety): the reporter is an established member.
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=30))
    data = {"account_id": str(other.pk)} | ({"category": sent} if sent else {})
    response = api_for(user).post_json("/api/v1/reports", data)
    assert response.status_code == 200, response.content
    assert response.json()["category"] == shown and Report.objects.get().category == stored


def test_rules_without_a_category_make_a_violation(api, other, rules):
    response = api.post_json("/api/v1/reports", {"account_id": other.pk, "rule_ids": [str(rules[1].pk)]})
    assert response.json()["category"] == "violation" and Report.objects.get().category == "harassment"


def test_bad_reports_are_refused_and_change_nothing(api, api_for, anon, user, other, third, rules):
    private = make_post(third, text="privé", visibility=Visibility.PRIVATE)
    theirs = make_post(third, text="à elle")
    cases = [
        ({"account_id": other.pk, "category": "nonsense"}, 422),
        ({"account_id": user.pk}, 422),  # yourself
        ({"account_id": "999999"}, 404),
        ({"account_id": "abc"}, 404),
        ({}, 422),
        ({"account_id": other.pk, "status_ids": [theirs.pk]}, 422),  # not the reported member's
        ({"account_id": third.pk, "status_ids": [private.pk]}, 422),  # not visible to the reporter
        ({"account_id": other.pk, "rule_ids": ["999999"]}, 422),
        ({"account_id": other.pk, "rule_ids": ["x"]}, 422),
        ({"account_id": other.pk, "comment": "x" * 1001}, 422),
    ]
    for data, status in cases:
        response = api.post_json("/api/v1/reports", data)
        assert response.status_code == status, (data, response.content)
        assert "error" in response.json()
    assert anon.post_json("/api/v1/reports", {"account_id": other.pk}).status_code == 401
    read_only = api_for(user, scope="read")
    assert read_only.post_json("/api/v1/reports", {"account_id": other.pk}).status_code == 403
    assert not Report.objects.exists() and not QueueItem.objects.exists()


def test_reports_are_rate_limited(api, other, settings):
    settings.RECONFORT_RATE_LIMITS = {"report": (1, 3600)}
    assert api.post_json("/api/v1/reports", {"account_id": other.pk}).status_code == 200
    refused = api.post_json("/api/v1/reports", {"account_id": other.pk})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0 and refused.json()["error"]
    assert Report.objects.count() == 1


def test_instance_rules_in_the_readers_language(anon, api_for, other, rules):
    response = anon.get("/api/v1/instance/rules", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, _schema(anon, "get", "/api/v1/instance/rules"))
    assert body == [
        {"id": str(rules[0].pk), "text": "No harassment", "hint": ""},
        {"id": str(rules[1].pk), "text": "No spam", "hint": ""},
    ]
    french = anon.get("/api/v1/instance/rules", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert [r["text"] for r in french] == ["Pas de harcèlement", "Pas de spam"]


def test_instance_information_lists_the_rules(anon):
    rule = Rule.objects.create(text_fr="Pas de moquerie du deuil", text_en="No mocking of grief")
    v1 = anon.get("/api/v1/instance", HTTP_ACCEPT_LANGUAGE="en").json()
    v2 = anon.get("/api/v2/instance", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert v1["rules"] == [{"id": str(rule.pk), "text": "No mocking of grief", "hint": ""}]
    assert v2["rules"][0]["text"] == "Pas de moquerie du deuil"

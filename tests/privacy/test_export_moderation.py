"""moderation.json: the reports a member made, as their report's page shows them, and the decisions about them with
their appeal — never the moderators' names, never who reported them."""

import datetime

import pytest

from reconfort.accounts.models import Role
from reconfort.comfort import services as comfort
from reconfort.memorials import services as memorials
from reconfort.memorials.models import Memorial
from reconfort.moderation import services as moderation
from reconfort.moderation.models import Report, Rule
from tests.factories import UserFactory, make_post
from tests.privacy.lives import exported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


@pytest.fixture
def moderators(db):
    return (
        UserFactory(username="gardienne", display_name="Gardienne Sévère", role=Role.MODERATOR),
        UserFactory(username="arbitre", display_name="Arbitre Calme", role=Role.MODERATOR),
    )


def test_reports_made_say_what_about_and_the_outcome_as_the_page_does(user, other, third, moderators):
    moderator, _second = moderators
    rule = Rule.objects.create(text_fr="Pas de moquerie", text_en="No mockery")
    post = make_post(other, "Ta mère l'a bien cherché")
    dismissed = moderation.report_create(user, other, category="harassment", rule_ids=[rule.pk], post_ids=[post.pk])
    moderation.report_dismiss(moderator, dismissed, note="Ce message ne vise personne.")
    acted_on = moderation.report_create(user, third, category="spam", comment="Des liens partout")
    moderation.decision_take(moderator, third, action="warn", reason="Pas de publicité, Amina.", report=acted_on)
    memorial = memorials.memorial_create(other, full_name="Jeanne Martin", death_date=datetime.date(2024, 3, 14))
    memorials.memorial_set_state(other, memorial, Memorial.State.PUBLISHED)
    moderation.report_create_about(user, "memorial", memorial.key, category="false_memorial")

    reports = exported(user)[0]["moderation.json"]["reports_made"]
    first, second, third_report = reports
    assert first["about"] == {"kind": "account", "account": "tom"} and first["posts"] == [post.pk]
    assert first["rules"] == ["Pas de moquerie"]  # in the member's language
    assert first["state"] == "dismissed" and first["outcome_note"] == "Ce message ne vise personne."
    assert second["comment"] == "Des liens partout" and second["state"] == "resolved"
    assert second["outcome_note"] == "" and "Pas de publicité" not in str(reports)  # the decision is Amina's
    assert third_report["about"] == {"kind": "memorial", "id": memorial.key}
    assert "gardienne" not in str(reports).lower()


def test_decisions_about_me_with_my_appeal_without_who_decided_or_reported(user, other, moderators):
    moderator, second = moderators
    post = make_post(user, "Un message un peu vif")
    report = moderation.report_create(other, user, category="harassment", comment="Elle m'a blessé", post_ids=[post.pk])
    decision = moderation.decision_take(moderator, user, action="hide", reason="Propos blessants.", post=post)
    appeal = moderation.decision_appeal_create(user, decision, text="C'était de l'humour.")
    moderation.decision_appeal_decide(second, appeal, overturn=True)
    data = exported(user)[0]
    [mine] = data["moderation.json"]["decisions_about_me"]
    assert (mine["action"], mine["reason"], mine["post"]) == ("hide", "Propos blessants.", post.pk)
    assert mine["reversed_at"] and mine["appeal_until"]
    assert mine["my_appeal"]["text"] == "C'était de l'humour." and mine["my_appeal"]["state"] == "overturned"
    raw = data["__raw__"].lower()
    assert "gardienne" not in raw and "arbitre" not in raw  # the moderators
    assert "blessé" not in raw and "tom" not in str(data["moderation.json"])  # who reported, and their words
    assert data["moderation.json"]["reports_made"] == [] and Report.objects.filter(pk=report.pk).exists()


@pytest.mark.skipif(
    not hasattr(moderation, "report_create_posts"), reason="reports about anonymous posts arrive with decision 0038"
)
def test_a_report_about_an_anonymous_request_stays_under_its_pseudonym(user, other):
    request = comfort.support_request_ask(other, text="Je n'en parle à personne.", topic="grief", anonymous=True)
    report = moderation.report_create_posts(user, [request.post_id], category="spam")
    assert report.target_alias  # the pseudonym the reporter saw
    [made] = exported(user)[0]["moderation.json"]["reports_made"]
    assert made["about"] == {"kind": "anonymous_post", "pseudonym": report.target_alias}
    assert "tom" not in str(made)

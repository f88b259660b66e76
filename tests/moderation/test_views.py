"""Moderation pages: who may open them, the queue, an item with its context and actions, decision appeals,
reviews, registrations, the audit log and roles; and the members' report, decision and outcome pages."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from reconfort.accounts.models import Role, User
from reconfort.appeals.models import Appeal, Status
from reconfort.memorials import services as memorial_services
from reconfort.memorials.selectors import is_memorialised
from reconfort.moderation import services
from reconfort.moderation.models import AuditEntry, Decision, DecisionAppeal, QueueItem, Report, Rule
from reconfort.moderation.views import RISK_LABELS
from reconfort.notifications.models import Notification
from reconfort.posts.models import Visibility
from tests.appeals.conftest import make_appeal
from tests.factories import UserFactory, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _second_factor_checked_elsewhere(settings):
    # The staff second factor has its own test below (and tests/accounts/test_two_factor.py).
    settings.RECONFORT_STAFF_REQUIRE_2FA = False
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def hostile(user, other):
    """Marie writes; Tom answers with a hostile reply; Marie reports it."""
    root = make_post(user, text="Ma mère est partie cette nuit.")
    reply = make_post(other, text="Personne ne s'en soucie.", in_reply_to_id=root.pk)
    report = services.report_create(user, other, category="harassment", comment="Cruel", post_ids=[reply.pk])
    return root, reply, report


MODERATOR_PAGES = ["/moderation/", "/moderation/registrations/"]
ADMIN_PAGES = ["/moderation/audit/", "/moderation/roles/"]


def test_pages_are_for_moderators_and_admin_pages_for_admins(client, user, moderator, admin, hostile):
    item = hostile[2].queue_item
    pages = MODERATOR_PAGES + ADMIN_PAGES + [f"/moderation/items/{item.pk}/"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), path
        assert signed_in(user).get(path).status_code == 403, path
        assert signed_in(admin).get(path).status_code == 200, path
    for path in MODERATOR_PAGES + [f"/moderation/items/{item.pk}/"]:
        assert signed_in(moderator).get(path).status_code == 200, path
    for path in ADMIN_PAGES:
        assert signed_in(moderator).get(path).status_code == 403, path
    # A member cannot act either: nothing changes.
    response = signed_in(user).post(f"/moderation/items/{item.pk}/dismiss/", {"note": "x"})
    assert response.status_code == 403 and Report.objects.get().state == Report.State.OPEN


def test_staff_are_sent_to_set_up_two_factor_first(settings, moderator):
    settings.RECONFORT_STAFF_REQUIRE_2FA = True
    response = signed_in(moderator).get("/moderation/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/setup/")


def test_queue_lists_every_kind_by_risk_then_age_and_assigns(moderator, user, other, third, hostile):
    spam = services.report_create(third, other, category="spam")
    third.date_joined = timezone.now() - timedelta(days=30)  # "worried" is refused to new accounts
    third.save(update_fields=["date_joined"])
    worried = services.report_create(third, user, category="worried", comment="Elle parle d'en finir")
    appeal = make_appeal(third, "missing_person")
    assert Appeal.objects.get(pk=appeal.pk).status == Status.PENDING_REVIEW
    client = signed_in(moderator)
    page = client.get("/moderation/")
    items = list(page.context["page"].object_list)
    assert [i.pk for i in items] == [
        worried.queue_item.pk,
        QueueItem.objects.get(kind=QueueItem.Kind.MISSING_PERSON).pk,
        hostile[2].queue_item.pk,
        spam.queue_item.pk,
    ]
    assert items[0].risk_label == RISK_LABELS[0] and str(RISK_LABELS[0]) in page.text
    only_reports = client.get("/moderation/", {"kind": "report"}).context["page"].object_list
    assert {i.kind for i in only_reports} == {"report"}

    response = client.post(f"/moderation/items/{spam.queue_item.pk}/assign/", {"next": "/moderation/"})
    assert response.status_code == 302 and response["Location"] == "/moderation/"
    spam.queue_item.refresh_from_db()
    assert spam.queue_item.assigned_to == moderator and spam.queue_item.state == QueueItem.State.ASSIGNED
    mine = client.get("/moderation/", {"mine": "1"}).context["page"].object_list
    assert [i.pk for i in mine] == [spam.queue_item.pk]
    assert AuditEntry.objects.filter(action="queue.assign", actor=moderator).count() == 1


def test_item_page_shows_the_thread_and_the_members_history(moderator, user, other, third, hostile):
    root, reply, report = hostile
    earlier = services.report_create(third, other, category="spam", comment="Pub partout")
    old_post = make_post(other, text="Un vieux message")
    services.decision_take(UserFactory(role=Role.MODERATOR), other, action="warn", reason="Sois doux")
    response = signed_in(moderator).get(f"/moderation/items/{report.queue_item.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "Ma mère est partie cette nuit." in text  # the thread the reply belongs to
    assert "Personne ne s&#x27;en soucie." in text or "Personne ne s'en soucie." in text
    assert "Cruel" in text and "@marie" in text  # moderators see who reported
    assert "Sois doux" in text and "Pub partout" in text  # the member's history
    assert list(response.context["prior_reports"]) == [earlier]
    choices = dict(response.context["decision_form"].fields["post"].choices)
    assert reply.pk in choices and old_post.pk in choices and root.pk not in choices


def test_hide_then_warn_from_one_report(moderator, user, other, hostile):
    _root, reply, report = hostile
    client = signed_in(moderator)
    url = f"/moderation/items/{report.queue_item.pk}/decide/"
    response = client.post(url, {"action": "hide", "post": reply.pk, "reason": "Cruel envers une personne en deuil"})
    assert response.status_code == 302 and response["Location"] == f"/moderation/items/{report.queue_item.pk}/"
    reply.refresh_from_db()
    report.refresh_from_db()
    assert reply.hidden_at is not None and report.state == Report.State.RESOLVED
    # The report is closed, the moderator may still warn the writer from the same page.
    assert client.post(url, {"action": "warn", "post": "", "reason": "Soyez doux."}).status_code == 302
    assert list(Decision.objects.order_by("id").values_list("action", flat=True)) == ["hide", "warn"]
    assert Notification.objects.filter(recipient=other, type="moderation_decision").count() == 2
    assert Notification.objects.filter(recipient=user, type="report_resolved").count() == 1
    assert {"decision.hide", "decision.warn"} <= set(AuditEntry.objects.values_list("action", flat=True))


def test_bad_decisions_are_refused_and_change_nothing(moderator, other, hostile):
    _root, reply, report = hostile
    client = signed_in(moderator)
    url = f"/moderation/items/{report.queue_item.pk}/decide/"
    cases = [
        {"action": "hide", "post": reply.pk, "reason": ""},  # no reason
        {"action": "hide", "post": "", "reason": "r"},  # hide needs a post
        {"action": "content_warning", "post": reply.pk, "reason": "r", "content_warning": ""},
        {"action": "explode", "post": reply.pk, "reason": "r"},
        {"action": "hide", "post": "999999", "reason": "r"},
    ]
    for data in cases:
        response = client.post(url, data)
        assert response.status_code == 422, data
        assert response.context["decision_form"].errors, data
    assert not Decision.objects.exists()
    reply.refresh_from_db()
    assert reply.hidden_at is None and Report.objects.get().state == Report.State.OPEN
    # A moderator cannot act on another moderator (only admins can).
    other.role = Role.MODERATOR
    other.save()
    assert client.post(url, {"action": "warn", "reason": "r"}).status_code == 403
    assert not Decision.objects.exists()


def test_content_warning_limit_and_suspend(moderator, other, hostile):
    _root, reply, report = hostile
    client = signed_in(moderator)
    url = f"/moderation/items/{report.queue_item.pk}/decide/"
    data = {"action": "content_warning", "post": reply.pk, "reason": "r", "content_warning": "Deuil"}
    assert client.post(url, data).status_code == 302
    reply.refresh_from_db()
    assert reply.spoiler_text == "Deuil"
    assert client.post(url, {"action": "limit", "reason": "r"}).status_code == 302
    assert client.post(url, {"action": "suspend", "reason": "r"}).status_code == 302
    other.refresh_from_db()
    assert other.limited and not other.is_active and other.suspended_at


def test_dismiss_tells_the_reporter(moderator, user, hostile):
    report = hostile[2]
    client = signed_in(moderator)
    response = client.post(f"/moderation/items/{report.queue_item.pk}/dismiss/", {"note": "Pas contraire aux règles"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == Report.State.DISMISSED and report.outcome_note == "Pas contraire aux règles"
    assert client.post(f"/moderation/items/{report.queue_item.pk}/dismiss/", {}).status_code == 409
    outcome = signed_in(user).get(f"/reports/{report.pk}/")
    assert outcome.status_code == 200 and "Pas contraire aux règles" in outcome.text


def test_decision_appeal_needs_another_moderator(moderator, second_moderator, other, hostile):
    report = hostile[2]
    decision = services.decision_take(moderator, other, action="warn", reason="Soyez doux", report=report)
    appeal = services.decision_appeal_create(other, decision, text="Je ne voulais pas blesser")
    url = f"/moderation/items/{appeal.queue_item.pk}/"
    page = signed_in(moderator).get(url)
    assert page.status_code == 200 and "Je ne voulais pas blesser" in page.text
    assert not page.context["can_decide_appeal"]
    response = signed_in(moderator).post(url + "appeal/", {"outcome": "overturn"})
    assert response.status_code == 403
    appeal.refresh_from_db()
    assert appeal.state == DecisionAppeal.State.PENDING
    assert signed_in(second_moderator).post(url + "appeal/", {"outcome": "bogus"}).status_code == 422
    response = signed_in(second_moderator).post(url + "appeal/", {"outcome": "uphold", "note": "Juste"})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.state == DecisionAppeal.State.UPHELD and appeal.decided_by == second_moderator
    assert Notification.objects.filter(recipient=other, type="appeal_decided").exists()


def test_missing_person_review_approved_or_rejected_from_the_page(moderator, third):
    first, second = make_appeal(third, "missing_person"), make_appeal(third, "missing_person")
    client = signed_in(moderator)
    items = {i.subject_id: i for i in QueueItem.objects.filter(kind=QueueItem.Kind.MISSING_PERSON)}
    page = client.get(f"/moderation/items/{items[first.pk].pk}/")
    assert page.status_code == 200 and first.title in page.text
    no_reason = client.post(f"/moderation/items/{items[second.pk].pk}/review/", {"outcome": "reject", "reason": ""})
    assert no_reason.status_code == 422
    assert Appeal.objects.get(pk=second.pk).status == Status.PENDING_REVIEW
    ok = client.post(f"/moderation/items/{items[first.pk].pk}/review/", {"outcome": "approve", "reason": ""})
    assert ok.status_code == 302
    refused = client.post(f"/moderation/items/{items[second.pk].pk}/review/", {"outcome": "reject", "reason": "Faux"})
    assert refused.status_code == 302
    assert Appeal.objects.get(pk=first.pk).status == Status.OPEN
    assert Appeal.objects.get(pk=second.pk).status != Status.PENDING_REVIEW
    assert AuditEntry.objects.filter(action="review.missing_person.approve").count() == 1
    # A report is not a review: the review door refuses it.
    report = services.report_create(third, moderator, category="spam")
    assert client.post(f"/moderation/items/{report.queue_item.pk}/review/", {"outcome": "approve"}).status_code == 404


def test_registrations_approved_or_refused_with_a_reason(moderator, user):
    waiting = [UserFactory(username=f"new{i}", approved=False, is_active=False) for i in range(3)]
    for account in waiting:
        account.registration_reason = f"Je veux aider {account.username}"
        account.save()
    client = signed_in(moderator)
    page = client.get("/moderation/registrations/")
    assert [a.pk for a in page.context["accounts"]] == [a.pk for a in waiting]
    assert "Je veux aider new1" in page.text
    assert client.post(f"/moderation/registrations/{waiting[0].pk}/approve/").status_code == 302
    approved = User.objects.get(pk=waiting[0].pk)
    assert approved.approved and approved.is_active
    assert mail.outbox[-1].to == [approved.email]
    empty = client.post(f"/moderation/registrations/{waiting[1].pk}/reject/", {f"r{waiting[1].pk}-reason": ""})
    assert empty.status_code == 422 and User.objects.filter(pk=waiting[1].pk).exists()
    data = {f"r{waiting[1].pk}-reason": "Compte publicitaire"}
    assert client.post(f"/moderation/registrations/{waiting[1].pk}/reject/", data).status_code == 302
    assert not User.objects.filter(pk=waiting[1].pk).exists()
    assert "Compte publicitaire" in mail.outbox[-1].body
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {"registration.approve", "registration.reject"}
    # Decided already, or an ordinary member: nothing to decide here.
    assert client.post(f"/moderation/registrations/{waiting[0].pk}/approve/").status_code == 404
    assert client.post(f"/moderation/registrations/{user.pk}/approve/").status_code == 404
    assert signed_in(user).post(f"/moderation/registrations/{waiting[2].pk}/approve/").status_code == 403
    assert not User.objects.get(pk=waiting[2].pk).approved


def test_audit_log_filters_and_pages(admin, moderator, other, hostile):
    for i in range(55):
        services.audit_record(moderator, "queue.assign", hostile[2].queue_item, reason=f"n{i}")
    services.decision_take(admin, other, action="warn", reason="Soyez doux")
    client = signed_in(admin)
    first = client.get("/moderation/audit/")
    assert first.status_code == 200 and len(first.context["page"].object_list) == 50
    assert first.context["page"].has_next()
    second = client.get("/moderation/audit/", {"page": 2})
    assert len(second.context["page"].object_list) == 6
    by_action = client.get("/moderation/audit/", {"action": "decision"}).context["page"].object_list
    assert [e.action for e in by_action] == ["decision.warn"]
    by_actor = client.get("/moderation/audit/", {"actor": "admin"}).context["page"].object_list
    assert {e.actor_name for e in by_actor} == {"admin"}
    assert list(client.get("/moderation/audit/", {"actor": "nobody"}).context["page"].object_list) == []
    by_type = client.get("/moderation/audit/", {"target_type": "moderation.decision"}).context["page"].object_list
    assert [e.action for e in by_type] == ["decision.warn"]
    assert client.get("/moderation/audit/", {"target_type": "no.such"}).status_code == 400
    assert "Soyez doux" in client.get("/moderation/audit/", {"action": "decision"}).text


def test_admins_grant_roles(admin, moderator, user):
    client = signed_in(admin)
    response = client.post("/moderation/roles/", {"username": "MARIE", "role": "moderator"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.role == Role.MODERATOR
    assert "@marie" in client.get("/moderation/roles/").text
    assert client.post("/moderation/roles/", {"username": "ghost", "role": "admin"}).status_code == 422
    assert client.post("/moderation/roles/", {"username": "marie", "role": "king"}).status_code == 422
    assert signed_in(moderator).post("/moderation/roles/", {"username": "modo", "role": "admin"}).status_code == 403
    moderator.refresh_from_db()
    assert moderator.role == Role.MODERATOR
    assert AuditEntry.objects.get(action="role.grant").after == {"role": "moderator"}


# --- Members -----------------------------------------------------------------------------------------


def test_report_a_post_from_its_page(user, other):
    rule = Rule.objects.create(text_fr="Pas de harcèlement", text_en="No harassment")
    post = make_post(other, text="Tu l'as cherché")
    client = signed_in(user)
    form = client.get(f"/report/{other.username}/", {"post": post.pk})
    assert form.status_code == 200 and form.context["form"].initial["posts"] == [post.pk]
    assert "Pas de harcèlement" in form.text  # the rules in the member's language (French)
    data = {"category": "harassment", "rules": [rule.pk], "posts": [post.pk], "comment": "Méchant", "next": "/"}
    response = client.post(f"/report/{other.username}/?post={post.pk}", data)
    assert response.status_code == 302 and response["Location"] == "/"
    report = Report.objects.get()
    assert report.reporter == user and list(report.posts.all()) == [post] and list(report.rules.all()) == [rule]
    assert Notification.objects.filter(recipient=user, type="report_received").exists()
    assert not Notification.objects.filter(recipient=other).exists()  # never told who reported


def test_report_form_refuses_bad_input(user, other, third, settings):
    private = make_post(third, text="privé", visibility=Visibility.PRIVATE)
    client = signed_in(user)
    assert client.get(f"/report/{user.username}/").status_code == 404  # yourself
    assert client.get("/report/ghost/").status_code == 404
    assert client.post(f"/report/{other.username}/", {"category": "nonsense"}).status_code == 422
    # Someone else's post, or one the reporter cannot see, is not offered and cannot be sent.
    foreign = client.post(f"/report/{third.username}/", {"category": "spam", "posts": [private.pk]})
    assert foreign.status_code == 422
    assert not Report.objects.exists()
    assert Client().get(f"/report/{other.username}/").status_code == 302  # sign in first


def test_reports_are_rate_limited_with_a_kind_message(user, other, settings):
    settings.RECONFORT_RATE_LIMITS = {"report": (2, 3600)}
    client = signed_in(user)
    for _i in range(2):
        assert client.post(f"/report/{other.username}/", {"category": "spam"}).status_code == 302
    response = client.post(f"/report/{other.username}/", {"category": "spam"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert response.context["form"].non_field_errors()
    assert Report.objects.count() == 2


def test_report_outcome_is_for_the_reporter_only(user, other, third, hostile):
    report = hostile[2]
    assert signed_in(user).get(f"/reports/{report.pk}/").status_code == 200
    assert signed_in(other).get(f"/reports/{report.pk}/").status_code == 404
    assert signed_in(third).get(f"/reports/{report.pk}/").status_code == 404


def test_decisions_about_me_and_one_appeal(moderator, user, other, hostile):
    _root, reply, report = hostile
    decision = services.decision_take(moderator, other, action="hide", post=reply, reason="Cruel", report=report)
    client = signed_in(other)
    page = client.get("/settings/decisions/")
    assert page.status_code == 200 and "Cruel" in page.text and "Personne ne s" in page.text
    assert page.context["decisions"][0].can_appeal
    url = f"/settings/decisions/{decision.pk}/appeal/"
    assert client.post(url, {f"d{decision.pk}-text": ""}).status_code == 422
    response = client.post(url, {f"d{decision.pk}-text": "Je ne voulais pas blesser"})
    assert response.status_code == 302 and response["Location"].endswith(f"#decision-{decision.pk}")
    assert DecisionAppeal.objects.get().text == "Je ne voulais pas blesser"
    again = client.post(url, {f"d{decision.pk}-text": "Encore"})
    assert again.status_code == 409 and DecisionAppeal.objects.count() == 1
    # Not yours: as if it did not exist.
    assert signed_in(user).post(url, {f"d{decision.pk}-text": "x"}).status_code == 404
    assert list(signed_in(user).get("/settings/decisions/").context["decisions"]) == []


def test_no_appeal_after_twenty_days(moderator, other):
    decision = services.decision_take(moderator, other, action="warn", reason="Soyez doux")
    Decision.objects.filter(pk=decision.pk).update(created_at=timezone.now() - timedelta(days=21))
    client = signed_in(other)
    assert not client.get("/settings/decisions/").context["decisions"][0].can_appeal
    response = client.post(f"/settings/decisions/{decision.pk}/appeal/", {f"d{decision.pk}-text": "Trop tard ?"})
    assert response.status_code == 409 and not DecisionAppeal.objects.exists()


def test_notifications_link_to_the_outcome_and_the_decision(moderator, user, other, hostile):
    report = hostile[2]
    decision = services.decision_take(moderator, other, action="warn", reason="Soyez doux", report=report)
    services.decision_appeal_create(other, decision, text="Pardon")
    appeal = DecisionAppeal.objects.get()
    services.decision_appeal_decide(UserFactory(role=Role.MODERATOR), appeal, overturn=False)
    reporter_page = signed_in(user).get("/notifications/").text
    assert f'href="/reports/{report.pk}/"' in reporter_page
    writer_page = signed_in(other).get("/notifications/").text
    assert f'href="/settings/decisions/#decision-{decision.pk}"' in writer_page
    assert writer_page.count('href="/settings/decisions/') >= 2


def test_posts_and_profiles_offer_a_report_link_to_others_only(user, other):
    post = make_post(other, text="Bonjour")
    client = signed_in(user)
    link = f'href="/report/{other.username}/?post={post.pk}"'
    assert link in client.get(f"/@{other.username}/{post.pk}").text
    assert f'href="/report/{other.username}/"' in client.get(f"/@{other.username}").text
    own = signed_in(other)
    assert link not in own.get(f"/@{other.username}/{post.pk}").text
    assert f'href="/report/{other.username}/"' not in own.get(f"/@{other.username}").text


# --- Memorialised accounts: reversing a mistake ------------------------------------------------------------


def _memorialised(account, contact, moderator):
    memorial_services.wishes_set(account, on_death="memorialise", legacy_contact=contact)
    memorial_services.legacy_contact_answer(contact, account, accept=True)
    request = memorial_services.memorialisation_request(contact, account, relation="legacy_contact")
    memorial_services.memorialisation_decide(moderator, request.pk, approved=True, reason="")


def test_a_moderator_reverses_a_memorialisation_with_a_reason_in_the_audit_log(moderator):
    living, contact = UserFactory(username="vivante"), UserFactory(username="proche")
    _memorialised(living, contact, moderator)
    client = signed_in(moderator)
    page = client.get("/moderation/memorialised/")
    assert page.status_code == 200 and "@vivante" in page.content.decode()

    empty = client.post(f"/moderation/memorialised/{living.pk}/reverse/", {f"m{living.pk}-reason": " "})
    assert empty.status_code == 422 and is_memorialised(living)  # nothing changed without a reason

    done = client.post(f"/moderation/memorialised/{living.pk}/reverse/", {f"m{living.pk}-reason": "Elle est vivante."})
    assert done.status_code == 302 and not is_memorialised(living)
    entry = AuditEntry.objects.get(action="account.memorialisation_reverse", target_id=living.pk)
    assert entry.actor == moderator and entry.reason == "Elle est vivante." and entry.after["reversed_at"]
    again = client.post(f"/moderation/memorialised/{living.pk}/reverse/", {f"m{living.pk}-reason": "Encore"})
    assert again.status_code == 404  # already reversed: nothing left to undo


def test_members_cannot_reverse_a_memorialisation(moderator):
    account, contact = UserFactory(username="partie"), UserFactory(username="ami")
    _memorialised(account, contact, moderator)
    response = signed_in(contact).post(
        f"/moderation/memorialised/{account.pk}/reverse/", {f"m{account.pk}-reason": "x"}
    )
    assert response.status_code == 403 and is_memorialised(account)

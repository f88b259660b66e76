"""The safety net's services: the alert after a risky post, the priority queue item, and the « worried » flow."""

import pytest
from django.core import mail

from reconfort.comfort import services as comfort_services
from reconfort.comfort.models import RISK_FLAGGED, SupportRequest
from reconfort.comfort.safety import services
from reconfort.comfort.safety.models import RiskSignal, Worry
from reconfort.core.errors import Forbidden, NotFound, RateLimited, ServiceError
from reconfort.moderation import reviews
from reconfort.moderation import services as moderation_services
from reconfort.moderation.models import AuditEntry, QueueItem
from reconfort.notifications.models import Notification
from reconfort.posts import services as post_services
from tests.factories import UserFactory, make_post

from .conftest import CALM_TEXT, RISK_TEXT, age


def _alerts(post):
    return QueueItem.objects.filter(kind=QueueItem.Kind.CRISIS_ALERT, subject_type="posts.post", subject_id=post.pk)


def test_a_risky_post_raises_a_signal_and_a_crisis_alert_but_stays_visible(user):
    post = make_post(user, RISK_TEXT)
    signal = RiskSignal.objects.get(post=post)
    assert signal.author == user and signal.score >= 3 and signal.matched
    item = _alerts(post).get()
    assert item.risk == 0 and item.state == QueueItem.State.OPEN
    post.refresh_from_db()
    assert post.hidden_at is None and not post.held
    # The moderator reads where it comes from, never a copy kept by the safety net.
    entry = AuditEntry.objects.get(action="review.crisis_alert.requested", target_id=item.pk)
    assert "@marie" in entry.reason and entry.after["source"] == "detected"


def test_an_ordinary_post_raises_nothing(user):
    post = make_post(user, CALM_TEXT)
    assert not RiskSignal.objects.filter(post=post).exists()
    assert not _alerts(post).exists()


def test_replies_and_direct_messages_are_assessed_too(user, other):
    parent = make_post(other, "Comment allez-vous ?")
    reply = make_post(user, "I want to end my life", in_reply_to_id=parent.pk)
    message = make_post(user, "@tom je veux mourir", visibility="direct")
    assert RiskSignal.objects.filter(post__in=[reply, message]).count() == 2


def test_an_edit_that_expresses_risk_is_assessed(user):
    post = make_post(user, "Une journée grise.")
    post_services.post_edit(user, post, text="Une journée grise. Je pense au suicide.")
    assert RiskSignal.objects.filter(post=post).exists()


def test_quoted_last_words_in_a_memorial_post_are_not_the_authors(user):
    shared = make_post(user, "« Je veux en finir. »\n— Paul (1970–2024)", kind="memorial")
    text = "Paul me manque. « Il disait toujours bonjour. » Je veux le rejoindre au ciel."
    own = make_post(user, text, kind="memorial")
    assert not RiskSignal.objects.filter(post=shared).exists()
    assert RiskSignal.objects.filter(post=own).exists()


def test_scan_is_safe_to_run_twice(user):
    post = make_post(user, RISK_TEXT)
    services.risk_scan(post.pk)
    assert RiskSignal.objects.filter(post=post).count() == 1
    assert _alerts(post).count() == 1


def test_a_risky_support_request_moves_to_the_top_of_the_comfort_queue(user):
    post = make_post(user, "J'ai besoin de réconfort. J'ai envie de mourir.", kind="support_request")
    assert SupportRequest.objects.get(post=post).risk == RISK_FLAGGED


def test_a_risky_reply_in_the_askers_own_thread_flags_the_request(user):
    request_post = make_post(user, "J'ai besoin de réconfort ce soir.", kind="support_request")
    assert SupportRequest.objects.get(post=request_post).risk != RISK_FLAGGED
    make_post(user, "Et je veux en finir.", in_reply_to_id=request_post.pk)
    assert SupportRequest.objects.get(post=request_post).risk == RISK_FLAGGED
    assert hasattr(comfort_services, "support_request_flag_risk")


def test_the_moderator_acknowledges_and_nothing_reaches_the_person(user):
    moderator = UserFactory(username="modo", role="moderator")
    post = make_post(user, RISK_TEXT)
    before = Notification.objects.filter(recipient=user).count()
    item = _alerts(post).get()
    reviews.review_decide(moderator, item, approved=True, reason="")
    item.refresh_from_db()
    signal = RiskSignal.objects.get(post=post)
    assert item.state == QueueItem.State.CLOSED and signal.reviewed_by == moderator
    assert Notification.objects.filter(recipient=user).count() == before
    assert not mail.outbox


# --- « Je m'inquiète pour cette personne » --------------------------------------------------------------------


def test_worry_reaches_moderators_only(elder, user):
    post = make_post(user, "Je suis tellement fatiguée.")
    before = Notification.objects.filter(recipient=user).count()
    worry = services.worry_create(elder, post, note="Elle parle de disparaître depuis une semaine.")
    assert worry.account == user and worry.reporter == elder
    item = _alerts(post).get()
    assert item.risk == 0
    entry = AuditEntry.objects.get(action="review.crisis_alert.requested", target_id=item.pk)
    assert "@elder" in entry.reason and "disparaître" in entry.reason
    # Nothing is sent to the person: no notification, no mail, no message.
    assert Notification.objects.filter(recipient=user).count() == before
    assert not mail.outbox
    assert not user.posts.exclude(pk=post.pk).exists() and not post.replies.exists()


def test_a_detected_risk_and_worries_share_one_queue_item(elder, user):
    post = make_post(user, RISK_TEXT)
    services.worry_create(elder, post)
    third = age(UserFactory(username="third"), 30)
    services.worry_create(third, post, note="Inquiète.")
    assert _alerts(post).count() == 1
    assert AuditEntry.objects.filter(action="review.crisis_alert.requested").count() == 3


def test_worry_twice_about_one_post_changes_nothing(elder, user):
    post = make_post(user, "Fatiguée.")
    first = services.worry_create(elder, post)
    assert services.worry_create(elder, post).pk == first.pk
    assert Worry.objects.count() == 1


def test_new_accounts_cannot_worry(user):
    newcomer = UserFactory(username="newcomer")
    post = make_post(user, "Fatiguée.")
    with pytest.raises(Forbidden) as caught:
        services.worry_create(newcomer, post)
    assert caught.value.code == "too_new"
    assert not Worry.objects.exists() and not _alerts(post).exists()


def test_the_account_age_is_a_setting(settings, user):
    settings.RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS = 0
    newcomer = UserFactory(username="newcomer")
    services.worry_create(newcomer, make_post(user, "Fatiguée."))
    assert Worry.objects.count() == 1


def test_worry_is_rate_limited(elder, user):
    posts = [make_post(user, f"Fatiguée {i}.") for i in range(6)]
    for post in posts[:5]:
        services.worry_create(elder, post)
    with pytest.raises(RateLimited):
        services.worry_create(elder, posts[5])
    assert Worry.objects.count() == 5


def test_no_worry_about_oneself_or_about_what_one_cannot_see(elder, user):
    with pytest.raises(ServiceError):
        services.worry_create(elder, make_post(elder, "Moi."))
    with pytest.raises(NotFound):
        services.worry_create(elder, make_post(user, "Pour moi seule.", visibility="direct"))
    assert not Worry.objects.exists()


def test_a_blocked_member_cannot_worry(elder, user):
    from reconfort.accounts import services as account_services

    account_services.block_create(user, elder)
    with pytest.raises(NotFound):
        services.worry_create(elder, make_post(user, "Fatiguée."))


def test_note_too_long_is_refused_and_nothing_written(elder, user):
    with pytest.raises(ServiceError) as caught:
        services.worry_create(elder, make_post(user, "Fatiguée."), note="x" * 1001)
    assert caught.value.field == "note" and not Worry.objects.exists()


# --- The existing report path, category « worried » ------------------------------------------------------------


def test_report_worried_is_refused_to_new_accounts(user):
    newcomer = UserFactory(username="newcomer")
    with pytest.raises(Forbidden):
        moderation_services.report_create(newcomer, user, category="worried")
    report = moderation_services.report_create(age(newcomer, 30), user, category="worried")
    assert report.queue_item.risk == 0


def test_report_worried_shares_the_worried_rate_limit(elder, user):
    for _ in range(5):
        moderation_services.report_create(elder, user, category="worried")
    with pytest.raises(RateLimited):
        moderation_services.report_create(elder, user, category="worried")
    moderation_services.report_create(elder, user, category="spam")  # other categories are not limited by it


def test_panel_dismiss_only_by_the_author(user, other):
    post = make_post(user, RISK_TEXT)
    signal = RiskSignal.objects.get(post=post)
    with pytest.raises(NotFound):
        services.panel_dismiss(other, signal.pk)
    services.panel_dismiss(user, signal.pk)
    signal.refresh_from_db()
    assert signal.panel_dismissed_at is not None


def test_preference_must_be_a_known_country(user):
    with pytest.raises(ServiceError):
        services.preference_set(user, "XX")
    assert services.preference_set(user, "be").country == "BE"
    assert services.preference_set(user, "ZZ").country == "ZZ"
    assert services.preference_set(user, "").country == ""

"""After the grace period the account is erased for real: no row anywhere still points at the member, the rows
coverage.ANONYMISED keeps stay without them (reports they made among them), their files and sessions are gone."""

import os
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.memorials.models import StewardLogEntry
from reconfort.moderation import services as moderation
from reconfort.moderation.models import AuditEntry, Decision, Report
from reconfort.privacy import coverage, services
from reconfort.privacy.models import AccountDeletion
from tests.factories import PASSWORD, UserFactory, make_post
from tests.privacy.lives import whole_life
from tests.privacy.test_coverage import user_links

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"


def rows_pointing_at(pk) -> dict[str, int]:
    """How many rows each link has pointing at this account id."""
    counts = {}
    for link, field in user_links().items():
        model = field.model
        counts[link] = model._base_manager.filter(**{field.name: pk}).count()
    return counts


# SET_NULL links (coverage.ANONYMISED) whose rows the life makes and that must survive the erasure.
KEPT = [
    "moderation.Report.reporter",
    "comfort_safety.Worry.reporter",
    "memorials.Memorial.created_by",
    "memorials.Memorial.subject_account",
    "memorials.LastWords.chosen_by",
    "memorials.Steward.invited_by",
    "memorials.StewardLogEntry.actor",
    "memorials.Tribute.moderated_by",
    "memorials.AccountWishes.legacy_contact",
    "memorials.MemorialisationRequest.requested_by",
    "memorials.ArchiveImport.uploaded_by",
    "circles.Circle.created_by",
    "circles.Membership.banned_by",
    "circles.CirclePost.removed_by",
    "crisis.CheckIn.marked_by",
]


NOT_IN_A_MEMBERS_LIFE = {
    "admin.LogEntry.user",
    "comfort_safety.RiskSignal.reviewed_by",
    "crisis.Crisis.created_by",
    "crisis.CrisisNotice.author",
    "crisis.HiddenPost.hidden_by",
    "crisis.LinkedMemorial.linked_by",
    "moderation.AuditEntry.actor",
    "moderation.Decision.moderator",
    "moderation.DecisionAppeal.decided_by",
    "moderation.QueueItem.assigned_to",
    "oauth2_provider.DeviceGrant.user",
    "oauth2_provider.IDToken.user",
    "privacy.AccountDeletion.user",
    "trends.TagReview.reviewed_by",
}


def ids_pointing_at(link, pk) -> set[int]:
    field = user_links()[link]
    return set(field.model._base_manager.filter(**{field.name: pk}).values_list("pk", flat=True))


def erase_now(member) -> None:
    services.deletion_request(member, password=PASSWORD)
    assert services.deletion_erase_due() == 0  # not before the grace is over
    AccountDeletion.objects.update(erase_after=timezone.now() - timedelta(minutes=1))
    assert services.deletion_erase_due() == 1


def test_no_row_points_at_an_erased_member_and_what_stays_is_anonymous(user, other, third, settings):
    life = whole_life(user, other, third, settings)
    services.export_request(user)  # an archive on disk, to be removed too
    pk = user.pk
    before = rows_pointing_at(pk)
    populated = {link for link, n in before.items() if n}
    # The life reaches every link but a moderator's (see the next test), those of features that are off, and the
    # deletion request itself (made just before the erasure).
    assert set(before) - populated == NOT_IN_A_MEMBERS_LIFE
    # Rows that stay without the member (unless something else of theirs takes them: their appeal's crisis link).
    assert set(KEPT) <= set(coverage.ANONYMISED)
    kept = {link: ids_pointing_at(link, pk) for link in KEPT}
    assert all(kept.values()), [link for link, ids in kept.items() if not ids]
    files = [
        user.avatar.path,
        life.things["tribute"].photo.path,
        life.things["sighting"].photo.path,
        life.things["appeal"].photos.get().file.path,
    ]
    assert all(os.path.exists(f) for f in files)
    exports = list((settings.DATA_DIR / "exports").iterdir())
    assert exports

    erase_now(user)

    assert not User.objects.filter(pk=pk).exists()
    left = {link: n for link, n in rows_pointing_at(pk).items() if n}
    assert left == {}, f"Rows still pointing at the erased member: {left}"
    for link, ids in kept.items():
        field = user_links()[link]
        assert field.model._base_manager.filter(pk__in=ids, **{f"{field.name}__isnull": True}).count() == len(ids), link
    report = Report.objects.get(pk=life.things["report"].pk)
    assert report.reporter is None and report.comment == "Il se moque de ma mère"
    assert not any(os.path.exists(f) for f in files)
    assert not any(p.exists() for p in exports)
    assert not Session.objects.filter(session_key=life.things["session_key"]).exists()
    assert AuditEntry.objects.filter(action="account.erase", after__username="marie").exists()
    # The memorial the member kept stays for the friend who keeps it with them, and its log with it.
    assert StewardLogEntry.objects.filter(memorial=life.things["memorial"], actor=None).exists()


def test_erasing_a_moderator_keeps_their_decisions_and_the_audit_log(user, other):
    moderator = UserFactory(username="ancienne_modo", role="moderator")
    report = moderation.report_create(other, user, category="spam", post_ids=[make_post(user, "achetez").pk])
    moderation.queue_assign(moderator, report.queue_item)
    decision = moderation.decision_take(moderator, user, action="warn", reason="Pas de publicité.", report=report)
    erase_now(moderator)
    decision = Decision.objects.get(pk=decision.pk)
    assert decision.moderator is None and decision.reason == "Pas de publicité."
    entry = AuditEntry.objects.get(action="decision.warn")
    assert entry.actor is None and entry.actor_name == "ancienne_modo"  # the append-only log keeps its trail
    assert rows_pointing_at(moderator.pk) == dict.fromkeys(user_links(), 0)

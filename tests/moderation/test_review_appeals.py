"""Missing-person appeals go through the moderation queue; the decision comes back to the appeals services."""

import pytest

from reconfort.appeals import services
from reconfort.appeals.models import Notice, Status
from reconfort.moderation import reviews
from reconfort.moderation.models import QueueItem
from tests.appeals.conftest import details_for, make_appeal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _members_old_enough(settings):
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


def test_a_missing_person_appeal_opens_a_review_children_first(user):
    adult = make_appeal(user, "missing_person")
    child = make_appeal(
        user, "missing_person", details={**details_for("missing_person"), "age": 7, "authority_reference": "PV-7"}
    )
    items = {i.subject_id: i for i in QueueItem.objects.filter(kind=QueueItem.Kind.MISSING_PERSON)}
    assert items[adult.pk].risk == 1 and items[child.pk].risk == 0
    assert items[adult.pk].subject_type == "appeals.appeal"


def test_approval_publishes_rejection_tells_why(user, moderator):
    first, second = make_appeal(user, "missing_person"), make_appeal(user, "missing_person")
    item = QueueItem.objects.get(subject_id=first.pk)
    reviews.review_decide(moderator, item, approved=True, reason="")
    first.refresh_from_db()
    assert first.status == Status.OPEN and first.post_id is not None
    reviews.review_decide(moderator, QueueItem.objects.get(subject_id=second.pk), approved=False, reason="Unverified")
    second.refresh_from_db()
    assert second.status == Status.REJECTED and second.post_id is None
    assert Notice.objects.get(appeal=second).note == "Unverified"


def test_withdrawn_while_waiting_closes_the_item_quietly(user, moderator):
    appeal = make_appeal(user, "missing_person")
    services.appeal_withdraw(user, appeal)
    item = reviews.review_decide(moderator, QueueItem.objects.get(subject_id=appeal.pk), approved=True, reason="")
    appeal.refresh_from_db()
    assert item.state == QueueItem.State.CLOSED and appeal.status == Status.WITHDRAWN

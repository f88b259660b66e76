import pytest

from reconfort.accounts.models import Role
from reconfort.core.errors import Forbidden, NotFound, ServiceError
from reconfort.moderation import reviews
from reconfort.moderation.models import AuditEntry, QueueItem
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided():
    calls = []
    reviews.register(
        "crisis_alert",
        lambda moderator, subject_id, approved, reason: calls.append(
            (moderator.username, subject_id, approved, reason)
        ),
    )
    yield calls
    reviews._handlers.pop("crisis_alert", None)


def test_open_is_idempotent_and_decide_calls_the_handler(decided):
    moderator = UserFactory(username="modo", role=Role.MODERATOR)
    item = reviews.review_open("crisis_alert", subject_type="comfort.request", subject_id=7, risk=0)
    assert reviews.review_open("crisis_alert", subject_type="comfort.request", subject_id=7) == item
    reviews.review_decide(moderator, item, approved=True, reason="")
    assert decided == [("modo", 7, True, "")]
    item.refresh_from_db()
    assert item.state == QueueItem.State.CLOSED
    assert AuditEntry.objects.get().action == "review.crisis_alert.approve"
    with pytest.raises(ServiceError):
        reviews.review_decide(moderator, item, approved=True, reason="")


def test_only_moderators_decide_and_rejections_need_a_reason(decided):
    member, moderator = UserFactory(), UserFactory(role=Role.MODERATOR)
    item = reviews.review_open("crisis_alert", subject_type="comfort.request", subject_id=1)
    with pytest.raises(Forbidden):
        reviews.review_decide(member, item, approved=True, reason="")
    with pytest.raises(ServiceError):
        reviews.review_decide(moderator, item, approved=False, reason=" ")
    assert decided == []


def test_kind_without_handler_cannot_be_decided():
    moderator = UserFactory(role=Role.MODERATOR)
    item = reviews.review_open("crisis_alert", subject_type="comfort.request", subject_id=3)
    with pytest.raises(NotFound):
        reviews.review_decide(moderator, item, approved=True, reason="")

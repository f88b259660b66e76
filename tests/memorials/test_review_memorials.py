"""Disputes reach the moderation queue; a moderator's decision comes back through the memorials services."""

import pytest

from reconfort.core.errors import Forbidden, NotFound
from reconfort.memorials import services
from reconfort.moderation import reviews
from reconfort.moderation.models import AuditEntry, QueueItem

pytestmark = pytest.mark.django_db


def dispute_item(memorial):
    return QueueItem.objects.get(kind="memorial_dispute", subject_type="memorials.memorial", subject_id=memorial.pk)


def test_a_dispute_opens_one_queue_item_with_the_reason_for_moderators(memorial, other, third):
    services.memorial_dispute(other, memorial, reason="Je suis vivant")
    with pytest.raises(NotFound):  # hidden now: nobody else can see it to dispute it again
        services.memorial_dispute(third, memorial, reason="Lui aussi le dit")
    item = dispute_item(memorial)
    assert item.state == QueueItem.State.OPEN and item.risk == 1
    entry = AuditEntry.objects.get(action="review.memorial_dispute.requested")
    assert entry.reason == "Je suis vivant" and entry.after == {"requested_by": other.pk}


def test_moderator_rejects_the_dispute_and_the_memorial_comes_back(memorial, other, moderator, user):
    services.memorial_dispute(other, memorial, reason="Faux")
    with pytest.raises(Forbidden):
        reviews.review_decide(user, dispute_item(memorial), approved=False, reason="non")  # the owner is no moderator
    reviews.review_decide(moderator, dispute_item(memorial), approved=False, reason="La famille a prouvé le décès")
    memorial.refresh_from_db()
    assert memorial.hidden_at is None and memorial.dispute_rejected_at is not None
    assert memorial.log.filter(action="memorial.dispute_decided").exists()


def test_moderator_upholds_the_dispute(memorial, other, moderator):
    services.memorial_dispute(other, memorial, reason="C'est moi")
    reviews.review_decide(moderator, dispute_item(memorial), approved=True, reason="")
    memorial.refresh_from_db()
    assert memorial.hidden_at is not None and memorial.state == "archived"


def test_a_deleted_memorial_just_closes_the_item(memorial, other, moderator, user):
    services.memorial_dispute(other, memorial, reason="C'est moi")
    item = dispute_item(memorial)
    services.memorial_delete(user, memorial)
    reviews.review_decide(moderator, item, approved=True, reason="")
    item.refresh_from_db()
    assert item.state == QueueItem.State.CLOSED

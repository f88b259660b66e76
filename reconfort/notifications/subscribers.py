"""Notifications react to events from accounts and posts."""

from reconfort.accounts.models import Block, Follow, Mute
from reconfort.appeals.models import Appeal
from reconfort.appeals.selectors import involved_ids
from reconfort.comfort.circles.selectors import moderator_ids as circle_moderator_ids
from reconfort.core import events
from reconfort.crisis.models import CheckIn
from reconfort.posts.authors import thread_alias
from reconfort.posts.models import Mention, Post

from . import services
from .models import Notification, NotificationType


def _acts_under_pseudonym(post: Post, actor_id: int) -> bool:
    """The asker of an anonymous request acting in its thread (posts.authors, decision 0038)."""
    found = thread_alias(post)
    return found is not None and found.asker_id == actor_id


def on_post_created(post_id, **_):
    post = Post.objects.filter(pk=post_id).select_related("thread_root").first()
    if post is None or post.held:  # comfort guard: a held reply notifies nobody until it is approved
        return
    recipients = list(Mention.objects.filter(post_id=post_id).values_list("account_id", flat=True))
    # A reply to a post under a pseudonym does not mention its author (that would name them): they hear it all the same.
    if post.in_reply_to_account_id and post.in_reply_to_account_id not in recipients:
        recipients.append(post.in_reply_to_account_id)
    hidden = _acts_under_pseudonym(post, post.author_id)
    for account_id in recipients:
        kind = NotificationType.REPLY if account_id == post.in_reply_to_account_id else NotificationType.MENTION
        services.notification_create(
            recipient_id=account_id, actor_id=post.author_id, type=kind, post_id=post_id, actor_hidden=hidden
        )


def on_reblog(post_id, target_id, **_):
    reblog = Post.objects.filter(pk=post_id).select_related("reblog_of", "reblog_of__thread_root").first()
    if reblog is not None:
        services.notification_create(
            recipient_id=reblog.reblog_of.author_id,
            actor_id=reblog.author_id,
            type=NotificationType.REBLOG,
            post_id=target_id,
            actor_hidden=_acts_under_pseudonym(reblog.reblog_of, reblog.author_id),
        )


def on_gesture_added(post_id, account_id, kind, **_):
    post = Post.objects.filter(pk=post_id).select_related("thread_root").first()
    if post is not None:
        services.notification_create(
            recipient_id=post.author_id,
            actor_id=account_id,
            type=NotificationType.GESTURE,
            post_id=post_id,
            gesture_kind=kind,
            actor_hidden=_acts_under_pseudonym(post, account_id),
        )


def on_gesture_removed(post_id, account_id, kind, **_):
    author_id = Post.objects.filter(pk=post_id).values_list("author_id", flat=True).first()
    if author_id:
        services.notification_withdraw(
            recipient_id=author_id,
            actor_id=account_id,
            type=NotificationType.GESTURE,
            post_id=post_id,
            gesture_kind=kind,
        )


def on_follow(follower_id, target_id, **_):
    services.notification_withdraw(recipient_id=target_id, actor_id=follower_id, type=NotificationType.FOLLOW_REQUEST)
    services.notification_create(recipient_id=target_id, actor_id=follower_id, type=NotificationType.FOLLOW)


def on_follow_requested(follower_id, target_id, **_):
    services.notification_create(recipient_id=target_id, actor_id=follower_id, type=NotificationType.FOLLOW_REQUEST)


def on_report_created(report_id, reporter_id, **_):
    services.notification_notice(recipient_id=reporter_id, type=NotificationType.REPORT_RECEIVED, subject_id=report_id)


def on_report_resolved(report_id, reporter_id, **_):
    services.notification_notice(recipient_id=reporter_id, type=NotificationType.REPORT_RESOLVED, subject_id=report_id)


def on_decision(decision_id, account_id, **_):
    services.notification_notice(
        recipient_id=account_id, type=NotificationType.MODERATION_DECISION, subject_id=decision_id
    )


def on_appeal_decided(appeal_id, account_id, **_):
    services.notification_notice(recipient_id=account_id, type=NotificationType.APPEAL_DECIDED, subject_id=appeal_id)


def on_appeal_closed(appeal_id, **_):
    """Closing the loop: everyone who followed, reshared or answered an appeal hears that it ended. The appeal's
    post (rewritten with the outcome) goes with it, so the notice shows "✅ Update: Reunited."."""
    appeal = Appeal.objects.filter(pk=appeal_id).only("id", "owner_id", "post_id").first()
    if appeal is None:
        return
    for recipient_id in involved_ids(appeal):
        services.notification_create(
            recipient_id=recipient_id,
            actor_id=appeal.owner_id,
            type=NotificationType.APPEAL_CLOSED,
            post_id=appeal.post_id,
            subject_id=appeal.pk,
        )


def on_memorial_anniversary(memorial_id, account_id, **_):
    """A gentle notice about a memorial the person follows. It replaces the memorial's earlier notice (last year's,
    or the birthday's), so it comes fresh at the top instead of being folded into a months-old row."""
    Notification.objects.filter(
        recipient_id=account_id, type=NotificationType.MEMORIAL_ANNIVERSARY, subject_id=memorial_id
    ).delete()
    services.notification_notice(
        recipient_id=account_id, type=NotificationType.MEMORIAL_ANNIVERSARY, subject_id=memorial_id
    )


# --- circles (reconfort.comfort.circles): a request to join reaches the circle's moderators; the welcome, the person.


def on_circle_join_requested(circle_id, account_id, **_):
    for moderator_id in circle_moderator_ids(circle_id):
        services.notification_create(
            recipient_id=moderator_id, actor_id=account_id, type=NotificationType.CIRCLE_REQUEST, subject_id=circle_id
        )


def on_circle_request_accepted(circle_id, account_id, moderator_id, **_):
    Notification.objects.filter(
        type=NotificationType.CIRCLE_REQUEST, actor_id=account_id, subject_id=circle_id
    ).delete()
    services.notification_create(
        recipient_id=account_id, actor_id=moderator_id, type=NotificationType.CIRCLE_ACCEPTED, subject_id=circle_id
    )


# --- Kindred spirits (reconfort.comfort.kindred): a request waits for an answer; both said yes. -----------------
# The request notice carries the link's id (subject_id); the "both said yes" notice has none, so the template can
# tell them apart without a query.


def on_kindred_requested(link_id, requester_id, recipient_id, **_):
    services.notification_create(
        recipient_id=recipient_id, actor_id=requester_id, type=NotificationType.KINDRED, subject_id=link_id
    )


def on_kindred_accepted(link_id, requester_id, recipient_id, **_):
    Notification.objects.filter(
        recipient_id=recipient_id, actor_id=requester_id, type=NotificationType.KINDRED, subject_id=link_id
    ).delete()
    services.notification_create(recipient_id=requester_id, actor_id=recipient_id, type=NotificationType.KINDRED)


# --- Crises (reconfort.crisis): the private invitation to check in, a check-in told to followers, "are you safe?";
# all of them go when the crisis's check-ins expire. subject_id is the crisis.

CRISIS_TYPES = (NotificationType.CRISIS_INVITE, NotificationType.SAFETY_CHECKIN, NotificationType.SAFETY_QUESTION)


def on_crisis_invited(crisis_id, account_ids, **_):
    """One private invitation each, written in bulk (a crisis may invite thousands at once). Safe to call twice."""
    invite = NotificationType.CRISIS_INVITE
    done = set(
        Notification.objects.filter(type=invite, subject_id=crisis_id, recipient_id__in=account_ids).values_list(
            "recipient_id", flat=True
        )
    )
    Notification.objects.bulk_create(
        [
            Notification(recipient_id=rid, actor_id=rid, type=invite, subject_id=crisis_id)
            for rid in sorted(set(account_ids) - done)
        ],
        batch_size=500,
    )


def on_safety_checked_in(crisis_id, account_id, marked_by_id=None, **_):
    """Tell the person's followers (in bulk: a crisis is when many check in at once); a fresh notice replaces the
    earlier one; a check-in taken back takes its notices with it."""
    Notification.objects.filter(
        actor_id=account_id, type=NotificationType.SAFETY_CHECKIN, subject_id=crisis_id
    ).delete()
    if not CheckIn.objects.filter(crisis_id=crisis_id, account_id=account_id).exists():
        return
    followers = set(
        Follow.objects.filter(target_id=account_id, state=Follow.State.ACCEPTED).values_list("follower_id", flat=True)
    )
    followers -= set(Block.objects.filter(account_id=account_id).values_list("target_id", flat=True))
    followers -= set(Block.objects.filter(target_id=account_id).values_list("account_id", flat=True))
    followers -= set(
        Mute.objects.filter(target_id=account_id, hide_notifications=True).values_list("account_id", flat=True)
    )
    followers.discard(account_id)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=rid, actor_id=account_id, type=NotificationType.SAFETY_CHECKIN, subject_id=crisis_id
            )
            for rid in sorted(followers)
        ]
    )
    if marked_by_id and marked_by_id != account_id:  # someone they trust marked them: they hear it too
        services.notification_create(
            recipient_id=account_id, actor_id=marked_by_id, type=NotificationType.SAFETY_CHECKIN, subject_id=crisis_id
        )


def on_safety_asked(crisis_id, asker_id, account_id, **_):
    services.notification_create(
        recipient_id=account_id, actor_id=asker_id, type=NotificationType.SAFETY_QUESTION, subject_id=crisis_id
    )


def on_crisis_checkins_expired(crisis_id, **_):
    Notification.objects.filter(type__in=CRISIS_TYPES, subject_id=crisis_id).delete()


def connect_crisis() -> None:
    events.subscribe(events.CRISIS_INVITED, on_crisis_invited)
    events.subscribe(events.SAFETY_CHECKED_IN, on_safety_checked_in)
    events.subscribe(events.SAFETY_ASKED, on_safety_asked)
    events.subscribe(events.CRISIS_CHECKINS_EXPIRED, on_crisis_checkins_expired)


# --- comfort queue (reconfort.comfort): a private thank-you from someone the member comforted. The page shows no
# name (the asker may have asked under a pseudonym); the thanks themselves are on /comfort/thanks/.


def on_gratitude_sent(thanks_id, recipient_id, sender_id, **_):
    services.notification_create(
        recipient_id=recipient_id, actor_id=sender_id, type=NotificationType.GRATITUDE, subject_id=thanks_id
    )


def on_comfort_called(call_id, comforter_id, **_):
    """A call-out to an on-call comforter: a notice of its own (no asker behind it, no post: nothing of the request)."""
    services.notification_notice(recipient_id=comforter_id, type=NotificationType.COMFORT_CALL, subject_id=call_id)


def connect() -> None:
    events.subscribe(events.POST_CREATED, on_post_created)
    events.subscribe(events.REPLY_RELEASED, on_post_created)  # an approved held reply notifies as a new reply
    events.subscribe(events.REBLOG_CREATED, on_reblog)
    events.subscribe(events.GESTURE_ADDED, on_gesture_added)
    events.subscribe(events.GESTURE_REMOVED, on_gesture_removed)
    events.subscribe(events.FOLLOW_CREATED, on_follow)
    events.subscribe(events.FOLLOW_REQUESTED, on_follow_requested)
    events.subscribe(events.REPORT_CREATED, on_report_created)
    events.subscribe(events.REPORT_RESOLVED, on_report_resolved)
    events.subscribe(events.MODERATION_DECISION, on_decision)
    events.subscribe(events.APPEAL_DECIDED, on_appeal_decided)
    events.subscribe(events.APPEAL_CLOSED, on_appeal_closed)
    events.subscribe(events.MEMORIAL_ANNIVERSARY, on_memorial_anniversary)
    events.subscribe(events.GRATITUDE_SENT, on_gratitude_sent)
    events.subscribe(events.COMFORT_CALLED, on_comfort_called)
    events.subscribe(events.CIRCLE_JOIN_REQUESTED, on_circle_join_requested)
    events.subscribe(events.CIRCLE_REQUEST_ACCEPTED, on_circle_request_accepted)
    events.subscribe(events.KINDRED_REQUESTED, on_kindred_requested)
    events.subscribe(events.KINDRED_ACCEPTED, on_kindred_accepted)
    connect_crisis()

"""Every write of the kind-reply guard: reply policies, recording held replies, approving and removing them."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import events
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.posts import gates
from reconfort.posts.models import Kind, Post
from reconfort.posts.selectors import can_view, post_not_found

from . import policies, selectors
from .models import Audience, HeldReply, ReplyPolicy
from .screening import screen_text

TRIBUTE = "tribute"  # memorials.services.tributes.TRIBUTE_DRAFT_KIND

# --- posts.gates hooks (registered in GuardConfig.ready) ---------------------------------------------------------


def _context(draft: gates.Draft):
    """(guarded post, audience, is_owner, owner_follows) for a reply draft, or None when nothing guards it."""
    guarded = selectors.guarded_post_for(draft.parent)
    if guarded is None:
        return None
    is_owner = draft.author.pk == guarded.author_id
    owner_follows = not is_owner and selectors.follows(guarded.author_id, draft.author.pk)
    return guarded, selectors.audience_for(guarded), is_owner, owner_follows


def check_reply_policy(draft: gates.Draft) -> None:
    """Refuse a reply the author closed to this person ("nobody", "only people I follow", "comforters")."""
    context = _context(draft)
    if context is None:
        return
    guarded, audience, is_owner, owner_follows = context
    if policies.can_reply(
        audience,
        is_owner=is_owner,
        owner_follows=owner_follows,
        is_comforter=audience == Audience.COMFORTERS and selectors.is_comforter(draft.author),
    ):
        return
    if audience == Audience.NOBODY:
        raise Forbidden(_("The author has closed replies to this post."), code="replies_closed")
    if audience == Audience.FOLLOWING:
        raise Forbidden(_("The author only accepts replies from people they follow."), code="replies_restricted")
    raise Forbidden(
        _("The author only accepts replies from people they follow and from comforters."), code="replies_restricted"
    )


def screen_content(draft: gates.Draft) -> gates.Hold | None:
    """A reply that reads as hostile, mocking, spam or proselytising waits for the author (after a nudge).
    A memorial tribute (kind "tribute", from memorials.services.tribute_create) that does waits for the stewards."""
    if draft.kind == TRIBUTE and draft.parent is None:
        verdict = screen_text(draft.text)
        if verdict.suspect:
            return gates.Hold(
                "suspect",
                _("Your tribute will be shown once the memorial's stewards approve it."),
                reasons=tuple(verdict.categories),
            )
        return None
    context = _context(draft)
    if context is None or not policies.must_screen(is_owner=context[2]):
        return None
    verdict = screen_text(draft.text)
    if verdict.suspect:
        return gates.Hold(
            "suspect",
            _(
                "Your reply may hurt someone who is grieving or asking for comfort. Would you like to reread it? "
                "If you send it as it is, it will wait for the author's approval."
            ),
            nudge=True,
            reasons=tuple(verdict.categories),
        )
    return None


def screen_edit(draft: gates.Draft) -> gates.Hold | None:
    """A shown reply to a guarded post (approved from the folder, or never held) edited into words that read as
    hostile, mocking, spam or proselytising waits again for the author (no nudge: the edit form has none)."""
    context = _context(draft)
    if context is None or not policies.must_screen(is_owner=context[2]):
        return None
    if screen_text(draft.text).suspect:
        return gates.Hold("suspect", _("Your edited reply will be shown again once the author approves it."))
    return None


def _waits_for_author(guarded: Post, audience: str, author, *, is_owner: bool, owner_follows: bool) -> bool:
    if not policies.must_hold(audience, is_owner=is_owner, owner_follows=owner_follows):
        return False
    # Asked only now (one query): a comforter answering a support request is shown at once.
    comforter = guarded.kind == Kind.SUPPORT_REQUEST and selectors.is_comforter(author)
    return policies.must_hold(audience, is_owner=is_owner, owner_follows=owner_follows, comforter_on_request=comforter)


def screen_audience(draft: gates.Draft) -> gates.Hold | None:
    """On a guarded post, replies from people the author does not follow wait for approval."""
    context = _context(draft)
    if context is None:
        return None
    guarded, audience, is_owner, owner_follows = context
    if _waits_for_author(guarded, audience, draft.author, is_owner=is_owner, owner_follows=owner_follows):
        return gates.Hold("not_followed", _("Your reply will be shown once the author approves it."))
    return None


# --- recording (subscriber of events.POST_CREATED) --------------------------------------------------------------


def held_reply_record(post_id: int) -> HeldReply | None:
    """File a held reply in the guarded post's author's folder (safe to run twice)."""
    post = Post.objects.select_related("author", "in_reply_to").filter(pk=post_id, held=True).first()
    if post is None or post.in_reply_to is None:
        return None
    guarded = selectors.guarded_post_for(post.in_reply_to)
    if guarded is None:
        return None
    reasons, score = _reasons(guarded, post)
    held, _created = HeldReply.objects.get_or_create(
        reply=post,
        defaults={"guarded_post": guarded, "owner_id": guarded.author_id, "reasons": reasons, "score": score},
    )
    return held


def _reasons(guarded: Post, post: Post) -> tuple[list[str], float]:
    """Why a reply waits: "not_followed" and/or the screening categories of its words, and the screening score."""
    verdict = screen_text(post.text)
    reasons = list(verdict.categories) if verdict.suspect else []
    owner_follows = selectors.follows(guarded.author_id, post.author_id)
    audience = selectors.audience_for(guarded)
    if _waits_for_author(guarded, audience, post.author, is_owner=False, owner_follows=owner_follows):
        reasons.insert(0, "not_followed")
    return reasons, verdict.score


def held_reply_refile(post_id: int) -> HeldReply | None:
    """After an edit of a held reply: the reasons follow its new words, and a reply held again (post_edit set
    Post.held back) returns to the folder as waiting, even one approved before. A removed reply stays removed.
    Safe to run twice."""
    post = Post.objects.select_related("author", "in_reply_to").filter(pk=post_id, held=True).first()
    if post is None or post.in_reply_to is None:
        return None
    held = HeldReply.objects.filter(reply=post).first()
    if held is None:  # a reply that was shown at once (a friend's, a comforter's) and is now held for its words
        return held_reply_record(post_id)
    reasons, score = _reasons(held.guarded_post, post)
    changes: dict = {"reasons": reasons, "score": score}
    if held.state == HeldReply.State.APPROVED:
        changes.update(state=HeldReply.State.HELD, decided_by=None, decided_at=None)
    HeldReply.objects.filter(pk=held.pk).update(**changes)
    held.refresh_from_db()
    return held


def on_post_created(post_id, **_):
    held_reply_record(post_id)


def on_post_updated(post_id, **_):
    held_reply_refile(post_id)


# --- the author's decisions -------------------------------------------------------------------------------------


def reply_policy_set(actor, post: Post, audience: str) -> ReplyPolicy:
    if not can_view(actor, post):
        raise post_not_found()
    if not policies.can_edit_reply_policy(actor, post):
        raise Forbidden(_("Only the author of a support request or a memorial post chooses who may reply."))
    if audience not in Audience.values:
        raise ServiceError(_("Unknown choice of who may reply."), field="audience", code="invalid_audience")
    with transaction.atomic():
        policy, _created = ReplyPolicy.objects.update_or_create(post=post, defaults={"audience": audience})
    return policy


def _decide(actor, held: HeldReply, state: str) -> bool:
    """Move a held reply to `state`; False when it was already decided that way (nothing to do)."""
    if held.state == state:
        return False
    if state not in HeldReply.TRANSITIONS.get(held.state, set()):
        raise ServiceError(_("This reply was already decided on."), status=409, code="already_decided")
    held.state, held.decided_by, held.decided_at = state, actor, timezone.now()
    held.save(update_fields=["state", "decided_by", "decided_at"])
    return True


def held_reply_approve(actor, held: HeldReply) -> HeldReply:
    """Show the reply: it joins the thread, the author is notified as for any reply (events.REPLY_RELEASED)."""
    with transaction.atomic():
        held = HeldReply.objects.select_for_update().select_related("reply").get(pk=held.pk)
        if _decide(actor, held, HeldReply.State.APPROVED):
            Post.objects.filter(pk=held.reply_id).update(held=False)
            if held.reply.in_reply_to_id:
                Post.objects.filter(pk=held.reply.in_reply_to_id).update(replies_count=F("replies_count") + 1)
            events.emit(events.REPLY_RELEASED, post_id=held.reply_id)
    held.reply.held = False
    return held


def held_reply_remove(actor, held: HeldReply) -> HeldReply:
    """Keep the reply out of the thread for good. Its writer still sees it, marked as not shown."""
    with transaction.atomic():
        held = HeldReply.objects.select_for_update().select_related("reply").get(pk=held.pk)
        _decide(actor, held, HeldReply.State.REMOVED)
    return held

"""What comfort keeps about the member beyond reconfort.privacy.comfort_export: their call-out settings and the
calls they received, the requests they opened in the queue, the replies counted as kind, and the circles they
host (created, bans, removals).

A call says a language and a time, as the call itself did (never whose request nor its words); an opened request
says when and how it ended, not whose it was (askers may be anonymous).
"""

from __future__ import annotations

from reconfort.comfort.circles.models import Circle, CirclePost, Membership
from reconfort.comfort.models import Call, Claim, Comforter, KindReply

from .common import at


def call_outs_data(user) -> dict | None:
    comforter = Comforter.objects.filter(user=user).first()
    if comforter is None:
        return None
    return {
        "on_call": comforter.on_call,
        "from_hour": comforter.call_from_hour,
        "until_hour": comforter.call_until_hour,
        "calls_received": [
            {"language": c.language, "at": at(c.created_at)} for c in Call.objects.filter(comforter=user).order_by("id")
        ],
    }


def queue_data(user) -> dict:
    return {
        "requests_opened": [
            {"state": c.state, "opened_at": at(c.created_at), "ended_at": at(c.ended_at)}
            for c in Claim.objects.filter(comforter=user).order_by("id")
        ],
        "kind_replies_counted": [
            {"reply": str(k.reply_id), "at": at(k.created_at)}
            for k in KindReply.objects.filter(author=user).order_by("id")
        ],
    }


def circles_hosted_data(user) -> dict:
    return {
        "circles_created": [
            {
                "slug": c.slug,
                "name": c.name,
                "description": c.description,
                "language": c.language,
                "rules": c.rules,
                "join_policy": c.join_policy,
                "posts_visibility": c.posts_visibility,
                "created_at": at(c.created_at),
            }
            for c in Circle.objects.filter(created_by=user).order_by("id")
        ],
        "bans_made": [
            {"circle": m.circle.slug, "account": m.account.username, "reason": m.ban_reason, "at": at(m.banned_at)}
            for m in Membership.objects.filter(banned_by=user).select_related("circle", "account").order_by("id")
        ],
        "messages_removed": [
            {"circle": p.circle.slug, "message": str(p.pk), "reason": p.removed_reason, "at": at(p.removed_at)}
            for p in CirclePost.objects.filter(removed_by=user).select_related("circle").order_by("id")
        ],
    }

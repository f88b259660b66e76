"""The member's data from comfort, circles, kindred spirits, the safety net, crises and tags, for their export.

Only what is theirs: their own requests, thanks, circles, facets, settings, check-ins and follows. Never who was
worried about them or who reported them, and the thanks they received without the sender's name (an asker may
have been anonymous), as the pages show them. Of the kind-reply guard: who may reply to their posts, the decisions
they made on held replies (which reply, not its words nor its writer: those are someone else's), and their own
replies that were held (the reply, its state and what the screening found in its words).
"""

from __future__ import annotations

from reconfort.comfort.circles.models import CirclePost, Membership
from reconfort.comfort.guard.models import HeldReply, ReplyPolicy
from reconfort.comfort.guard.screening import CATEGORIES
from reconfort.comfort.kindred.models import KindredLink, KindredProfile
from reconfort.comfort.models import Comforter, SupportRequest, Thanks
from reconfort.comfort.safety.models import RiskSignal, SafetyPreference, Worry
from reconfort.crisis.models import CheckIn, SafetySettings, TrustedMarker
from reconfort.hashtags.models import FeaturedTag, TagFollow


def _at(moment) -> str | None:
    return moment.isoformat() if moment else None


def comfort_data(user) -> dict:
    comforter = Comforter.objects.filter(user=user).first()
    preference = SafetyPreference.objects.filter(user=user).first()
    return {
        "support_requests": [
            {
                "post": str(r.post_id),
                "topic": r.topic,
                "language": r.language,
                "anonymous": r.anonymous,
                "pseudonym": r.pseudonym,
                "kind_replies": r.kind_replies,
                "comforted_at": _at(r.comforted_at),
                "created_at": _at(r.created_at),
            }
            for r in SupportRequest.objects.filter(asker=user).order_by("id")
        ],
        "comforter": (
            {
                "languages": comforter.languages,
                "topics": comforter.topics,
                "active": comforter.active,
                "guide_read_at": _at(comforter.guide_read_at),
            }
            if comforter
            else None
        ),
        "thanks_sent": [
            {"to": t.recipient.username, "text": t.text, "at": _at(t.created_at)}
            for t in Thanks.objects.filter(sender=user).select_related("recipient").order_by("id")
        ],
        "thanks_received": [
            {"text": t.text, "at": _at(t.created_at)} for t in Thanks.objects.filter(recipient=user).order_by("id")
        ],
        "safety": {
            "country": getattr(preference, "country", ""),  # empty: the country of their time zone
            "country_chosen_at": _at(getattr(preference, "updated_at", None)),
            "panels_shown": [
                {"post": str(s.post_id), "at": _at(s.created_at), "dismissed_at": _at(s.panel_dismissed_at)}
                for s in RiskSignal.objects.filter(author=user).order_by("id")
            ],
            "worried_about_others": [
                {"post": str(w.post_id), "note": w.note, "at": _at(w.created_at)}
                for w in Worry.objects.filter(reporter=user).order_by("id")
            ],
        },
    }


def guard_data(user) -> dict:
    """The kind-reply guard: the member's reply policies, their decisions on held replies, their own held replies."""
    return {
        "reply_policies": [
            {"post": str(p.post_id), "audience": p.audience, "updated_at": _at(p.updated_at)}
            for p in ReplyPolicy.objects.filter(post__author=user).order_by("id")
        ],
        "held_replies_decided": [
            {
                "reply": str(h.reply_id),
                "on_post": str(h.guarded_post_id),
                "decision": h.state,
                "at": _at(h.decided_at),
            }
            for h in HeldReply.objects.filter(decided_by=user).order_by("id")
        ],
        "my_held_replies": [
            {
                "reply": str(h.reply_id),
                "in_reply_to": str(h.reply.in_reply_to_id) if h.reply.in_reply_to_id else None,
                "state": h.state,
                # What the screening found in their own words; not whether the author follows them (theirs).
                "screened_as": [r for r in h.reasons if r in CATEGORIES],
                "held_at": _at(h.created_at),
            }
            for h in HeldReply.objects.filter(reply__author=user).select_related("reply").order_by("id")
        ],
    }


def circles_data(user) -> dict:
    return {
        "memberships": [
            {"circle": m.circle.slug, "state": m.state, "role": m.role, "joined_at": _at(m.joined_at)}
            for m in Membership.objects.filter(account=user).select_related("circle").order_by("id")
        ],
        "posts": [
            {
                "circle": p.circle.slug,
                "id": str(p.pk),
                "in_reply_to": str(p.parent_id) if p.parent_id else None,
                "text": p.text,
                "created_at": _at(p.created_at),
                "removed_reason": p.removed_reason if p.removed_at else "",
            }
            for p in CirclePost.objects.filter(author=user).select_related("circle").order_by("id")
        ],
    }


def kindred_data(user) -> dict:
    profile = KindredProfile.objects.filter(user=user).first()
    links = KindredLink.objects.filter(requester=user) | KindredLink.objects.filter(recipient=user)
    return {
        "profile": (
            {
                "loss": profile.loss,
                "cause": profile.cause,
                "cause_use": profile.cause_use,
                "since": profile.since,
                "languages": profile.languages,
                "region": profile.region,
            }
            if profile
            else None
        ),
        "links": [
            {
                "with": (link.recipient if link.requester_id == user.pk else link.requester).username,
                "asked_by_me": link.requester_id == user.pk,
                "state": link.state,
                "at": _at(link.created_at),
            }
            for link in links.select_related("requester", "recipient").order_by("id")
        ],
    }


def crisis_data(user) -> dict:
    home = SafetySettings.objects.filter(account=user).first()
    return {
        "home_area": home.home_place_name if home else "",
        "may_mark_me_safe": [
            t.trusted.username for t in TrustedMarker.objects.filter(account=user).select_related("trusted")
        ],
        "check_ins": [
            {"crisis": c.crisis.slug, "status": c.status, "at": _at(c.updated_at)}
            for c in CheckIn.objects.filter(account=user).select_related("crisis").order_by("id")
        ],
    }


def tags_data(user) -> dict:
    return {
        "followed": [f.tag.name for f in TagFollow.objects.filter(user=user).select_related("tag").order_by("id")],
        "featured": [f.tag.name for f in FeaturedTag.objects.filter(user=user).select_related("tag").order_by("id")],
    }

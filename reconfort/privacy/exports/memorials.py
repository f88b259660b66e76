"""memorials.json: the memorials the member keeps or created, what they gave on memorials (tributes, candles,
flowers, hugs), their stewardship, their digital legacy wishes, requests to memorialise an account, and the
archives they imported.

Other people's data stays out (decision 0008): on a memorial the member keeps, others' tributes appear only as
the page shows them to everyone who may see it (approved ones, by the name shown on the page, without photos), and
never the waiting, rejected or hidden ones nor the guard's reasons; their own decisions on tributes say which
tribute and what they decided, not its words; a request to memorialise the member's account says its state, not
who asked nor their proof.
"""

from __future__ import annotations

from reconfort.memorials.models import (
    AccountMemorial,
    AccountWishes,
    AnniversaryOptOut,
    AnniversaryReminder,
    ArchiveImport,
    Guest,
    LastWords,
    Memorial,
    MemorialFollow,
    MemorialGesture,
    MemorialisationRequest,
    Steward,
    StewardLogEntry,
    Tribute,
)

from .common import at, media_name

PAGE_EDITORS = (Steward.Role.OWNER, Steward.Role.EDITOR)  # those who write the page, cause of death included


def ref(memorial: Memorial) -> dict:
    return {"key": memorial.key, "name": memorial.full_name}


def _last_words(words: LastWords | None, user) -> dict | None:
    if words is None:
        return None
    return {
        "text": words.text,
        "posted_at": at(words.posted_at),
        "where": words.where,
        "original_url": words.original_url,
        "post": words.post_id,
        "consent": words.consent,
        "content_warning": words.content_warning,
        "chosen_by_me": words.chosen_by_id == user.pk,
        "chosen_at": at(words.chosen_at),
    }


def _tributes_shown(memorial: Memorial) -> list[dict]:
    """Others' tributes as the memorial page shows them: approved, by the name on the page, words and date."""
    shown = (
        Tribute.objects.filter(memorial=memorial, state=Tribute.State.APPROVED, author__suspended_at__isnull=True)
        .select_related("author")
        .order_by("id")
    )
    return [{"by": t.author.name, "kind": t.kind, "text": t.text, "at": at(t.created_at)} for t in shown]


def _page(memorial: Memorial, steward: Steward, user) -> dict:
    cause = getattr(memorial, "cause", None)
    page = {
        **ref(memorial),
        "my_role": steward.role,
        "created_by_me": memorial.created_by_id == user.pk,
        "birth_date": at(memorial.birth_date),
        "birth_precision": memorial.birth_precision,
        "death_date": at(memorial.death_date),
        "death_precision": memorial.death_precision,
        "place": memorial.place,
        "life_story": memorial.life_story,
        "languages": memorial.languages,
        "in_lieu_of_flowers_url": memorial.in_lieu_of_flowers_url,
        "photo": media_name(memorial.photo),
        "state": memorial.state,
        "visibility": memorial.visibility,
        "listed": memorial.listed,
        "indexable": memorial.indexable,
        "tribute_access": memorial.tribute_access,
        "tributes_locked": memorial.tributes_locked,
        "tributes_premoderated": memorial.tributes_premoderated,
        "anniversaries_enabled": memorial.anniversaries_enabled,
        "created_at": at(memorial.created_at),
        "published_at": at(memorial.published_at),
        "hidden_at": at(memorial.hidden_at),
        "counts": {
            "tributes": memorial.tributes_count,
            "candles": memorial.candle_count,
            "flowers": memorial.flowers_count,
            "hugs": memorial.hug_count,
            "followers": memorial.followers_count,
        },
        "last_words": _last_words(getattr(memorial, "last_words", None), user),
        "tributes": _tributes_shown(memorial),
    }
    if steward.role in PAGE_EDITORS and cause is not None:
        page["cause_of_death"] = {"text": cause.text, "is_suicide": cause.is_suicide, "shown": cause.shown}
    return page


def kept_memorials(user):
    """The memorials the member keeps (an accepted steward, whatever the role)."""
    return (
        Memorial.objects.filter(stewards__user=user, stewards__accepted=True)
        .select_related("cause", "last_words")
        .order_by("id")
    )


def _last_words_chosen_elsewhere(user, kept_ids) -> list[dict]:
    """Last words the member chose on a memorial they no longer keep."""
    rows = LastWords.objects.filter(chosen_by=user).exclude(memorial_id__in=kept_ids).select_related("memorial")
    return [{"memorial": ref(w.memorial), **_last_words(w, user)} for w in rows.order_by("id")]


def _own_detail(detail: dict) -> dict:
    """A log entry's detail without the writer of a tribute the member decided on (as for tribute_decisions)."""
    return {k: v for k, v in detail.items() if k != "author"}


def _stewardship(user) -> dict:
    return {
        "invitations_received": [
            {
                "memorial": ref(s.memorial),
                "role": s.role,
                "invited_by": s.invited_by.username if s.invited_by else None,
                "at": at(s.created_at),
            }
            for s in Steward.objects.filter(user=user, accepted=False).select_related("memorial", "invited_by")
        ],
        "invitations_sent": [
            {"memorial": ref(s.memorial), "to": s.user.username, "role": s.role, "accepted": s.accepted}
            for s in Steward.objects.filter(invited_by=user).select_related("memorial", "user").order_by("id")
        ],
        # Their own actions in the stewards' log (the others' actions are the others').
        "my_actions": [
            {"memorial": ref(e.memorial), "action": e.action, "detail": _own_detail(e.detail), "at": at(e.created_at)}
            for e in StewardLogEntry.objects.filter(actor=user).select_related("memorial").order_by("id")
        ],
        "tribute_decisions": [
            {
                "memorial": ref(t.memorial),
                "tribute": t.pk,
                "decision": t.state,
                "reason": t.moderation_reason,
                "at": at(t.moderated_at),
            }
            for t in Tribute.objects.filter(moderated_by=user).select_related("memorial").order_by("id")
        ],
        "guest_of": [ref(g.memorial) for g in Guest.objects.filter(user=user).select_related("memorial")],
    }


def _tributes_written(user) -> list[dict]:
    return [
        {
            "memorial": ref(t.memorial),
            "id": t.pk,
            "kind": t.kind,
            "text": t.text,
            "photo": media_name(t.photo),
            "state": t.state,
            # Why it was not accepted or hidden, as its author sees it on the page (not who decided).
            "reason": t.moderation_reason if t.state != Tribute.State.APPROVED else "",
            "hidden_by_the_site": t.hidden_by_site,
            "screened_as": t.screened_as,  # what the kind-reply guard found in their own words
            "at": at(t.created_at),
        }
        for t in Tribute.objects.filter(author=user).select_related("memorial").order_by("id")
    ]


def _gestures(user) -> list[dict]:
    return [
        {"memorial": ref(g.memorial), "kind": g.kind, "message": g.message, "day": at(g.day), "at": at(g.created_at)}
        for g in MemorialGesture.objects.filter(account=user).select_related("memorial").order_by("id")
    ]


def _anniversaries(user) -> dict:
    return {
        "never_remind_me": AnniversaryOptOut.objects.filter(user=user).exists(),
        "following": [
            {"memorial": ref(f.memorial), "no_reminders": f.no_reminders, "since": at(f.created_at)}
            for f in MemorialFollow.objects.filter(user=user).select_related("memorial").order_by("id")
        ],
        "reminders_received": [
            {"memorial": ref(r.memorial), "year": r.year, "kind": r.kind, "at": at(r.created_at)}
            for r in AnniversaryReminder.objects.filter(user=user).select_related("memorial").order_by("id")
        ],
    }


def _digital_legacy(user) -> dict:
    wishes = AccountWishes.objects.filter(account=user).select_related("legacy_contact").first()
    memorialised = AccountMemorial.objects.filter(account=user).first()
    return {
        "my_wishes": (
            {
                "on_death": wishes.on_death,
                "legacy_contact": wishes.legacy_contact.username if wishes.legacy_contact else None,
                "contact_confirmed_at": at(wishes.contact_confirmed_at),
                "updated_at": at(wishes.updated_at),
            }
            if wishes
            else None
        ),
        # Members who chose them as their legacy contact (each asked them to accept).
        "legacy_contact_for": [
            {"account": w.account.username, "confirmed_at": at(w.contact_confirmed_at)}
            for w in AccountWishes.objects.filter(legacy_contact=user).select_related("account").order_by("id")
        ],
        "memorialisation_requests_made": [
            {
                "account": r.account.username,
                "relation": r.relation,
                "proof": r.proof,
                "state": r.state,
                "decision_reason": r.decision_reason,
                "at": at(r.created_at),
                "decided_at": at(r.decided_at),
            }
            for r in MemorialisationRequest.objects.filter(requested_by=user).select_related("account").order_by("id")
        ],
        # About their own account: what happened to it, not who asked nor the proof they gave.
        "memorialisation_requests_about_me": [
            {"state": r.state, "at": at(r.created_at), "decided_at": at(r.decided_at)}
            for r in MemorialisationRequest.objects.filter(account=user).order_by("id")
        ],
        "my_account_memorialised": (
            {"at": at(memorialised.memorialised_at), "reversed_at": at(memorialised.reversed_at)}
            if memorialised
            else None
        ),
        "memorials_about_me": [ref(m) for m in Memorial.objects.filter(subject_account=user).order_by("id")],
    }


def _imports(user) -> list[dict]:
    """The archives they uploaded for a memorial: what was read, not the posts (the person's, on the memorial)."""
    return [
        {
            "memorial": ref(job.memorial),
            "platform": job.platform,
            "file_name": job.file_name,
            "state": job.state,
            "failure": job.failure,
            "posts_read": job.posts_read,
            "posts_kept": job.posts_kept,
            "archive_username": job.archive_username,
            "archive_display_name": job.archive_display_name,
            "other_person": job.other_person,
            "at": at(job.created_at),
            "finished_at": at(job.finished_at),
        }
        for job in ArchiveImport.objects.filter(uploaded_by=user).select_related("memorial").order_by("id")
    ]


def memorials_data(user) -> dict:
    stewardships = {s.memorial_id: s for s in Steward.objects.filter(user=user, accepted=True)}
    kept = list(kept_memorials(user))
    created_elsewhere = Memorial.objects.filter(created_by=user).exclude(pk__in=stewardships).order_by("id")
    return {
        "memorials": [_page(m, stewardships[m.pk], user) for m in kept],
        # Pages they created but no longer keep: which ones (their words may have been rewritten since).
        "created_no_longer_kept": [{**ref(m), "created_at": at(m.created_at)} for m in created_elsewhere],
        "last_words_chosen_elsewhere": _last_words_chosen_elsewhere(user, stewardships),
        "stewardship": _stewardship(user),
        "tributes_written": _tributes_written(user),
        "gestures_given": _gestures(user),
        "anniversaries": _anniversaries(user),
        "digital_legacy": _digital_legacy(user),
        "archive_imports": _imports(user),
    }


def memorials_files(user) -> list:
    """Their tributes' photos and the photos of the memorials they keep."""
    photos = [t.photo for t in Tribute.objects.filter(author=user).exclude(photo="")]
    photos += [m.photo for m in kept_memorials(user).exclude(photo="")]
    return photos

"""Reads about memorials, always through what the viewer may see."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import request_memo
from reconfort.core.errors import NotFound
from reconfort.posts.models import Post, Visibility

from . import policies
from .models import (
    AccountMemorial,
    AccountWishes,
    AnniversaryOptOut,
    ArchiveImport,
    GestureKind,
    Guest,
    ImportedPost,
    Memorial,
    MemorialFollow,
    MemorialGesture,
    Steward,
    StewardLogEntry,
    Tribute,
)
from .policies import Access

# A candle burns for a day; in its last quarter it is shown fading.
CANDLE_BURN = timedelta(hours=24)
CANDLE_FADING = timedelta(hours=18)


def memorial_not_found() -> NotFound:
    return NotFound(_("This memorial does not exist or is not visible to you."))


def sort_key(name: str) -> str:
    """Accent-free, case-folded: "Émile" sorts with "emile", and searching "emile" finds him."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def access_for(viewer, memorial: Memorial) -> Access:
    """What the viewer is to this memorial, in at most three small queries."""
    if not viewer.is_authenticated:
        return Access()
    role = Steward.objects.filter(memorial=memorial, user=viewer, accepted=True).values_list("role", flat=True).first()
    return Access(
        authenticated=True,
        role=role,
        invited=Guest.objects.filter(memorial=memorial, user=viewer).exists(),
        follows=MemorialFollow.objects.filter(memorial=memorial, user=viewer).exists(),
        moderator=bool(viewer.is_moderator),
        legacy_contact=_is_legacy_contact_of_subject(viewer, memorial),
    )


def _is_legacy_contact_of_subject(viewer, memorial: Memorial) -> bool:
    if memorial.subject_account_id is None:
        return False
    return AccountWishes.objects.filter(
        account_id=memorial.subject_account_id,
        legacy_contact=viewer,
        contact_confirmed_at__isnull=False,
        account__memorial_state__reversed_at__isnull=True,
        account__memorial_state__isnull=False,
    ).exists()


def memorial_get(key: str) -> Memorial:
    try:
        return Memorial.objects.select_related("last_words", "subject_account").get(key=str(key))
    except Memorial.DoesNotExist as exc:
        raise memorial_not_found() from exc


def memorial_get_visible(viewer, key: str) -> tuple[Memorial, Access]:
    memorial = memorial_get(key)
    access = access_for(viewer, memorial)
    if not policies.can_view_memorial(access, memorial):
        raise memorial_not_found()
    return memorial, access


def last_words_of(memorial: Memorial):
    try:
        return memorial.last_words
    except Memorial.last_words.RelatedObjectDoesNotExist:
        return None


def cause_of_death_for_display(memorial: Memorial) -> str:
    """The one way a page learns the cause of death: empty unless shown, and never when it is suicide."""
    try:
        cause = memorial.cause
    except Memorial.cause.RelatedObjectDoesNotExist:
        return ""
    return cause.for_display()


# --- The Hereafter ---------------------------------------------------------------------------------


class DirectoryOrder:
    RECENT = "recent"
    AZ = "az"


def memorial_list_directory(
    *, order: str = DirectoryOrder.RECENT, year: int | None = None, language: str = "", query: str = ""
) -> QuerySet:
    """Listed memorials with their last words (one query per page): newest deaths first, or A–Z."""
    qs = Memorial.objects.listed().select_related("last_words")
    if year:
        qs = qs.filter(death_date__year=year)
    if language:
        # JSON containment is not on SQLite: languages are short lists of two-letter codes, match the quoted code.
        qs = qs.filter(languages__icontains=f'"{language}"')
    text = sort_key(query or "")
    if text:
        qs = qs.filter(sort_name__contains=text)
    if order == DirectoryOrder.AZ:
        return qs.order_by("sort_name", "id")
    return qs.order_by("-death_date", "-id")


def directory_years() -> list[int]:
    dates = Memorial.objects.listed().filter(death_date__isnull=False).dates("death_date", "year", order="DESC")
    return [d.year for d in dates]


def memorial_list_stewarded(user) -> QuerySet:
    return Memorial.objects.filter(stewards__user=user, stewards__accepted=True).order_by("-updated_at")


def steward_invitations_for(user) -> QuerySet:
    return Steward.objects.filter(user=user, accepted=False).select_related("memorial", "invited_by")


# --- Stewards, tributes, gestures ------------------------------------------------------------------


def stewards_list(memorial: Memorial) -> QuerySet:
    return Steward.objects.filter(memorial=memorial).select_related("user").order_by("created_at", "id")


def steward_log(memorial: Memorial) -> QuerySet:
    return StewardLogEntry.objects.filter(memorial=memorial)


def guests_list(memorial: Memorial) -> QuerySet:
    return Guest.objects.filter(memorial=memorial).select_related("user").order_by("created_at", "id")


def tributes_visible(viewer, memorial: Memorial, access: Access) -> QuerySet:
    """Approved tributes; tribute moderators also see those waiting; an author sees their own, whatever the state."""
    qs = Tribute.objects.filter(memorial=memorial).select_related("author")
    if policies.can_moderate_tributes(access):
        return qs.exclude(state=Tribute.State.REJECTED).order_by("-id")
    condition = Q(state=Tribute.State.APPROVED)
    if viewer.is_authenticated:
        condition |= Q(author=viewer)
    return qs.filter(condition).order_by("-id")


def tributes_pending(memorial: Memorial) -> QuerySet:
    return Tribute.objects.filter(memorial=memorial, state=Tribute.State.PENDING).select_related("author")


def tribute_get(memorial: Memorial, tribute_id) -> Tribute:
    try:
        return Tribute.objects.select_related("author").get(memorial=memorial, pk=int(tribute_id))
    except (Tribute.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(_("This tribute does not exist.")) from exc


@dataclass
class Candle:
    gesture: MemorialGesture
    fading: bool


def candles_burning(memorial: Memorial, *, now=None, limit: int = 50) -> list[Candle]:
    """Candles lit in the last day; those in their last hours are fading. Burnt-out candles are not shown."""
    now = now or timezone.now()
    rows = (
        MemorialGesture.objects.filter(memorial=memorial, kind=GestureKind.CANDLE, created_at__gt=now - CANDLE_BURN)
        .select_related("account")
        .order_by("-created_at")[:limit]
    )
    return [Candle(g, fading=now - g.created_at >= CANDLE_FADING) for g in rows]


def gestures_recent(memorial: Memorial, *, limit: int = 30) -> QuerySet:
    """Recent gestures with a message, to read (not a count to compete with)."""
    return (
        MemorialGesture.objects.filter(memorial=memorial)
        .exclude(message="")
        .select_related("account")
        .order_by("-created_at")[:limit]
    )


def gestures_given_today(viewer, memorial: Memorial, day) -> set[str]:
    if not viewer.is_authenticated:
        return set()
    return set(
        MemorialGesture.objects.filter(memorial=memorial, account=viewer, day=day).values_list("kind", flat=True)
    )


# --- Memorialised accounts -------------------------------------------------------------------------


def account_memorial_of(account) -> AccountMemorial | None:
    return AccountMemorial.objects.filter(account=account, reversed_at__isnull=True).first()


def is_memorialised(account) -> bool:
    return AccountMemorial.objects.filter(account=account, reversed_at__isnull=True).exists()


def memorialised_ids(account_ids) -> set[int]:
    """Which of these accounts are memorialised, in one query (for lists, suggestions and API entities)."""
    return set(
        AccountMemorial.objects.filter(account_id__in=list(account_ids), reversed_at__isnull=True).values_list(
            "account_id", flat=True
        )
    )


MEMORIALISED_IDS_KEY = "memorials:memorialised-account-ids"


def memorialised_ids_cached() -> frozenset[int]:
    """Every memorialised account id, from the cache (one query when it is cold). Few accounts are memorialised,
    so API entities can say `memorial: true` without a query per account (the timeline query budget holds). Read
    once per request: a page of 20 statuses renders 20 accounts, and on SQLite every cache read is a query."""
    return request_memo.memoised(MEMORIALISED_IDS_KEY, _memorialised_ids_from_cache)


def _memorialised_ids_from_cache() -> frozenset[int]:
    ids = cache.get(MEMORIALISED_IDS_KEY)
    if ids is None:
        ids = frozenset(AccountMemorial.objects.filter(reversed_at__isnull=True).values_list("account_id", flat=True))
        cache.set(MEMORIALISED_IDS_KEY, ids, 600)
    return ids


def forget_memorialised_ids() -> None:
    """Called by the services after an account is memorialised or the memorialisation is reversed."""
    cache.delete(MEMORIALISED_IDS_KEY)
    request_memo.forget(MEMORIALISED_IDS_KEY)


def memorialised_account_ids() -> QuerySet:
    """A subquery for `.exclude(id__in=…)`: keep memorialised accounts out of suggestions and matching."""
    return AccountMemorial.objects.filter(reversed_at__isnull=True).values("account_id")


def wishes_of(account) -> AccountWishes | None:
    return AccountWishes.objects.filter(account=account).select_related("legacy_contact").first()


def legacy_contact_of(account):
    """The confirmed legacy contact of an account, or None."""
    wishes = AccountWishes.objects.filter(account=account, contact_confirmed_at__isnull=False).first()
    return wishes.legacy_contact if wishes else None


def legacy_requests_for(contact) -> QuerySet:
    """Members who named this person legacy contact and wait for an answer."""
    return AccountWishes.objects.filter(legacy_contact=contact, contact_confirmed_at__isnull=True).select_related(
        "account"
    )


# --- Archive imports -------------------------------------------------------------------------------


def imports_list(memorial: Memorial) -> QuerySet:
    return ArchiveImport.objects.filter(memorial=memorial).select_related("uploaded_by")


def import_get(memorial: Memorial, import_id) -> ArchiveImport:
    try:
        return ArchiveImport.objects.select_related("memorial").get(memorial=memorial, pk=int(import_id))
    except (ArchiveImport.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(_("This import does not exist.")) from exc


def imported_post_get(memorial: Memorial, post_id) -> ImportedPost:
    try:
        return ImportedPost.objects.select_related("archive_import", "memorial").get(memorial=memorial, pk=int(post_id))
    except (ImportedPost.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(_("This post does not exist.")) from exc


def import_posts(job: ArchiveImport) -> QuerySet:
    """Everything found, newest first, excluded ones included (the review)."""
    return ImportedPost.objects.filter(archive_import=job).order_by("-posted_at", "-id")


def imported_posts_shown(memorial: Memorial) -> QuerySet:
    """What the memorial shows: posts of confirmed imports that no steward excluded, newest first."""
    return ImportedPost.objects.filter(
        memorial=memorial, archive_import__state=ArchiveImport.State.IMPORTED, excluded=False
    ).order_by("-posted_at", "-id")


def last_words_proposal(job: ArchiveImport) -> ImportedPost | None:
    """The latest original post by date (not by file order; reshares were never kept); a reply only when there
    is no original at all."""
    kept = ImportedPost.objects.filter(archive_import=job, excluded=False)
    return (
        kept.filter(is_reply=False).order_by("-posted_at", "-id").first() or kept.order_by("-posted_at", "-id").first()
    )


def legacy_of(contact):
    """The members who named `contact` as their legacy contact (confirmed or waiting for an answer)."""
    return AccountWishes.objects.select_related("account").filter(legacy_contact=contact, account__is_active=True)


def account_public_posts(account):
    """A member's own public and unlisted posts, newest first (what a legacy contact may pin)."""
    return Post.objects.filter(
        author=account, reblog_of__isnull=True, visibility__in=[Visibility.PUBLIC, Visibility.UNLISTED]
    ).order_by("-created_at", "-id")


def anniversaries_never(user) -> bool:
    """The person said "never remind me of any anniversary"."""
    return AnniversaryOptOut.objects.filter(user=user).exists()


def memorial_reminders_off(viewer, memorial: Memorial) -> bool:
    """The follower said "never remind me" for this memorial."""
    return MemorialFollow.objects.filter(memorial=memorial, user=viewer, no_reminders=True).exists()

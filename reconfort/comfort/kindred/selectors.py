"""Reads about kindred spirits, always for one viewer: their profile, suggestions, requests and kindred."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import Block, Mute, User
from reconfort.core.errors import NotFound
from reconfort.memorials.selectors import memorialised_account_ids, memorialised_ids, memorialised_ids_cached

from . import matching, policies
from .models import KindredLink, KindredProfile

# Candidates scored per suggestion list: the most recently updated profiles with the same kind of loss.
CANDIDATES = 500


def profile_of(user) -> KindredProfile | None:
    if not user.is_authenticated:
        return None
    return KindredProfile.objects.filter(user=user).first()


def _blocked_or_muted_ids(viewer) -> QuerySet:
    """Accounts with a block or a mute between them and the viewer, in either direction (a subquery)."""
    return User.objects.filter(
        Q(blocks_received__account=viewer)
        | Q(blocks_made__target=viewer)
        | Q(mutes_received__account=viewer)
        | Q(mutes_made__target=viewer)
    ).values("id")


def _kept_apart(viewer) -> set[int]:
    """The same accounts as a set (two small queries: a member has few blocks and mutes), and the memorialised."""
    either = Q(account=viewer) | Q(target=viewer)
    ids: set[int] = set()
    for model in (Block, Mute):
        for account_id, target_id in model.objects.filter(either).values_list("account_id", "target_id"):
            ids.add(target_id if account_id == viewer.pk else account_id)
    return ids | memorialised_ids_cached()


def _linked_ids(viewer) -> set[int]:
    rows = KindredLink.objects.filter(Q(requester=viewer) | Q(recipient=viewer)).values_list(
        "requester_id", "recipient_id"
    )
    return {b if a == viewer.pk else a for a, b in rows}


def ties_between(viewer, other) -> policies.Ties:
    either = Q(account=viewer, target=other) | Q(account=other, target=viewer)
    return policies.Ties(
        blocked_either_way=Block.objects.filter(either).exists(),
        muted_either_way=Mute.objects.filter(either).exists(),
        memorialised=bool(memorialised_ids([other.pk])),
        linked=KindredLink.objects.filter(pair=KindredLink.pair_of(viewer.pk, other.pk)).exists(),
    )


def min_score() -> int:
    return settings.RECONFORT_KINDRED_MIN_SCORE


def suggestions(viewer, *, limit: int = 10) -> list[matching.Suggestion]:
    """People with close facets, best first, each with the reasons in whole sentences. Empty when not opted in.

    The candidates are read as plain values (the facets only), scored here, and only the chosen few get their
    account and their explanation: a handful of queries, whatever the number of candidates."""
    mine = profile_of(viewer)
    if mine is None:
        return []
    rows = (
        KindredProfile.objects.filter(loss=mine.loss)
        .exclude(user=viewer)
        .filter(user__is_active=True, user__approved=True, user__suspended_at__isnull=True)
        .order_by("-updated_at", "-id")
        .values_list(*matching.Facets.FIELDS)[:CANDIDATES]
    )
    apart = _linked_ids(viewer) | _kept_apart(viewer)
    threshold = min_score()
    scored = []
    for rank, row in enumerate(rows):  # newest first: the rank breaks ties in favour of recent profiles
        other = matching.Facets(*row)
        if other.user_id in apart:
            continue
        points = matching.score(mine, other)
        if points and points >= threshold:
            scored.append((-points, rank, other))
    scored.sort(key=lambda item: item[:2])
    chosen = [other for _points, _rank, other in scored[:limit]]
    accounts = User.objects.in_bulk([other.user_id for other in chosen])
    return [
        matching.Suggestion(accounts[other.user_id], matching.score(mine, other), matching.explanation(mine, other))
        for other in chosen
    ]


def _visible_links(viewer, qs: QuerySet, other_field: str) -> QuerySet:
    """Leave out people the viewer has a block or a mute with, memorialised and suspended accounts."""
    return (
        qs.exclude(**{f"{other_field}_id__in": _blocked_or_muted_ids(viewer)})
        .exclude(**{f"{other_field}_id__in": memorialised_account_ids()})
        .filter(**{f"{other_field}__is_active": True})
        .select_related("requester", "recipient")
        .order_by("-created_at", "-id")
    )


def requests_received(viewer) -> QuerySet:
    return _visible_links(
        viewer, KindredLink.objects.filter(recipient=viewer, state=KindredLink.State.PENDING), "requester"
    )


def requests_sent(viewer) -> QuerySet:
    return _visible_links(
        viewer, KindredLink.objects.filter(requester=viewer, state=KindredLink.State.PENDING), "recipient"
    )


def kindred_of(viewer) -> list[User]:
    """The people who accepted, both ways."""
    links = KindredLink.objects.filter(Q(requester=viewer) | Q(recipient=viewer), state=KindredLink.State.ACCEPTED)
    hidden = set(_blocked_or_muted_ids(viewer).values_list("id", flat=True))
    result = []
    for link in links.select_related("requester", "recipient").order_by("-decided_at", "-id"):
        other = link.recipient if link.requester_id == viewer.pk else link.requester
        if other.is_active and other.pk not in hidden:
            result.append(other)
    gone = memorialised_ids([u.pk for u in result])
    return [u for u in result if u.pk not in gone]


def request_from(viewer, other) -> KindredLink:
    """The pending request `other` sent to the viewer, or NotFound."""
    link = KindredLink.objects.filter(requester=other, recipient=viewer, state=KindredLink.State.PENDING).first()
    if link is None:
        raise NotFound(_("There is no request from this person waiting for your answer."))
    return link


def explanation_with(viewer, other) -> list:
    """The reasons shown with a request: recomputed from today's facets (empty if either opted out)."""
    mine, theirs = profile_of(viewer), KindredProfile.objects.filter(user=other).first()
    if mine is None or theirs is None:
        return []
    return matching.explanation(mine, theirs)

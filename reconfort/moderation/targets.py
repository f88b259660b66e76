"""What a member may report besides an account and its posts: a memorial, a tribute, an appeal, a circle message.

Each kind says how to find the thing as the reporter sees it (through its own app's selectors and policies, so
who sees what is decided in one place), whose it is, where it lives, and how a moderator hides it and shows it
again (through its own app's services). Nothing here writes by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from reconfort.appeals import selectors as appeal_selectors
from reconfort.appeals import services as appeal_services
from reconfort.comfort.circles import selectors as circle_selectors
from reconfort.comfort.circles import services as circle_services
from reconfort.comfort.circles.models import CirclePost
from reconfort.core.errors import NotFound
from reconfort.memorials import selectors as memorial_selectors
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Steward, Tribute
from reconfort.posts.authors import post_path, shown_author

from .models import ReportTarget

# The longest reason each app keeps with a hidden thing (the moderator's full reason stays in the decision).
TRIBUTE_REASON_MAX, CIRCLE_REASON_MAX = 500, 1000


def _pk(ref) -> int:
    try:
        number = int(str(ref).strip())
    except (TypeError, ValueError):
        return 0
    return number if number > 0 else 0


# --- Finding what the reporter can see (NotFound otherwise: never say that something hidden exists) ---------------


def _find_memorial(viewer, ref):
    memorial, _access = memorial_selectors.memorial_get_visible(viewer, str(ref)[:16])
    return memorial


def _find_tribute(viewer, ref):
    pk = _pk(ref)
    key = Tribute.objects.filter(pk=pk).values_list("memorial__key", flat=True).first()
    if key is None:
        raise NotFound(_("This tribute does not exist."))
    memorial, access = memorial_selectors.memorial_get_visible(viewer, key)
    tribute = memorial_selectors.tributes_visible(viewer, memorial, access).filter(pk=pk).first()
    if tribute is None:
        raise NotFound(_("This tribute does not exist."))
    tribute.memorial = memorial
    return tribute


def _find_appeal(viewer, ref):
    return appeal_selectors.appeal_get_visible(viewer, _pk(ref))


def _find_circle_post(viewer, ref):
    pk = _pk(ref)
    post = CirclePost.objects.select_related("circle").filter(pk=pk).first()
    if post is None:
        raise NotFound(_("This message does not exist."), code="post_not_found")
    circle = post.circle
    found = circle_selectors.circle_post_get(viewer, circle, circle_selectors.membership_of(viewer, circle), pk)
    found.circle = circle
    return found


# --- Whose it is ---------------------------------------------------------------------------------------------


def _memorial_keeper(memorial):
    """The owner among its stewards (or whoever made it): never shown to the reporter, who may not know them."""
    owner = next((s.user for s in memorial_selectors.stewards_list(memorial) if s.role == Steward.Role.OWNER), None)
    return owner or memorial.created_by


def _keeps_memorial(viewer, memorial) -> bool:
    """Its stewards have other ways to act on a memorial than reporting it."""
    return memorial_selectors.access_for(viewer, memorial).steward


def _show_tribute(moderator, tribute):
    memorial_services.tribute_set_hidden(moderator, tribute, hidden=False)


@dataclass(frozen=True)
class TargetKind:
    field: str  # ReportTarget value: the report's foreign key and the API's `<field>_id`
    slug: str  # in the report page's address: /report/<slug>/<ref>/
    find: Callable  # (viewer, ref) -> the thing, or NotFound
    owner: Callable  # (thing) -> the member it belongs to (or None)
    own: Callable  # (viewer, thing) -> True when it is the viewer's own
    url: Callable  # (thing) -> its page
    title: Callable  # (thing) -> a few words naming it
    text: Callable  # (thing) -> what it says, for the moderator
    hide: Callable | None = None  # (moderator, thing, reason) through its app's service
    show: Callable | None = None  # (moderator, thing): undo `hide`
    can_hide: Callable = lambda thing: False  # noqa: E731 - the thing is in a state a moderator may hide
    is_hidden: Callable = lambda thing: False  # noqa: E731


KINDS: dict[str, TargetKind] = {
    ReportTarget.MEMORIAL: TargetKind(
        field=ReportTarget.MEMORIAL,
        slug="memorial",
        find=_find_memorial,
        owner=_memorial_keeper,
        own=_keeps_memorial,
        url=lambda m: reverse("memorials:detail", args=[m.key]),
        title=lambda m: m.full_name,
        text=lambda m: m.life_story,
        hide=lambda mod, m, reason: memorial_services.memorial_set_hidden(mod, m, hidden=True, reason=reason),
        show=lambda mod, m: memorial_services.memorial_set_hidden(mod, m, hidden=False),
        can_hide=lambda m: m.hidden_at is None,
        is_hidden=lambda m: m.hidden_at is not None,
    ),
    ReportTarget.TRIBUTE: TargetKind(
        field=ReportTarget.TRIBUTE,
        slug="tribute",
        find=_find_tribute,
        owner=lambda t: t.author,
        own=lambda viewer, t: t.author_id == viewer.pk,
        url=lambda t: reverse("memorials:detail", args=[t.memorial.key]) + f"#tribute-{t.pk}",
        title=lambda t: t.memorial.full_name,
        text=lambda t: t.text,
        hide=lambda mod, t, reason: memorial_services.tribute_set_hidden(
            mod, t, hidden=True, reason=reason[:TRIBUTE_REASON_MAX]
        ),
        show=_show_tribute,
        can_hide=lambda t: t.state == Tribute.State.APPROVED,
        is_hidden=lambda t: t.state == Tribute.State.HIDDEN,
    ),
    ReportTarget.APPEAL: TargetKind(
        field=ReportTarget.APPEAL,
        slug="appeal",
        find=_find_appeal,
        owner=lambda a: a.owner,
        own=lambda viewer, a: a.owner_id == viewer.pk,
        url=lambda a: reverse("appeals:detail", args=[a.pk]),
        title=lambda a: a.title,
        text=lambda a: a.description,
        hide=lambda mod, a, reason: appeal_services.appeal_hide(mod, a, reason=reason),
        show=lambda mod, a: appeal_services.appeal_unhide(mod, a),
        can_hide=lambda a: a.hidden_at is None,
        is_hidden=lambda a: a.hidden_at is not None,
    ),
    ReportTarget.CIRCLE_POST: TargetKind(
        field=ReportTarget.CIRCLE_POST,
        slug="circle-post",
        find=_find_circle_post,
        owner=lambda p: p.author,
        own=lambda viewer, p: p.author_id == viewer.pk,
        url=lambda p: reverse("circles:detail", args=[p.circle.slug]) + f"#m{p.pk}",
        title=lambda p: p.circle.name,
        text=lambda p: p.text,
        hide=lambda mod, p, reason: circle_services.circle_post_remove(mod, p, reason=reason[:CIRCLE_REASON_MAX]),
        show=lambda mod, p: circle_services.circle_post_restore(mod, p),
        can_hide=lambda p: p.removed_at is None,
        is_hidden=lambda p: p.removed_at is not None,
    ),
}
BY_SLUG = {kind.slug: kind for kind in KINDS.values()}


def kind_of(report) -> TargetKind | None:
    return KINDS.get(report.target_kind)


def hideable(report) -> bool:
    """The report is about a thing a moderator can hide, and it is in a state to be hidden."""
    kind, thing = kind_of(report), report.target
    return bool(kind and kind.hide and thing is not None and kind.can_hide(thing))


@dataclass(frozen=True)
class Shown:
    """A reported thing as a page shows it."""

    kind: str
    title: str
    text: str
    url: str
    hidden: bool


# A post is reported by its id too (/report/post/<id>/): stored as an account report with that post, so it is no
# kind of its own; the page names the author as the reporter sees them (a pseudonym under one, decision 0038).
POST_SLUG = "post"


def describe_post(viewer, post) -> Shown:
    return Shown("post", shown_author(viewer, post).name, post.text, post_path(post), False)


def describe(kind: TargetKind, thing) -> Shown:
    return Shown(kind.field, kind.title(thing), kind.text(thing), kind.url(thing), kind.is_hidden(thing))


def shown(report) -> Shown | None:
    """The reported thing as pages show it, or None (an account report, or the thing was deleted)."""
    kind, thing = kind_of(report), report.target
    return describe(kind, thing) if kind is not None and thing is not None else None

"""Authorization matrix rows of reports about a memorial, a tribute, an appeal or a circle message (see
tests/security/areas/__init__.py). The report page and POST /api/v1/reports find the thing through its own app's
selectors: only those who can see it may report it, never whoever wrote or keeps it.

Scene "report_about:memorial": the owner's public memorial (its steward roles too, when the row acts as one).
Scene "report_about:tribute": the owner's approved tribute on the stranger's memorial.
Scene "report_about:appeal": the owner's followers-only prayer appeal (the owner blocked `blocked`).
Scene "report_about:circle_post": the owner's message in their members-only circle (the follower is a member).
Scenes "reported:tribute" and "reported:circle_post": the follower reported those; only staff open and hide them.
Scene "report_about:post": the owner's anonymous public request for comfort, reported by the post (decision 0038).
"""

from __future__ import annotations

from reconfort.appeals import services as appeal_services
from reconfort.comfort import services as comfort_services
from reconfort.comfort.circles import selectors as circle_selectors
from reconfort.comfort.circles import services as circle_services
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import Memorial
from reconfort.moderation import services as moderation_services
from tests.appeals.conftest import details_for
from tests.security.matrix import STAFF, rows
from tests.security.stewards import seat_stewards

from .circles import scene_members_circle


def _memorial(w, keeper) -> Memorial:
    memorial = memorial_services.memorial_create(keeper, full_name="Jeanne Martin", visibility="public")
    if keeper.pk == w["owner"].pk:
        seat_stewards(w, memorial)
    memorial_services.memorial_set_state(keeper, memorial, Memorial.State.PUBLISHED)
    return memorial


def scene_memorial(w) -> dict:
    return {"key": _memorial(w, w["owner"]).key}


def scene_tribute(w) -> dict:
    memorial = _memorial(w, w["stranger"])
    tribute = memorial_services.tribute_create(w["owner"], memorial, text="Elle riait trop fort, tant mieux.")
    memorial_services.tribute_moderate(w["stranger"], tribute, state="approved")
    return {"tribute": tribute.pk}


def scene_appeal(w) -> dict:
    appeal = appeal_services.appeal_create(
        w["owner"], kind="prayer", title="Pour Léo", details=details_for("prayer"), audience="followers"
    )
    return {"appeal": appeal.pk}


def scene_circle_post(w) -> dict:
    values = scene_members_circle(w)
    circle = circle_selectors.circle_get(values["circle"])
    post = circle_services.circle_post_create(w["owner"], circle, text="Merci d'être là.")
    return {**values, "mine": post.pk}


def scene_anonymous_post(w) -> dict:
    request = comfort_services.support_request_ask(
        w["owner"], text="Je n'arrive plus à dormir.", topic="grief", language="fr", anonymous=True
    )
    return {"post": request.post_id}


def _reported(scene, kind: str, ref: str):
    def build(w) -> dict:
        values = scene(w)
        report = moderation_services.report_create_about(w["follower"], kind, values[ref], category="harassment")
        return {**values, "item": report.queue_item_id}

    return build


SCENES = {
    "report_about:memorial": scene_memorial,
    "report_about:tribute": scene_tribute,
    "report_about:appeal": scene_appeal,
    "report_about:circle_post": scene_circle_post,
    "report_about:post": scene_anonymous_post,
    "reported:tribute": _reported(scene_tribute, "tribute", "tribute"),
    "reported:circle_post": _reported(scene_circle_post, "circle_post", "mine"),
}

REPORT = {"category": "spam"}

# The report pages, and the API: a few readers allowed, the owner (or a steward), non-readers and visitors refused.
M = "report_about:memorial"
rows(
    M,
    "GET",
    "/report/memorial/{key}/",
    allow=("stranger", "blocked", "moderator"),
    refuse=("anonymous", "owner", "editor"),
)
rows(
    M,
    "POST",
    "/api/v1/reports",
    allow=("stranger",),
    refuse=("anonymous", "owner", "tribute_moderator"),
    data={"memorial_id": "{key}", **REPORT},
)
T = "report_about:tribute"
rows(T, "GET", "/report/tribute/{tribute}/", allow=("stranger", "muted", "moderator"), refuse=("anonymous", "owner"))
rows(T, "POST", "/report/tribute/{tribute}/", allow=("muted",), refuse=("anonymous", "owner"), data=REPORT)
rows(
    T,
    "POST",
    "/api/v1/reports",
    allow=("follower",),
    refuse=("anonymous", "owner"),
    data={"tribute_id": "{tribute}", **REPORT},
)
A = "report_about:appeal"
NOT_READERS = ("anonymous", "stranger", "blocked", "owner")
rows(A, "GET", "/report/appeal/{appeal}/", allow=("follower", "moderator"), refuse=NOT_READERS)
rows(A, "POST", "/api/v1/reports", allow=("follower",), refuse=NOT_READERS, data={"appeal_id": "{appeal}", **REPORT})
C = "report_about:circle_post"
rows(C, "GET", "/report/circle-post/{mine}/", allow=("follower", "moderator"), refuse=(*NOT_READERS, "muted"))
rows(C, "POST", "/api/v1/reports", allow=("follower",), refuse=NOT_READERS, data={"circle_post_id": "{mine}", **REPORT})
P = "report_about:post"  # the asker herself may not; the member she blocked does not see it
rows(P, "GET", "/report/post/{post}/", allow=("stranger", "moderator"), refuse=("anonymous", "owner", "blocked"))
rows(P, "POST", "/report/post/{post}/", allow=("follower",), refuse=("anonymous", "owner"), data=REPORT)
rows(
    P,
    "POST",
    "/api/v1/reports",
    allow=("stranger",),
    refuse=("anonymous", "owner", "blocked"),
    data={"account_id": "anon-{post}", **REPORT},
)

# Moderators open the report and hide the tribute or the message (through the memorials and circles services);
# neither the reporter nor the reported member can.
HIDE = {"action": "hide", "reason": "Hurtful."}
rows("reported:tribute", "GET", "/moderation/items/{item}/", allow=STAFF, refuse=("anonymous", "owner", "follower"))
for scene in ("reported:tribute", "reported:circle_post"):
    rows(scene, "POST", "/moderation/items/{item}/decide/", allow=STAFF, refuse=("owner", "follower"), data=HIDE)

PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()

"""Authorization matrix rows of the kind-reply guard (see tests/security/areas/__init__.py).

Scene guard:held: the owner asked for comfort (a support request); the stranger, whom the owner does not follow,
replied, so the reply is held in the owner's folder. Only the owner decides on it or chooses who may reply; only
its writer (the stranger) sees the held reply, through the pages and the API alike.
"""

from __future__ import annotations

from reconfort.comfort.guard import services
from reconfort.comfort.guard.models import HeldReply
from tests.factories import make_post
from tests.security.matrix import SIGNED_IN, others, rows


def scene_held(w) -> dict:
    request = make_post(w["owner"], "J'ai besoin de réconfort ce soir.", kind="support_request")
    reply = make_post(w["stranger"], "Je pense à toi, courage.", in_reply_to_id=request.pk)
    # The folder entry is filed after commit; the matrix runs after-commit work only once the scene is built.
    held = services.held_reply_record(reply.pk)
    assert isinstance(held, HeldReply) and reply.held
    return {"post": request.pk, "reply": reply.pk, "held": held.pk}


SCENES = {"guard:held": scene_held}
PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()

OBJ = "guard:held"
# One's own folder: any signed-in member (it lists only what waits for them), never a visitor.
rows(OBJ, "GET", "/held-replies/", allow=SIGNED_IN, refuse=("anonymous",))
rows(OBJ, "GET", "/api/v1/comfort/held_replies", allow=SIGNED_IN, refuse=("anonymous",))
# Deciding on the held reply and choosing who may reply: the guarded post's author alone (staff included: no).
for path in (
    "/held-replies/{held}/approve/",
    "/held-replies/{held}/remove/",
    "/api/v1/comfort/held_replies/{held}/approve",
    "/api/v1/comfort/held_replies/{held}/remove",
):
    rows(OBJ, "POST", path, allow=("owner",), refuse=others("owner"))
rows(OBJ, "GET", "/posts/{post}/who-may-reply/", allow=("owner",), refuse=others("owner"))
rows(OBJ, "POST", "/posts/{post}/who-may-reply/", allow=("owner",), refuse=others("owner"), data={"audience": "anyone"})
rows(OBJ, "GET", "/api/v1/comfort/reply_policy/{post}", allow=("owner",), refuse=others("owner"))
rows(
    OBJ,
    "PUT",
    "/api/v1/comfort/reply_policy/{post}",
    allow=("owner",),
    refuse=others("owner"),
    data={"audience": "anyone"},
)
# The held reply itself: its writer only — not the owner before approving, not moderators, not visitors.
rows(OBJ, "GET", "/api/v1/statuses/{reply}", allow=("stranger",), refuse=others("stranger"))
rows(OBJ, "GET", "/api/v1/statuses/{reply}/context", allow=("stranger",), refuse=others("stranger"))
rows(OBJ, "GET", "/posts/{reply}", allow=("stranger",), refuse=others("stranger"))

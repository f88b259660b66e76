"""Authorization matrix rows of kindred spirits (see tests/security/areas/__init__.py).

Scenes:
- kindred:suggestible: every role opted in with the same facets, so each is among the others' suggestions unless a
  rule forbids it (the owner blocked `blocked` and muted `muted`: neither may ask the owner).
- kindred:request: the owner and the stranger opted in; the stranger asked the owner. Only the owner answers.
"""

from __future__ import annotations

from reconfort.comfort.kindred import services
from tests.security.matrix import SIGNED_IN, STAFF, others, rows

FACETS = {"loss": "parent", "since": "this_year", "languages": ["fr", "en"]}


def scene_suggestible(w) -> dict:
    for role in ("owner", "stranger", "follower", "blocked", "muted", "moderator", "admin"):
        services.profile_save(w[role], **FACETS)
    return {}


def scene_request(w) -> dict:
    services.profile_save(w["owner"], **FACETS)
    services.profile_save(w["stranger"], **FACETS)
    services.kindred_request(w["stranger"], w["owner"])
    return {}


SCENES = {"kindred:suggestible": scene_suggestible, "kindred:request": scene_request}
PAGE_ALLOW_LIST: set = set()
API_ALLOW_LIST: set = set()

# One's own page and facets: any signed-in member, never a visitor.
rows("kindred:request", "GET", "/kindred/", allow=SIGNED_IN, refuse=("anonymous",))
rows("kindred:request", "POST", "/kindred/opt-out/", allow=SIGNED_IN, refuse=("anonymous",))
rows("kindred:request", "GET", "/api/v1/comfort/kindred/profile", allow=("owner", "stranger"), refuse=("anonymous",))
rows("kindred:request", "PUT", "/api/v1/comfort/kindred/profile", allow=SIGNED_IN, refuse=("anonymous",), data=FACETS)
rows("kindred:request", "DELETE", "/api/v1/comfort/kindred/profile", allow=SIGNED_IN, refuse=("anonymous",))
rows("kindred:request", "GET", "/api/v1/comfort/kindred/suggestions", allow=SIGNED_IN, refuse=("anonymous",))
rows("kindred:request", "GET", "/api/v1/comfort/kindred/requests", allow=SIGNED_IN, refuse=("anonymous",))

# Asking the owner: never oneself, never across a block or a mute.
ASKERS = ("stranger", "follower", *STAFF)
for path in ("/kindred/{owner_id}/request/", "/api/v1/comfort/kindred/{owner_id}/request"):
    rows("kindred:suggestible", "POST", path, allow=ASKERS, refuse=others(*ASKERS))
# "Not for me" is harmless for anyone but oneself.
for path in ("/kindred/{owner_id}/dismiss/", "/api/v1/comfort/kindred/{owner_id}/dismiss"):
    rows("kindred:suggestible", "POST", path, allow=others("anonymous", "owner"), refuse=("anonymous", "owner"))

# Answering the stranger's request: the owner alone.
for path in (
    "/kindred/{stranger_id}/accept/",
    "/kindred/{stranger_id}/decline/",
    "/api/v1/comfort/kindred/{stranger_id}/accept",
    "/api/v1/comfort/kindred/{stranger_id}/decline",
):
    rows("kindred:request", "POST", path, allow=("owner",), refuse=others("owner"))

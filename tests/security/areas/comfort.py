"""Authorization matrix rows of the comfort queue (see tests/security/areas/__init__.py).

Scene "comfort:request": the owner asked for comfort publicly. Every other role is an opted-in comforter, old
enough to comfort; the owner follows the follower, who replied kindly (shown at once, so the owner may thank them).
The owner blocked "blocked" (who cannot see or claim the request) and muted "muted" (who may read it but not claim
it: the owner would never see their words).
Scene "comfort:private": the same request for the owner's followers only: only the follower (and the owner) see it.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reconfort.accounts import services as account_services
from reconfort.accounts.models import User
from reconfort.comfort import services
from tests.factories import make_post
from tests.security.matrix import STAFF, others, rows

COMFORTERS = ("stranger", "follower", "blocked", "muted", "moderator", "admin")


def _request(w, audience: str):
    users = [w[role] for role in (*COMFORTERS, "owner")]
    User.objects.filter(pk__in=[u.pk for u in users]).update(date_joined=timezone.now() - timedelta(days=60))
    for role in COMFORTERS:
        w[role].refresh_from_db()
        services.comforter_save(w[role], languages=["fr", "en"], guide_read=True)
    request = services.support_request_ask(
        w["owner"], text="Mon père est mort dimanche. Je n'arrive pas à dormir.", topic="grief", audience=audience
    )
    account_services.follow_create(w["owner"], w["follower"])
    make_post(w["follower"], "Je suis là, je vous lis.", in_reply_to_id=request.post_id)
    return {"req": request.pk}


NOT_ASKER = others("owner")
SCENES = {
    "comfort:request": lambda w: _request(w, "public"),
    "comfort:private": lambda w: _request(w, "private"),
}

THANKS = {"recipient": "{follower_id}", "text": "Merci pour vos mots."}
REPLY = {"text": "Courage."}
API_THANKS = {"account_id": "{follower_id}", "text": "Merci pour vos mots."}

for obj, readers, claimers in (
    ("comfort:request", others("anonymous", "blocked"), ("stranger", "follower", "moderator", "admin")),
    ("comfort:private", ("owner", "follower"), ("follower",)),
):
    # The follower already replied: they may still open (claim) it to write more. The owner is no comforter.
    claim_refused = others(*claimers)
    rows(obj, "GET", "/comfort/requests/{req}/", allow=readers, refuse=others(*readers))
    rows(obj, "POST", "/comfort/requests/{req}/claim/", allow=claimers, refuse=claim_refused)
    rows(obj, "POST", "/comfort/requests/{req}/release/", allow=readers, refuse=others(*readers))
    rows(obj, "POST", "/comfort/requests/{req}/reply/", allow=readers, refuse=others(*readers), data=REPLY)
    rows(obj, "POST", "/comfort/requests/{req}/comforted/", allow=("owner",), refuse=others("owner"))
    rows(obj, "POST", "/comfort/requests/{req}/thanks/", allow=("owner",), refuse=NOT_ASKER, data=THANKS)
    rows(obj, "GET", "/api/v1/comfort/requests/{req}", allow=readers, refuse=others(*readers))
    rows(obj, "POST", "/api/v1/comfort/requests/{req}/claim", allow=claimers, refuse=claim_refused)
    rows(obj, "POST", "/api/v1/comfort/requests/{req}/release", allow=readers, refuse=others(*readers))
    rows(obj, "POST", "/api/v1/comfort/requests/{req}/comforted", allow=("owner",), refuse=others("owner"))
    rows(obj, "POST", "/api/v1/comfort/requests/{req}/thanks", allow=("owner",), refuse=NOT_ASKER, data=API_THANKS)

# Figures: moderators only (pages behind the second factor).
rows("comfort:request", "GET", "/comfort/stats/", allow=STAFF, refuse=others(*STAFF))
rows("comfort:request", "GET", "/api/v1/comfort/stats", allow=STAFF, refuse=others(*STAFF))

# Pages and operations that act only on the signed-in member's own things (sign-in required, checked in
# tests/comfort/queue/test_views.py and tests/api/test_comfort.py), or list what the member may see.
PAGE_ALLOW_LIST = {
    "comfort/",  # one's own requests
    "comfort/ask/",  # the form to ask; writes one's own post
    "comfort/comforter/",  # one's own comforter profile
    "comfort/queue/",  # filtered for the viewer by comfort.selectors.queue_for
    "comfort/thanks/",  # thanks one received, only one's own
}
API_ALLOW_LIST = {
    ("get", "/api/v1/comfort/queue"),  # filtered for the viewer
    ("post", "/api/v1/comfort/requests"),  # asks as oneself
    ("get", "/api/v1/comfort/comforter"),  # one's own profile
    ("put", "/api/v1/comfort/comforter"),
    ("get", "/api/v1/comfort/thanks"),  # only one's own thanks
}

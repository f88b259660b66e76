"""Authorization matrix rows of circles (see tests/security/areas/__init__.py).

Scene "circle:members": the owner started a members-only circle that people join on request. The follower asked
and was let in (a member) and wrote a message; the muted member asked and waits; the blocked member was banned;
the stranger has no tie; the site's moderator and admin belong to no circle but may moderate every circle.
Scene "circle:public": an open circle whose posts everyone reads; the follower is a member.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reconfort.comfort.circles import services
from tests.security.matrix import EVERYONE, SIGNED_IN, STAFF, others, rows


def _circle(w, **kwargs):
    owner = w["owner"]
    owner.date_joined = timezone.now() - timedelta(days=60)  # old enough to start a circle
    owner.save(update_fields=["date_joined"])
    return services.circle_create(owner, name="Deuil périnatal", rules="Douceur.", **kwargs)


def scene_members_circle(w) -> dict:
    circle = _circle(w, join_policy="request", posts_visibility="members")
    services.circle_join(w["follower"], circle)
    services.circle_request_decide(w["owner"], circle, w["follower"].pk, accept=True)
    services.circle_join(w["muted"], circle)
    services.circle_ban(w["owner"], circle, w["blocked"], reason="Messages blessants")
    post = services.circle_post_create(w["follower"], circle, text="Notre fille est née sans vie en mars.")
    return {"circle": circle.slug, "cpost": post.pk}


def scene_public_circle(w) -> dict:
    circle = _circle(w, join_policy="open", posts_visibility="public")
    services.circle_join(w["follower"], circle)
    post = services.circle_post_create(w["follower"], circle, text="Avez-vous vu Moka, chat tigré ?")
    return {"circle": circle.slug, "cpost": post.pk}


SCENES = {"circle:members": scene_members_circle, "circle:public": scene_public_circle}

MEMBERS = ("owner", "follower")  # who belongs to the members-only circle
READERS = (*MEMBERS, *STAFF)  # who reads its messages and its member list
MODERATORS = ("owner", *STAFF)  # its moderator, and the site's

# Pages ---------------------------------------------------------------------------------------------------
C = "circle:members"
rows(C, "GET", "/circles/{circle}/", allow=EVERYONE)  # name, description, rules: the messages are checked below
rows(C, "GET", "/circles/{circle}/members/", allow=READERS, refuse=others(*READERS))
rows(C, "GET", "/circles/{circle}/moderation/", allow=MODERATORS, refuse=others(*MODERATORS))
rows(C, "POST", "/circles/{circle}/posts/", allow=MEMBERS, refuse=others(*MEMBERS), data={"text": "Je pense à vous."})
rows(
    C,
    "POST",
    "/circles/{circle}/posts/{cpost}/remove/",
    allow=MODERATORS,
    refuse=others(*MODERATORS),
    data={"reason": "Hors sujet"},
)
# Joining: anyone signed in may join or ask, but not someone banned (the blocked member here).
rows(C, "POST", "/circles/{circle}/join/", allow=others("anonymous", "blocked"), refuse=("anonymous", "blocked"))
rows(C, "POST", "/circles/{circle}/leave/", allow=(*MEMBERS, "muted"), refuse=others(*MEMBERS, "muted"))
rows(C, "POST", "/circles/{circle}/requests/{muted_id}/accept/", allow=MODERATORS, refuse=others(*MODERATORS))
rows(
    C,
    "POST",
    "/circles/{circle}/bans/",
    allow=MODERATORS,
    refuse=others(*MODERATORS),
    data={"username": "{stranger}", "reason": "Harcèlement"},
)
rows(C, "POST", "/circles/{circle}/bans/{blocked_id}/lift/", allow=MODERATORS, refuse=others(*MODERATORS))
rows(
    C,
    "POST",
    "/circles/{circle}/moderators/",
    allow=MODERATORS,
    refuse=others(*MODERATORS),
    data={"username": "{follower}"},
)
rows(C, "GET", "/circles/new/", allow=SIGNED_IN, refuse=("anonymous",))
rows(C, "GET", "/circles/{circle}/edit/", allow=MODERATORS, refuse=others(*MODERATORS))

# API -----------------------------------------------------------------------------------------------------
API = "/api/v1/comfort/circles/{circle}"
rows(C, "GET", API, allow=EVERYONE)
rows(C, "GET", API + "/posts", allow=READERS, refuse=others(*READERS))
rows(C, "GET", API + "/members", allow=READERS, refuse=others(*READERS))
rows(C, "POST", API + "/posts", allow=MEMBERS, refuse=others(*MEMBERS), data={"text": "Je pense à vous."})
rows(C, "DELETE", API + "/posts/{cpost}", allow=MODERATORS, refuse=others(*MODERATORS))
rows(
    C,
    "POST",
    API + "/bans",
    allow=MODERATORS,
    refuse=others(*MODERATORS),
    data={"account_id": "{stranger_id}", "reason": "Harcèlement"},
)
rows(C, "PATCH", API, allow=MODERATORS, refuse=others(*MODERATORS), data={"rules": "Douceur, toujours."})
rows(C, "GET", API + "/requests", allow=MODERATORS, refuse=others(*MODERATORS))
for decision in ("accept", "decline"):
    rows(C, "POST", API + "/requests/{muted_id}/" + decision, allow=MODERATORS, refuse=others(*MODERATORS))
rows(C, "POST", API + "/join", allow=others("anonymous", "blocked"), refuse=("anonymous", "blocked"))
rows(C, "POST", API + "/leave", allow=(*MEMBERS, "muted"), refuse=others(*MEMBERS, "muted"))

# A public circle: its messages are read by everyone but the members' blocked (who does not see the follower's
# message, but may still open the feed); written by members only.
P = "circle:public"
rows(P, "GET", "/api/v1/comfort/circles/{circle}/posts", allow=EVERYONE)
rows(
    P,
    "POST",
    "/api/v1/comfort/circles/{circle}/posts",
    allow=("owner", "follower"),
    refuse=others("owner", "follower"),
    data={"text": "Je regarde dans ma rue."},
)

# The directory: readable by anyone, each circle's own rules apply inside it.
PAGE_ALLOW_LIST: set = {"circles/"}
API_ALLOW_LIST: set = {
    ("get", "/api/v1/comfort/circles"),
    ("post", "/api/v1/comfort/circles"),  # starting one's own circle (eligibility: tests/api/test_circles.py)
}

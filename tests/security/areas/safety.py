"""Authorization matrix rows of the safety net (comfort.safety; see tests/security/areas/__init__.py)."""

from __future__ import annotations

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.comfort.safety.models import RiskSignal
from tests.factories import make_post
from tests.security.matrix import SIGNED_IN, others, rows


def _age_everyone(w) -> None:
    """« Je m'inquiète » is refused to accounts younger than a week: the roles here joined a month ago."""
    ids = [w[role].pk for role in ("stranger", "follower", "blocked", "muted", "owner", "moderator", "admin")]
    User.objects.filter(pk__in=ids).update(date_joined=timezone.now() - timedelta(days=30))


def scene_worried(w) -> dict:
    _age_everyone(w)
    return {"post": make_post(w["owner"], "Je suis si fatiguée ces temps-ci.").pk}


def scene_worried_newcomers(w) -> dict:
    return {"post": make_post(w["owner"], "Je suis si fatiguée ces temps-ci.").pk}


def scene_signal(w) -> dict:
    with TestCase.captureOnCommitCallbacks(execute=True):  # the post is assessed after commit
        post = make_post(w["owner"], "Je veux en finir.")
    return {"signal": RiskSignal.objects.get(post=post).pk}


SCENES = {
    "safety:worried": scene_worried,
    "safety:worried_newcomers": scene_worried_newcomers,
    "safety:signal": scene_signal,
    "safety:settings": lambda w: {},
}

# Who may say « je m'inquiète » about the owner's public post: members who can see it, not the owner (it is
# their own post), not the member they blocked (who cannot see it), never a visitor.
WORRIERS = ("stranger", "follower", "muted", "moderator", "admin")
rows("safety:worried", "GET", "/posts/{post}/worried/", allow=WORRIERS, refuse=others(*WORRIERS))
rows("safety:worried", "POST", "/posts/{post}/worried/", allow=WORRIERS, refuse=others(*WORRIERS))
rows(
    "safety:worried",
    "POST",
    "/api/v1/comfort/worried",
    allow=WORRIERS,
    refuse=others(*WORRIERS),
    data={"status_id": "{post}"},
)
# Accounts younger than RECONFORT_SAFETY_WORRIED_MIN_ACCOUNT_DAYS are refused (Reddit Cares was weaponised).
rows("safety:worried_newcomers", "POST", "/posts/{post}/worried/", refuse=("stranger", "follower"))
rows(
    "safety:worried_newcomers",
    "POST",
    "/api/v1/comfort/worried",
    refuse=("stranger", "follower"),
    data={"status_id": "{post}"},
)
# Only the author closes their own helplines panel.
rows("safety:signal", "POST", "/safety/panel/{signal}/dismiss/", allow=("owner",), refuse=others("owner"))
rows("safety:signal", "POST", "/api/v1/comfort/safety_panel/{signal}/dismiss", allow=("owner",), refuse=others("owner"))
# One's own country for the helplines: any member, not visitors.
rows("safety:settings", "GET", "/settings/safety/", allow=SIGNED_IN, refuse=("anonymous",))
# One's own panel (null for most): any member, for themself only.
rows("safety:settings", "GET", "/api/v1/comfort/safety_panel", allow=SIGNED_IN, refuse=("anonymous",))

PAGE_ALLOW_LIST: set = {
    "helplines/",  # public list of helplines, the same for everyone
}
API_ALLOW_LIST: set = {
    ("get", "/api/v1/comfort/helplines"),  # public data (helplines by country), no token needed
}

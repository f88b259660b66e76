"""The people and things the API fuzzing (test_fuzzing.py) runs against, and the object-level authorization probes.

Two members matter: A (the authorization matrix's `stranger`), whose token sends every generated request, and B
(the matrix's `owner`), who owns private things built by the matrix's own scenes: a followers-only post and a direct
message, their gestures, a notification, a draft and an invite-only memorial, an archive import, tributes waiting
for review, appeals pending review or for followers only, their sightings and offers, comfort requests, a held reply
and its reply policy, a safety-net signal, a members-only circle, a kindred-spirit request, a featured tag.

A probe is one request the matrix refuses to the stranger with an id of B's in the path (`rows(..., refuse=...)`);
the fuzzing replays each generated case of that operation with B's ids as the path parameters and fails if A gets
through. Rows whose refusal depends on the body they send (the same path is allowed to the stranger with other data)
are left out: a generated body may legitimately be the allowed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.test import TestCase

from reconfort.accounts.models import User
from tests.api.conftest import make_token
from tests.security.matrix import ALLOWED, REFUSED, ROWS, Row
from tests.security.test_authorization_matrix import ROLES_WITH_USERS, SCENES, World, _fill

# One scene per kind of private thing of B's; they coexist in one world (no two build the same name). The held
# reply comes before the comfort requests: those make the stranger a seasoned comforter, whose replies are not held.
OWNER_SCENES = (
    "guard:held",
    "post:private",
    "post:direct",
    "reshare",
    "gesture",
    "notification",
    "memorial:public",
    "memorial:draft",
    "memorial:invite_only",
    "memorial:invited",
    "memorial:import",
    "tribute:pending",
    "tribute:approved",
    "appeal:missing_person:pending_review",
    "appeal:missing_pet:open",
    "appeal:prayer:followers",
    "sighting",
    "offer",
    "comfort:private",
    "comfort:request",
    "safety:signal",
    "circle:members",
    "kindred:request",
    "featured_tag",
    "crisis:proposed",
)


@dataclass(frozen=True)
class Probe:
    """A's request on B's object that must not get through: operation (method, documented path) and path values."""

    object: str
    method: str
    template: str
    path_parameters: dict = field(hash=False)
    owner_allowed: bool = False  # the matrix lets B do it: the ids name something real

    @property
    def path(self) -> str:
        return re.sub(r"\{([^}]+)\}", lambda m: quote(str(self.path_parameters[m.group(1)]), safe=""), self.template)

    @property
    def label(self) -> str:
        return f"{self.method} {self.template}"


@dataclass
class FuzzWorld:
    member_a: User
    member_b: User
    token_a: str
    token_b: str
    probes: list[Probe]

    def probes_for(self, method: str, template: str) -> list[Probe]:
        return [p for p in self.probes if p.method == method and p.template == template]


def fill_path(template: str, value: str = "1") -> str:
    """A documented path with every variable set to a made-up id."""
    return re.sub(r"\{[^}]+\}", value, template)


def _template_patterns(paths) -> list[tuple[re.Pattern, str]]:
    """A regex with one named group per path variable, for each documented path, the most literal first."""
    patterns = []
    for template in paths:
        regex = re.sub(r"\\\{([^}]+)\\\}", lambda m: f"(?P<{m.group(1)}>[^/]+)", re.escape(template))
        patterns.append((re.compile(regex), template))
    return sorted(patterns, key=lambda p: p[1].count("{"))


def _match(path: str, patterns) -> tuple[str, dict] | None:
    for regex, template in patterns:
        found = regex.fullmatch(path)
        if found:
            return template, found.groupdict()
    return None


def _allowed_to(role: str, row: Row) -> bool:
    return any(
        other.object == row.object and other.method == row.method and other.path == row.path
        for other in ROWS
        if other.role == role and other.expect == ALLOWED
    )


def _body_dependent(row: Row) -> bool:
    """The same action is allowed to the stranger with other data: the refusal is about the body, not the object."""
    return _allowed_to("stranger", row)


def build(app, documented_paths) -> FuzzWorld:
    """Build the world through the services (B's things, committed for the live server) and A's probes."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        world = World(app)
    patterns = _template_patterns(documented_paths)
    probes = []
    for name in OWNER_SCENES:
        with TestCase.captureOnCommitCallbacks(execute=True):
            values = SCENES[name](world)
        values.update({role: world[role].username for role in ROLES_WITH_USERS})
        values.update({f"{role}_id": str(world[role].pk) for role in ROLES_WITH_USERS})
        for row in ROWS:
            if row.object != name or row.role != "stranger" or row.expect != REFUSED or not row.is_api:
                continue
            if "{" not in row.path or _body_dependent(row):
                continue
            matched = _match(_fill(row.path, values), patterns)
            assert matched, f"{row.path} is not a documented operation"
            template, parameters = matched
            if parameters:
                probes.append(Probe(name, row.method, template, parameters, _allowed_to("owner", row)))
    member_a, member_b = world["stranger"], world["owner"]
    return FuzzWorld(member_a, member_b, make_token(app, member_a), make_token(app, member_b), probes)

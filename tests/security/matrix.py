"""The authorization matrix as data: object type × role × action → allowed or refused.

A row says: build this scene (an object made through the services), act as this role with this HTTP request, and
expect the request to be let through (2xx/3xx) or refused (401/403/404, or a page's redirect to sign-in).
test_authorization_matrix.py turns each row into one test and checks that every route of the site has rows.

Roles are relative to the scene's object: `owner` wrote it / owns it, `follower` follows the owner, the owner has
blocked `blocked` and muted `muted`, `stranger` has no tie. `noscope` is the owner's API token with only the `push`
scope (rows for API paths only, added to every API action automatically).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ALLOWED, REFUSED = "allowed", "refused"
MEMBERS = ("stranger", "follower", "blocked", "muted")
STAFF = ("moderator", "admin")
EVERYONE = ("anonymous", *MEMBERS, "owner", *STAFF)
SIGNED_IN = (*MEMBERS, "owner", *STAFF)


@dataclass(frozen=True)
class Row:
    object: str  # the object type, and the scene that builds it (see test_authorization_matrix.SCENES)
    role: str
    method: str
    path: str  # formatted with the scene's values: "/api/v1/statuses/{post}"
    expect: str
    data: dict = field(default_factory=dict, hash=False)

    @property
    def is_api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def id(self) -> str:
        return f"{self.object}-{self.method}-{self.path}-{self.role}"


ROWS: list[Row] = []


def rows(obj: str, method: str, path: str, *, allow=(), refuse=(), data=None) -> None:
    """Add one action on one object for several roles at once."""
    assert not set(allow) & set(refuse), (obj, path)
    for role in allow:
        ROWS.append(Row(obj, role, method, path, ALLOWED, data or {}))
    for role in refuse:
        ROWS.append(Row(obj, role, method, path, REFUSED, data or {}))
    if path.startswith("/api/") and "noscope" not in (*allow, *refuse):
        ROWS.append(Row(obj, "noscope", method, path, REFUSED, data or {}))


def others(*roles) -> tuple:
    """Every role but these."""
    return tuple(r for r in EVERYONE if r not in roles)


def gesturers(readers) -> tuple:
    return tuple(r for r in readers if r != "anonymous")


# Owner-only actions are refused to this smaller set (the other roles add nothing the reads do not check).
NOT_OWNER = ("anonymous", "stranger", "follower", "moderator")


# --- Posts by visibility ---------------------------------------------------------------------------
# Public and unlisted posts are readable by all but the members the author blocked; followers-only by the
# followers; direct by the author (and those mentioned: nobody here). Only the author edits or deletes.

for vis, readers in (
    ("public", others("blocked")),
    ("unlisted", others("blocked")),
    ("private", ("follower", "owner")),
    ("direct", ("owner",)),
):
    obj = f"post:{vis}"
    rows(obj, "GET", "/api/v1/statuses/{post}", allow=readers, refuse=others(*readers))
    rows(obj, "POST", "/api/v1/statuses/{post}/favourite", allow=gesturers(readers), refuse=others(*gesturers(readers)))
    if vis != "private":
        continue  # the other actions are checked on the followers-only post, where most can go wrong
    rows(obj, "GET", "/api/v1/statuses/{post}/context", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/@{owner}/{post}", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/posts/{post}", allow=readers, refuse=others(*readers))
    # As in Mastodon, the source is shown to whoever may read the post (signed in).
    rows(obj, "GET", "/api/v1/statuses/{post}/source", allow=gesturers(readers), refuse=others(*gesturers(readers)))
    rows(obj, "GET", "/api/v1/statuses/{post}/history", allow=readers, refuse=others(*readers))
    rows(obj, "PUT", "/api/v1/statuses/{post}", allow=("owner",), refuse=others("owner"), data={"status": "Edited"})
    rows(obj, "DELETE", "/api/v1/statuses/{post}", allow=("owner",), refuse=others("owner"))
    rows(obj, "GET", "/posts/{post}/edit/", allow=("owner",), refuse=others("owner"))
    rows(obj, "POST", "/posts/{post}/delete/", allow=("owner",), refuse=others("owner"))
    rows(obj, "POST", "/posts/{post}/gestures/hug/", allow=gesturers(readers), refuse=others(*gesturers(readers)))
    rows(
        obj,
        "PUT",
        "/api/v1/pleroma/statuses/{post}/reactions/\N{PEOPLE HUGGING}",
        allow=gesturers(readers),
        refuse=others(*gesturers(readers)),
    )

# Only public and unlisted posts can be reshared, by anyone who can read them.
for vis in ("public", "private"):
    sharers = tuple(r for r in others("blocked", "anonymous")) if vis == "public" else ()
    rows(f"post:{vis}", "POST", "/api/v1/statuses/{post}/reblog", allow=sharers, refuse=others(*sharers))
    rows(f"post:{vis}", "POST", "/posts/{post}/reshare/", allow=sharers, refuse=others(*sharers))

# --- Reshare: the owner reshared a stranger's public post ------------------------------------------
rows("reshare", "GET", "/api/v1/statuses/{reshare}", allow=others("blocked"), refuse=("blocked",))
# Only the author deletes; moderators hide through an audited decision instead (posts.policies.can_delete_post).
rows("reshare", "DELETE", "/api/v1/statuses/{reshare}", allow=("owner",), refuse=others("owner"))
rows("reshare", "POST", "/api/v1/statuses/{original}/unreblog", allow=("owner",), refuse=("anonymous",))
rows("reshare", "POST", "/posts/{original}/unreshare/", allow=("owner",), refuse=("anonymous",))
rows("reshare", "GET", "/api/v1/statuses/{original}/reblogged_by", allow=others(), refuse=())

# --- Gestures: the follower gave a hug (and a favourite) on the owner's followers-only post -------------
# Who gave what is as private as the post itself.
for path in (
    "/api/v1/statuses/{post}/favourited_by",
    "/api/v1/pleroma/statuses/{post}/reactions",
    "/api/v1/pleroma/statuses/{post}/reactions/\N{PEOPLE HUGGING}",
):
    rows("gesture", "GET", path, allow=("follower", "owner"), refuse=others("follower", "owner"))
for path in ("/api/v1/statuses/{post}/unfavourite", "/api/v1/pleroma/statuses/{post}/reactions/\N{PEOPLE HUGGING}"):
    method = "POST" if path.endswith("unfavourite") else "DELETE"
    rows("gesture", method, path, allow=("follower", "owner"), refuse=others("follower", "owner"))

# --- Notification: the owner was favourited by the follower --------------------------------------------
rows("notification", "GET", "/api/v1/notifications/{notification}", allow=("owner",), refuse=others("owner"))
rows("notification", "POST", "/api/v1/notifications/{notification}/dismiss", allow=("owner",), refuse=others("owner"))

# --- Account settings: one's own, for any signed-in member --------------------------------------------
for path in ("/settings/", "/settings/password/", "/settings/security/", "/settings/privacy/", "/settings/decisions/"):
    rows("settings", "GET", path, allow=SIGNED_IN, refuse=("anonymous",))
rows("settings", "GET", "/api/v1/accounts/verify_credentials", allow=SIGNED_IN, refuse=("anonymous",))
rows(
    "settings",
    "PATCH",
    "/api/v1/accounts/update_credentials",
    allow=("owner",),
    refuse=("anonymous",),
    data={"note": "Hello"},
)
rows("settings", "POST", "/settings/security/sessions/end-others/", allow=("owner",), refuse=("anonymous",))

# --- Report: the owner reported the stranger; the stranger never sees it -------------------------------
rows("report", "GET", "/reports/{report}/", allow=("owner",), refuse=others("owner"))
rows("report", "GET", "/moderation/items/{item}/", allow=STAFF, refuse=others(*STAFF))
rows("report", "POST", "/moderation/items/{item}/assign/", allow=STAFF, refuse=others(*STAFF))
rows("report", "POST", "/moderation/items/{item}/dismiss/", allow=STAFF, refuse=others(*STAFF))
rows(
    "report",
    "POST",
    "/moderation/items/{item}/decide/",
    allow=STAFF,
    refuse=others(*STAFF),
    data={"action": "warn", "reason": "Please be kind."},
)
rows(
    "report",
    "GET",
    "/report/{stranger}/",
    allow=("owner", *STAFF, "follower", "muted", "blocked"),
    refuse=("anonymous",),
)
rows(
    "report",
    "POST",
    "/api/v1/reports",
    allow=("owner",),
    refuse=("anonymous",),
    data={"account_id": "{stranger_id}", "category": "spam"},
)

# --- Moderation queue and audit log -------------------------------------------------------------------
rows("queue", "GET", "/moderation/", allow=STAFF, refuse=others(*STAFF))
rows("queue", "GET", "/moderation/registrations/", allow=STAFF, refuse=others(*STAFF))
rows("audit", "GET", "/moderation/audit/", allow=("admin",), refuse=others("admin"))
rows("audit", "GET", "/moderation/roles/", allow=("admin",), refuse=others("admin"))

# --- Decision: the moderator warned the owner; the owner may appeal, another moderator decides ----------
rows(
    "decision",
    "POST",
    "/settings/decisions/{decision}/appeal/",
    allow=("owner",),
    refuse=others("owner"),
    data={"d{decision}-text": "I was quoting someone."},
)
rows(
    "decision_appeal",
    "POST",
    "/moderation/items/{item}/appeal/",
    allow=("admin",),  # the admin did not take the decision; the moderator who did may not judge it
    refuse=others("admin"),
    data={"outcome": "uphold", "note": "Right call."},
)

rows(
    "review",
    "POST",
    "/moderation/items/{item}/review/",
    allow=STAFF,
    refuse=others(*STAFF),
    data={"outcome": "approve", "reason": "Checked with the police."},
)

# --- A pending registration waits for a moderator ------------------------------------------------------
rows("registration", "POST", "/moderation/registrations/{pending}/approve/", allow=STAFF, refuse=others(*STAFF))
rows(
    "registration",
    "POST",
    "/moderation/registrations/{pending}/reject/",
    allow=STAFF,
    refuse=others(*STAFF),
    data={"r{pending}-reason": "Spam."},
)

# --- OAuth token: the owner authorised an app ---------------------------------------------------------
rows("token", "POST", "/settings/security/apps/{application}/revoke/", allow=("owner",), refuse=others("owner"))
# As in Mastodon, any valid token may check its app, whatever its scopes.
rows("token", "GET", "/api/v1/apps/verify_credentials", allow=("owner", "noscope"), refuse=("anonymous",))

# --- Export: the owner's archive -----------------------------------------------------------------------
rows("export", "GET", "/settings/privacy/exports/{export}/", allow=("owner",), refuse=others("owner"))
rows("export", "GET", "/settings/privacy/exports/{export}/download/", allow=("owner",), refuse=others("owner"))

# --- Memorials by visibility (reconfort/memorials) -----------------------------------------------------
# Stewards (the owner) and moderators see every memorial; members-only needs signing in; invite-only needs an
# invitation (the follower is the invited guest); a draft is for its stewards and moderators.
# On the public memorial the steward roles act too (tests/security/stewards.py): the owner and the `editor` edit;
# they and the `tribute_moderator` moderate tributes and read the stewards' pages; only the owner manages stewards.
STEWARD_VIEW = ("owner", *STAFF)
EDITORS = ("owner", "editor")
STEWARDS = (*EDITORS, "tribute_moderator")
NOT_EDITOR = (*NOT_OWNER, "tribute_moderator")
NOT_STEWARD_OWNER = (*NOT_OWNER, "editor", "tribute_moderator")  # owner-only actions
for vis, readers in (
    ("public", EVERYONE),
    ("unlisted", EVERYONE),
    ("members", SIGNED_IN),
    ("invite_only", (*STEWARD_VIEW, "follower")),
    ("draft", STEWARD_VIEW),
):
    obj = f"memorial:{vis}"
    signed_readers = tuple(r for r in readers if r != "anonymous")
    rows(obj, "GET", "/api/v1/memorials/{key}", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/memorials/{key}/", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/api/v1/memorials/{key}/tributes", allow=readers, refuse=others(*readers))
    if vis != "public":
        continue
    rows(obj, "GET", "/api/v1/memorials/{key}/posts", allow=readers, refuse=others(*readers))
    rows(obj, "PATCH", "/api/v1/memorials/{key}", allow=EDITORS, refuse=NOT_EDITOR, data={"place": "Lyon"})
    rows(obj, "GET", "/memorials/{key}/edit/", allow=EDITORS, refuse=NOT_EDITOR)
    rows(obj, "GET", "/api/v1/memorials/{key}/log", allow=STEWARDS, refuse=NOT_OWNER)
    rows(obj, "GET", "/api/v1/memorials/{key}/stewards", allow=STEWARDS, refuse=NOT_OWNER)
    rows(obj, "GET", "/api/v1/memorials/{key}/imports", allow=EDITORS, refuse=NOT_EDITOR)
    rows(obj, "GET", "/memorials/{key}/imports/", allow=EDITORS, refuse=NOT_EDITOR)
    rows(obj, "GET", "/memorials/{key}/stewards/", allow=STEWARDS, refuse=NOT_OWNER)

for_public = "memorial:public"
editor_writes = [
    ("POST", "/api/v1/memorials/{key}/state", {"state": "archived"}),
    ("PUT", "/api/v1/memorials/{key}/last_words", {"consent": "family", "text": "À bientôt."}),
    ("DELETE", "/api/v1/memorials/{key}/last_words", {}),
    ("POST", "/memorials/{key}/state/", {"state": "archived"}),
    ("POST", "/memorials/{key}/last-words/", {"consent": "family", "text": "À bientôt."}),
    ("POST", "/memorials/{key}/cause/", {"text": "Illness"}),
]
for method, path, data in editor_writes:
    rows(for_public, method, path, allow=EDITORS, refuse=NOT_EDITOR, data=data)
owner_only_writes = [
    ("POST", "/api/v1/memorials/{key}/stewards", {"username": "{stranger}", "role": "editor"}),
    ("DELETE", "/api/v1/memorials/{key}", {}),
    ("POST", "/memorials/{key}/stewards/invite/", {"username": "{stranger}", "role": "editor"}),
]
for method, path, data in owner_only_writes:
    rows(for_public, method, path, allow=("owner",), refuse=NOT_STEWARD_OWNER, data=data)
signed = SIGNED_IN
rows(for_public, "POST", "/api/v1/memorials/{key}/gestures/candle", allow=signed, refuse=("anonymous",))
rows(for_public, "POST", "/memorials/{key}/gestures/candle/", allow=signed, refuse=("anonymous",))
rows(for_public, "POST", "/api/v1/memorials/{key}/follow", allow=signed, refuse=("anonymous",))
rows(for_public, "POST", "/api/v1/memorials/{key}/unfollow", allow=signed, refuse=("anonymous",))
rows(for_public, "POST", "/memorials/{key}/follow/", allow=signed, refuse=("anonymous",))
rows(for_public, "GET", "/memorials/{key}/posts/", allow=EVERYONE, refuse=())
# Forms whose valid input needs a file or the full form: refusals only (the owner's success is in tests/memorials).
rows(for_public, "POST", "/memorials/{key}/share/", allow=(), refuse=("anonymous",))
rows(for_public, "POST", "/memorials/{key}/edit/", allow=(), refuse=("anonymous", "tribute_moderator"))
rows(for_public, "POST", "/memorials/{key}/photo/", allow=(), refuse=("anonymous",))
rows(for_public, "POST", "/memorials/{key}/imports/", allow=(), refuse=("anonymous",))
rows(for_public, "POST", "/memorials/{key}/dispute/", allow=("stranger",), refuse=("anonymous",), data={"reason": "x"})
tribute_data = {"text": "Elle nous manque.", "kind": "message"}
rows(for_public, "POST", "/api/v1/memorials/{key}/tributes", allow=signed, refuse=("anonymous",), data=tribute_data)
rows(for_public, "POST", "/memorials/{key}/tributes/", allow=signed, refuse=("anonymous",), data=tribute_data)
# Invitations: only the invited member (the stranger, invited as editor) can accept.
rows(
    "memorial:invited",
    "POST",
    "/api/v1/memorials/{key}/stewards/accept",
    allow=("stranger",),
    refuse=others("stranger", "owner"),
)
rows(
    "memorial:invited",
    "POST",
    "/memorials/{key}/stewards/accept/",
    allow=("stranger",),
    refuse=others("stranger", "owner"),
)

rows(
    "memorial:invited",
    "DELETE",
    "/api/v1/memorials/{key}/stewards/{stranger}",
    allow=("owner",),
    refuse=others("owner", "stranger"),
)
rows(
    "memorial:invited",
    "POST",
    "/api/v1/memorials/{key}/transfer",
    allow=(),
    refuse=others("owner"),
    data={"username": "{stranger}"},
)

# --- An archive import waiting for review on the owner's public memorial: its editors only -------------------
NOT_EDITOR_SHORT = ("anonymous", "stranger", "moderator", "tribute_moderator")
IMPORT = "/memorials/{key}/imports/{import}/"
API_IMPORT = "/api/v1/memorials/{key}/imports/{import}"
for method, path, data in (
    ("GET", IMPORT, None),
    ("GET", IMPORT + "progress/", None),
    ("POST", IMPORT + "exclude/", {"posts": "{imported}"}),
    ("GET", API_IMPORT, None),
    ("GET", API_IMPORT + "/posts", None),
    ("POST", API_IMPORT + "/exclude", {"ids": ["{imported}"]}),
    ("POST", API_IMPORT + "/last_words", {"post_id": "{imported}", "consent": "family"}),
    ("POST", API_IMPORT + "/confirm", None),
    ("DELETE", API_IMPORT, None),
):
    rows("memorial:import", method, path, allow=EDITORS, refuse=NOT_EDITOR_SHORT, data=data)

# --- Tributes by state: the muted member wrote one on the owner's public memorial ----------------------------
for state in ("pending", "approved", "rejected"):
    obj = f"tribute:{state}"
    for path in (
        "/api/v1/memorials/{key}/tributes/{tribute}/moderate",
        "/memorials/{key}/tributes/{tribute}/moderate/",
    ):
        rows(obj, "POST", path, allow=STEWARDS, refuse=NOT_OWNER, data={"state": "hidden", "reason": "x"})
    for method, path in (
        ("DELETE", "/api/v1/memorials/{key}/tributes/{tribute}"),
        ("POST", "/memorials/{key}/tributes/{tribute}/delete/"),
    ):
        rows(obj, method, path, allow=("muted",), refuse=others("muted"))  # its author only

# --- Appeals by kind and state (reconfort/appeals) ------------------------------------------------------
# A missing person waits for a moderator (owner and moderators only); open appeals are public but not to the
# members the owner blocked; a followers-only prayer is for the followers; a withdrawn appeal stays readable.
for obj, readers in (
    ("appeal:missing_person:pending_review", STEWARD_VIEW),
    ("appeal:missing_pet:open", others("blocked")),
    ("appeal:prayer:followers", ("owner", "follower", *STAFF)),
    ("appeal:help:withdrawn", others("blocked")),
):
    rows(obj, "GET", "/api/v1/appeals/{appeal}", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/appeals/{appeal}/", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/appeals/{appeal}/poster/", allow=readers, refuse=others(*readers))
    rows(obj, "GET", "/api/v1/appeals/{appeal}/updates", allow=readers, refuse=others(*readers))
    if obj != "appeal:missing_pet:open":
        rows(obj, "POST", "/appeals/{appeal}/hide/", allow=STAFF, refuse=NOT_OWNER[:3], data={"reason": "Unsafe."})
        continue
    rows(obj, "PATCH", "/api/v1/appeals/{appeal}", allow=(), refuse=NOT_OWNER, data={"title": "x"})
    rows(obj, "GET", "/appeals/{appeal}/edit/", allow=(), refuse=NOT_OWNER)
    rows(obj, "POST", "/api/v1/appeals/{appeal}/reconfirm", allow=(), refuse=NOT_OWNER)
    rows(obj, "POST", "/appeals/{appeal}/reconfirm/", allow=(), refuse=NOT_OWNER)
    rows(obj, "POST", "/api/v1/appeals/{appeal}/withdraw", allow=(), refuse=NOT_OWNER)
    rows(obj, "POST", "/appeals/{appeal}/withdraw/", allow=(), refuse=NOT_OWNER)
    rows(obj, "POST", "/api/v1/appeals/{appeal}/updates", allow=(), refuse=NOT_OWNER, data={"text": "News"})
    rows(obj, "POST", "/appeals/{appeal}/updates/", allow=(), refuse=NOT_OWNER, data={"text": "News"})
    rows(obj, "POST", "/api/v1/appeals/{appeal}/resolve", allow=(), refuse=NOT_OWNER, data={"resolution": "x"})
    rows(obj, "POST", "/appeals/{appeal}/hide/", allow=STAFF, refuse=others(*STAFF), data={"reason": "Unsafe."})

pet = "appeal:missing_pet:open"
rows(pet, "PATCH", "/api/v1/appeals/{appeal}", allow=("owner",), refuse=(), data={"title": "Max, ginger cat"})
rows(pet, "GET", "/appeals/{appeal}/edit/", allow=("owner",), refuse=())
rows(pet, "POST", "/api/v1/appeals/{appeal}/updates", allow=("owner",), refuse=(), data={"text": "Seen nearby"})
rows(pet, "POST", "/api/v1/appeals/{appeal}/resolve", allow=("owner",), refuse=(), data={"resolution": "reunited"})
rows(pet, "POST", "/api/v1/appeals/{appeal}/withdraw", allow=("owner",), refuse=())
rows(pet, "POST", "/appeals/{appeal}/resolve/", allow=("owner",), refuse=NOT_OWNER, data={"resolution": "reunited"})
responders = ("stranger", "follower", "muted", *STAFF)  # signed in, not the owner, not blocked
rows(pet, "POST", "/api/v1/appeals/{appeal}/follow", allow=responders, refuse=("anonymous", "blocked", "owner"))
rows(pet, "POST", "/api/v1/appeals/{appeal}/unfollow", allow=responders, refuse=("anonymous",))
rows(pet, "POST", "/appeals/{appeal}/follow/", allow=responders, refuse=("anonymous", "blocked"))
sighting = {"note": "A ginger cat under a car"}
rows(
    pet, "POST", "/api/v1/appeals/{appeal}/sightings", allow=responders, refuse=("anonymous", "blocked"), data=sighting
)
rows(pet, "POST", "/appeals/{appeal}/sightings/new/", allow=responders, refuse=("anonymous", "blocked"), data=sighting)

# --- Sightings and offers: the follower answered the owner's appeal; only they two see it ---------------
rows("sighting", "GET", "/api/v1/appeals/{appeal}/sightings", allow=("owner",), refuse=NOT_OWNER)
rows("sighting", "GET", "/appeals/{appeal}/sightings/", allow=("owner",), refuse=NOT_OWNER)
rows(
    "sighting",
    "DELETE",
    "/api/v1/appeals/{appeal}/sightings/{sighting}",
    allow=("follower",),
    refuse=others("follower", "owner"),
)
rows(
    "sighting",
    "POST",
    "/appeals/{appeal}/sightings/{sighting}/delete/",
    allow=("follower",),
    refuse=others("follower", "owner"),
)
offer = {"message": "I can cook on Tuesdays"}
rows("offer", "GET", "/api/v1/appeals/{appeal}/offers", allow=("owner",), refuse=NOT_OWNER)
rows(
    "offer",
    "POST",
    "/api/v1/appeals/{appeal}/offers",
    allow=("stranger",),
    refuse=("anonymous", "blocked", "owner"),
    data=offer,
)
rows("offer", "POST", "/appeals/{appeal}/offers/new/", allow=("stranger",), refuse=("anonymous", "blocked"), data=offer)
for decision in ("accept", "decline"):
    rows("offer", "POST", "/api/v1/appeals/{appeal}/offers/{offer}/" + decision, allow=("owner",), refuse=NOT_OWNER)
    rows("offer", "POST", "/appeals/{appeal}/offers/{offer}/" + decision + "/", allow=("owner",), refuse=NOT_OWNER)


# --- A memorialised account (the follower is its legacy contact): only moderators undo it, with a reason ------
rows("memorialised", "GET", "/moderation/memorialised/", allow=STAFF, refuse=others(*STAFF))
rows(
    "memorialised",
    "POST",
    "/moderation/memorialised/{owner_id}/reverse/",
    allow=STAFF,
    refuse=others(*STAFF),
    data={"m{owner_id}-reason": "A mistake: she is alive."},
)
# Its confirmed legacy contact (the follower) cares for it; nobody else, not even moderators.
for method, path, data in (
    ("GET", "/memorials/legacy/{owner}/care/", None),
    ("POST", "/memorials/legacy/{owner}/care/", {"statement": "She is missed."}),
    ("GET", "/memorials/legacy/{owner}/care/archive/", None),
    ("POST", "/memorials/legacy/{owner}/care/delete/", None),
):
    rows("memorialised", method, path, allow=("follower",), refuse=others("follower"), data=data)

# --- The later capabilities' rows, one module per area (tests/security/areas/) ------------------------------
from . import areas  # noqa: E402, F401 - adds their rows to ROWS

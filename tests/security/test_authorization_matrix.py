"""Authorization matrix (issue 3): every row of tests/security/matrix.py as one test, plus a coverage check that
every route of the site and every API operation has rows or is in the commented allow-list below.

Each test builds one world (the roles) and one scene (the object) through the services, then sends one request.
Size when written: 1229 rows (679 API, 550 pages) over 127 actions, 32 scenes, 19 object types and 9 roles
(`test_matrix_size` prints the current figures with -s). About 5 minutes on one core: the rows are independent.
Memorial stewards (editor, tribute moderator) are roles too, seated only in the rows that act as them.
"""

from __future__ import annotations

import datetime
import json
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from reconfort.accounts import services as account_services
from reconfort.accounts.models import Role, User
from reconfort.appeals import services as appeal_services
from reconfort.appeals.models import Appeal
from reconfort.memorials import importer
from reconfort.memorials import services as memorial_services
from reconfort.memorials.models import ImportedPost, Memorial
from reconfort.moderation import services as moderation_services
from reconfort.moderation.models import QueueItem
from reconfort.notifications.models import Notification
from reconfort.posts import services as post_services
from reconfort.privacy import services as privacy_services
from tests.api.conftest import ApiClient, make_token
from tests.appeals.conftest import LYON, details_for
from tests.factories import UserFactory, make_post
from tests.memorials.archive_builders import mastodon_zip, note

from . import areas
from .matrix import ALLOWED, ROWS, Row
from .stewards import STEWARD_ROLES, seat_stewards

ROLES_WITH_USERS = ("stranger", "follower", "blocked", "muted", "owner", "moderator", "admin")


# --- The world: one member per role, tied to the owner as the role says ------------------------------------


class World:
    def __init__(self, app):
        self.app = app
        self.users: dict[str, User] = {}
        for role in ROLES_WITH_USERS:
            staff = {"moderator": Role.MODERATOR, "admin": Role.ADMIN}.get(role, Role.MEMBER)
            self.users[role] = UserFactory(username=f"{role}_x", role=staff)
        owner = self.users["owner"]
        account_services.follow_create(self.users["follower"], owner)
        account_services.block_create(owner, self.users["blocked"])
        account_services.mute_create(owner, self.users["muted"])

    def __getitem__(self, role) -> User:
        return self.users[role]

    def seat(self, role: str) -> None:
        """A memorial steward role joins the world only for the rows that act as it (see tests/security/stewards)."""
        if role in STEWARD_ROLES and role not in self.users:
            self.users[role] = UserFactory(username=f"{role}_x")

    def stewards(self) -> dict[str, User]:
        return {role: self.users[role] for role in STEWARD_ROLES if role in self.users}


# --- Scenes: each builds one object type and returns the values its rows' paths use -------------------------


def _post(w: World, visibility: str) -> dict:
    return {"post": make_post(w["owner"], "Un moment difficile", visibility=visibility).pk}


def scene_reshare(w: World) -> dict:
    original = make_post(w["stranger"], "À partager")
    reshare = post_services.post_reblog(w["owner"], original)
    return {"original": original.pk, "reshare": reshare.pk}


def scene_gesture(w: World) -> dict:
    post = make_post(w["owner"], "Pour mes proches", visibility="private")
    post_services.gesture_add(w["follower"], post, "hug")
    # A favourite, so unfavourite has something to undo.
    post_services.gesture_add(w["follower"], post, "heart")
    return {"post": post.pk}


def scene_notification(w: World) -> dict:
    post = make_post(w["owner"], "Merci à tous")
    post_services.gesture_add(w["follower"], post, "heart")
    notification = Notification.objects.filter(recipient=w["owner"]).latest("pk")
    return {"notification": notification.pk}


def scene_report(w: World) -> dict:
    report = moderation_services.report_create(w["owner"], w["stranger"], category="spam", comment="Adverts")
    return {"report": report.pk, "item": report.queue_item_id}


def scene_decision(w: World) -> dict:
    decision = moderation_services.decision_take(w["moderator"], w["owner"], action="warn", reason="Be kind.")
    return {"decision": decision.pk}


def scene_decision_appeal(w: World) -> dict:
    decision = moderation_services.decision_take(w["moderator"], w["owner"], action="warn", reason="Be kind.")
    appeal = moderation_services.decision_appeal_create(w["owner"], decision, text="I was quoting.")
    return {"item": appeal.queue_item_id}


def scene_registration(w: World) -> dict:
    pending = UserFactory(username="pending_x", approved=False, registration_reason="I lost my mother.")
    return {"pending": pending.pk}


def scene_token(w: World) -> dict:
    make_token(w.app, w["owner"])  # the owner authorised the app
    return {"application": w.app.pk}


def scene_export(w: World) -> dict:
    return {"export": privacy_services.export_request(w["owner"]).pk}


def _memorial(w: World, visibility: str, *, publish: bool = True) -> dict:
    memorial = memorial_services.memorial_create(
        w["owner"], full_name="Jeanne Martin", death_date=datetime.date(2024, 3, 14), visibility=visibility
    )
    seat_stewards(w, memorial)
    if publish:
        memorial_services.memorial_set_state(w["owner"], memorial, Memorial.State.PUBLISHED)
    if visibility == "invite_only":
        memorial_services.guest_invite(w["owner"], memorial, w["follower"])
    return {"key": memorial.key}


def scene_memorial_invited(w: World) -> dict:
    values = _memorial(w, "public")
    memorial = Memorial.objects.get(key=values["key"])
    memorial_services.steward_invite(w["owner"], memorial, w["stranger"], "editor")
    return values


def scene_memorial_import(w: World) -> dict:
    """The owner uploaded a Mastodon export of the person's posts; it was read and waits for review."""
    values = _memorial(w, "public")
    memorial = Memorial.objects.get(key=values["key"])
    archive = mastodon_zip([note(1, "2024-01-02T10:00:00Z", "<p>À demain.</p>")])
    upload = SimpleUploadedFile("export.zip", archive, content_type="application/zip")
    job = memorial_services.archive_import_upload(w["owner"], memorial, upload)
    importer.run(job.pk)  # now rather than after commit, to name its post (running it twice is harmless)
    post = ImportedPost.objects.get(archive_import=job)
    return {**values, "import": job.pk, "imported": post.pk}


def _tribute(w: World, state: str) -> dict:
    values = _memorial(w, "public")
    memorial = Memorial.objects.get(key=values["key"])
    tribute = memorial_services.tribute_create(w["muted"], memorial, text="Une pensée")
    if state != "pending":
        memorial_services.tribute_moderate(w["owner"], tribute, state=state, reason="Not about her.")
    return {**values, "tribute": tribute.pk}


def _recent(details: dict) -> dict:
    moment = (timezone.now() - timedelta(hours=2)).isoformat()
    return {**details, **({"last_seen_at": moment} if "last_seen_at" in details else {})}


def _appeal(w: World, kind: str, **extra) -> Appeal:
    return appeal_services.appeal_create(
        w["owner"],
        kind=kind,
        title=f"Appeal {kind}",
        details=_recent(details_for(kind)),
        latitude=LYON[0],
        longitude=LYON[1],
        **extra,
    )


def scene_appeal(kind: str, state: str):
    def build(w: World) -> dict:
        appeal = _appeal(w, kind, audience="followers" if state == "followers" else "public")
        if state == "withdrawn":
            appeal_services.appeal_withdraw(w["owner"], appeal)
        return {"appeal": appeal.pk}

    return build


def scene_review(w: World) -> dict:
    """A missing-person appeal waiting in the moderation queue."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # the queue item is opened after commit
        appeal = _appeal(w, "missing_person")
    item = QueueItem.objects.get(kind=QueueItem.Kind.MISSING_PERSON, subject_id=appeal.pk)
    return {"item": item.pk}


def scene_sighting(w: World) -> dict:
    appeal = _appeal(w, "missing_pet")
    sighting = appeal_services.sighting_create(w["follower"], appeal, note="Under a car")
    return {"appeal": appeal.pk, "sighting": sighting.pk}


def scene_offer(w: World) -> dict:
    appeal = _appeal(w, "help")
    offer = appeal_services.offer_create(w["follower"], appeal, message="I can cook")
    return {"appeal": appeal.pk, "offer": offer.pk}


def scene_memorialised(w: World) -> dict:
    memorial_services.wishes_set(w["owner"], on_death="memorialise", legacy_contact=w["follower"])
    memorial_services.legacy_contact_answer(w["follower"], w["owner"], accept=True)
    request = memorial_services.memorialisation_request(w["follower"], w["owner"], relation="legacy_contact")
    memorial_services.memorialisation_decide(w["moderator"], request.pk, approved=True, reason="")
    return {}


SCENES = {
    "post:public": lambda w: _post(w, "public"),
    "post:unlisted": lambda w: _post(w, "unlisted"),
    "post:private": lambda w: _post(w, "private"),
    "post:direct": lambda w: _post(w, "direct"),
    "reshare": scene_reshare,
    "gesture": scene_gesture,
    "notification": scene_notification,
    "settings": lambda w: {},
    "report": scene_report,
    "queue": scene_report,
    "audit": scene_decision,
    "decision": scene_decision,
    "decision_appeal": scene_decision_appeal,
    "registration": scene_registration,
    "token": scene_token,
    "export": scene_export,
    **{
        f"memorial:{vis}": (lambda v: lambda w: _memorial(w, v))(vis)
        for vis in ("public", "unlisted", "members", "invite_only")
    },
    "memorial:draft": lambda w: _memorial(w, "public", publish=False),
    "memorial:invited": scene_memorial_invited,
    "memorial:import": scene_memorial_import,
    **{
        f"tribute:{state}": (lambda s: lambda w: _tribute(w, s))(state) for state in ("pending", "approved", "rejected")
    },
    "appeal:missing_person:pending_review": scene_appeal("missing_person", "pending_review"),
    "appeal:missing_pet:open": scene_appeal("missing_pet", "open"),
    "appeal:prayer:followers": scene_appeal("prayer", "followers"),
    "appeal:help:withdrawn": scene_appeal("help", "withdrawn"),
    "review": scene_review,
    "sighting": scene_sighting,
    "offer": scene_offer,
    "memorialised": scene_memorialised,
    **areas.SCENES,
}


# --- Clients per role ------------------------------------------------------------------------------------


def _verified_page_client(user: User) -> Client:
    """A signed-in session that passed the second factor, as staff need on the moderation pages."""
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    User.objects.filter(pk=user.pk).update(two_factor_enabled=True)
    client = Client()
    client.force_login(user)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post("/accounts/two-factor/verify/", {"token": code})
    assert response.status_code == 302, response.status_code
    return client


def client_for(row: Row, w: World) -> Client:
    if row.role == "anonymous":
        return ApiClient() if row.is_api else Client()
    if row.role == "noscope":
        return ApiClient(make_token(w.app, w["owner"], "push"))
    user = w[row.role]
    if row.is_api:
        return ApiClient(make_token(w.app, user))
    if row.role in ("moderator", "admin"):
        return _verified_page_client(user)
    client = Client()
    client.force_login(user)
    return client


def outcome(response) -> str:
    """allowed (2xx/3xx, other than a redirect to sign in) or refused (401/403/404, or that redirect)."""
    status = response.status_code
    if status in (401, 403, 404):
        return "refused"
    if 300 <= status < 400 and response["Location"].startswith(("/accounts/login/", "/accounts/two-factor/")):
        return "refused"
    if 200 <= status < 400:
        return ALLOWED
    return f"unexpected {status}"


@pytest.fixture(autouse=True)
def _fast_and_open(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # roles never type a password
    settings.RECONFORT_APPEAL_MIN_ACCOUNT_AGE_HOURS = 0


# 1 229 rows: each runs in a transaction rolled back afterwards (far cheaper than emptying every table), and the
# scene's after-commit work (notifications, fan-out) is run while it is built.
pytestmark = pytest.mark.rollback_db


@pytest.fixture
def world(app):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return World(app)


def _fill(template, values: dict):
    if isinstance(template, list):
        return [_fill(item, values) for item in template]
    return template.format(**values) if isinstance(template, str) else template


# The rows are spread over three modules (this one and test_authorization_matrix_b/_c), so pytest-xdist, which
# keeps each file on one process, can run them on both cores.
PARTS = 3


def rows_of_part(part: int) -> list[Row]:
    return ROWS[part::PARTS]


@pytest.mark.parametrize("row", rows_of_part(0), ids=[r.id for r in rows_of_part(0)])
def test_matrix(row: Row, world):
    check_row(row, world)


def check_row(row: Row, world) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        world.seat(row.role)
        values = SCENES[row.object](world)
    values.update({role: world[role].username for role in ROLES_WITH_USERS})
    values.update({f"{role}_id": str(world[role].pk) for role in ROLES_WITH_USERS})
    path = _fill(row.path, values)
    data = {_fill(k, values): _fill(v, values) for k, v in row.data.items()}
    client = client_for(row, world)
    if row.is_api:
        send = {"GET": client.get, "DELETE": client.delete}.get(row.method)
        response = send(path, data) if send else client.generic(row.method, path, _json(data), "application/json")
    else:
        response = client.generic(row.method, path) if row.method == "GET" else client.post(path, data)
    assert outcome(response) == row.expect, (response.status_code, response.content[:300])


def _json(data: dict) -> str:
    return json.dumps(data)


# --- Coverage: a new route without rows fails --------------------------------------------------------------

# Page routes with no object to protect: public pages, sign-in and sign-up, one's own lists and forms, and
# the framework's own routes. Each is either readable by anyone or acts only on the signed-in member.
PAGE_ALLOW_LIST = {
    "i18n/setlang/",  # language switch (Django's)
    "language/",  # language switch
    "accounts/two-factor/",  # one's own two-factor pages
    "accounts/two-factor/setup/",
    "accounts/two-factor/verify/",
    "accounts/two-factor/codes/",
    "accounts/two-factor/disable/",
    "accounts/signup/",
    "accounts/login/",
    "accounts/logout/",
    "accounts/password-reset/",  # by e-mail, rate-limited; the token is the authorization
    "accounts/password-reset/sent/",
    "accounts/password-reset/done/",
    "accounts/password-reset/<uidb64>/<token>/",
    "accounts/confirm-email/<str:token>/",  # signed token
    "accounts/confirm-email/",
    "api/",  # API root page and the trailing-slash redirects in front of the API
    "^api/(?P<rest>.+)/$",
    "^api/",
    "oauth/authorize",  # OAuth (django-oauth-toolkit, tested in tests/api/test_oauth.py)
    "oauth/authorize/",
    "oauth/token",
    "oauth/revoke",
    ".well-known/oauth-authorization-server",
    "",  # home timeline of the signed-in member
    "community/",  # public timeline
    "tags/<str:name>",
    "@<str:username>",  # profiles: public; follow lists follow the account's own settings
    "@<str:username>/followers",
    "@<str:username>/following",
    "follow-requests/",  # one's own follow requests
    "follow-requests/<str:username>/accept/",
    "follow-requests/<str:username>/reject/",
    "@<str:username>/follow/",  # relationships act on the signed-in member's own ties
    "@<str:username>/unfollow/",
    "@<str:username>/block/",
    "@<str:username>/unblock/",
    "@<str:username>/mute/",
    "@<str:username>/unmute/",
    "compose/",
    "compose/story/",
    "notifications/",  # one's own notifications
    "settings/security/sessions/<int:session_id>/end/",  # only the member's own sessions are looked up
    "settings/privacy/exports/",  # starts one's own export
    "settings/privacy/deletion/",  # one's own deletion, password asked
    "settings/privacy/deletion/cancel/",
    "^media/(?P<path>.*)$",  # uploaded files: unguessable names, public media only
    "memorials/anniversaries/",  # one's own "never remind me of any anniversary" switch (tests/memorials)
    "memorials/legacy/",  # one's own digital-legacy wishes and legacy-contact answers (tests/memorials)
    "memorials/legacy/<str:username>/<str:answer>/",
    "memorials/legacy/<str:username>/request/",  # asks moderators; decided in the queue (review rows)
    # Needs an image upload; the same legacy-contact check as the care page, which has rows (memorialised).
    "memorials/legacy/<str:username>/care/avatar/",
    "memorials/",  # directory of listed memorials; one's own; the creation form
    "memorials/mine/",
    "memorials/new/",
    "appeals/",  # appeals near a place, filtered per viewer; one's own; notices; creation forms; place search
    "appeals/mine/",
    "appeals/new/",
    "appeals/new/<str:kind>/",
    "appeals/notices/",
    "appeals/places/",
}

# API operations with no object to protect: instance information, sign-up, app registration, one's own lists.
API_ALLOW_LIST = {
    ("post", "/api/v1/apps"),
    ("get", "/api/v1/instance"),
    ("get", "/api/v2/instance"),
    ("get", "/api/v1/instance/rules"),
    ("get", "/api/v1/custom_emojis"),
    ("get", "/api/v1/filters"),
    ("get", "/api/v2/filters"),
    ("get", "/api/bench/f0"),  # benchmark endpoints, no data
    ("get", "/api/bench/f1"),
    ("post", "/api/v1/accounts"),  # sign-up
    ("get", "/api/v2/search"),  # search, filtered by the same visibility selectors as timelines
    ("get", "/api/v1/accounts/search"),
    ("get", "/api/v1/accounts/lookup"),
    ("get", "/api/v1/accounts/relationships"),
    ("get", "/api/v1/accounts/{account_id}"),  # public profile
    ("get", "/api/v1/accounts/{account_id}/statuses"),  # lists filtered per viewer (tests/api/test_accounts.py)
    ("get", "/api/v1/accounts/{account_id}/followers"),
    ("get", "/api/v1/accounts/{account_id}/following"),
    ("post", "/api/v1/accounts/{account_id}/follow"),  # the caller's own ties
    ("post", "/api/v1/accounts/{account_id}/unfollow"),
    ("post", "/api/v1/accounts/{account_id}/block"),
    ("post", "/api/v1/accounts/{account_id}/unblock"),
    ("post", "/api/v1/accounts/{account_id}/mute"),
    ("post", "/api/v1/accounts/{account_id}/unmute"),
    ("get", "/api/v1/follow_requests"),
    ("post", "/api/v1/follow_requests/{account_id}/authorize"),
    ("post", "/api/v1/follow_requests/{account_id}/reject"),
    ("post", "/api/v1/statuses"),  # writing one's own post
    ("post", "/api/v1/media"),
    ("post", "/api/v2/media"),
    ("get", "/api/v1/timelines/home"),  # one's own feed; the public ones filtered per viewer
    ("get", "/api/v1/timelines/public"),
    ("get", "/api/v1/timelines/tag/{hashtag}"),
    ("get", "/api/v1/notifications"),  # one's own
    ("get", "/api/v1/notifications/unread_count"),
    ("post", "/api/v1/notifications/clear"),
    ("get", "/api/v1/markers"),
    ("post", "/api/v1/markers"),
    ("get", "/api/v1/memorials"),  # the directory, one's own, creation
    ("get", "/api/v1/memorials/mine"),
    ("get", "/api/v1/memorials/anniversaries"),  # one's own "never remind me" switch
    ("put", "/api/v1/memorials/anniversaries"),
    ("post", "/api/v1/memorials"),
    ("get", "/api/v1/appeals/near"),  # filtered per viewer; one's own; creation; place search
    ("get", "/api/v1/appeals/mine"),
    ("post", "/api/v1/appeals"),
    ("get", "/api/v1/appeals/places"),
    # The upload is multipart (a zip): its file is parsed before the steward check, so a JSON row cannot reach
    # it; the same check as the imports list (rows: memorial:public) and tests/memorials/test_views_imports.py.
    ("post", "/api/v1/memorials/{key}/imports"),
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _is_ninja(route: str) -> bool:
    return route.startswith(("api/v1/", "api/v2/", "api/bench/", "api/openapi.json", "api/docs"))


class _Sample(dict):
    def __missing__(self, key):
        return "1"


def _openapi_paths() -> dict:
    from reconfort.api.mastodon.api import api

    return api.get_openapi_schema()["paths"]


def _api_operation(method: str, path: str, templates: list[tuple[re.Pattern, str]]) -> tuple[str, str]:
    for regex, template in templates:
        if regex.fullmatch(path):
            return method.lower(), template
    raise AssertionError(f"no API operation for {method} {path}")


def test_every_route_has_rows_or_is_allow_listed():
    page_routes = {r for r in _walk(get_resolver().url_patterns) if not r.startswith("admin/") and not _is_ninja(r)}
    covered_pages, covered_api = set(), set()
    paths = _openapi_paths()
    templates = sorted(
        ((re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p))), p) for p in paths),
        key=lambda t: -t[1].count("/") + (0.5 if "{" in t[1].rsplit("/", 1)[-1] else 0),
    )
    for row in ROWS:
        path = row.path.format_map(_Sample())
        if row.is_api:
            covered_api.add(_api_operation(row.method, path, templates))
        else:
            covered_pages.add(resolve(path).route)
    operations = {(method, p) for p, ops in paths.items() for method in ops}
    page_allowed, api_allowed = PAGE_ALLOW_LIST | areas.PAGE_ALLOW_LIST, API_ALLOW_LIST | areas.API_ALLOW_LIST
    missing_pages = page_routes - covered_pages - page_allowed
    missing_api = operations - covered_api - api_allowed
    assert not missing_pages, f"page routes without matrix rows: {sorted(missing_pages)}"
    assert not missing_api, f"API operations without matrix rows: {sorted(missing_api)}"
    # The allow-lists stay honest: nothing in them that no longer exists.
    assert not (page_allowed - page_routes), sorted(page_allowed - page_routes)
    assert not (api_allowed - operations), sorted(api_allowed - operations)


def test_matrix_size():
    objects = {r.object.split(":")[0] for r in ROWS}
    roles = {r.role for r in ROWS}
    scenes = {r.object for r in ROWS}
    print(f"matrix: {len(ROWS)} rows, {len(scenes)} scenes, {len(objects)} object types, {len(roles)} roles")
    assert len(roles) == 9 + len(STEWARD_ROLES) and all(r.object in SCENES for r in ROWS)

"""Accounts: own profile, other members, relationships, follows, blocks, mutes, follow requests, sign-up."""

from __future__ import annotations

from typing import Annotated

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router
from pydantic import StringConstraints, WithJsonSchema

from reconfort.accounts import selectors, services
from reconfort.accounts.models import Language
from reconfort.api.services import token_issue
from reconfort.core.errors import NotFound, ServiceError
from reconfort.core.pagination import paginate_by_id
from reconfort.posts.selectors import account_posts

from ..auth import anyone, app_or_member, member
from ..entities.account import Account, CredentialAccount, render_account, render_credential_account
from ..entities.application import Token, render_token
from ..entities.relationship import Relationship, render_relationship
from ..entities.status import Status, render_statuses
from ..parsing import Flag, JsonObject, object_id, uploaded_file
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["accounts"])

# What accounts.services.account_update_profile takes, for the document (it refuses the rest with its own messages).
LanguageCode = Annotated[str, WithJsonSchema({"type": "string", "enum": list(Language.values)})]
TimeZoneName = Annotated[str, WithJsonSchema({"type": "string", "enum": sorted(services.VALID_TIME_ZONES)})]
# The lengths are checked here too: a source.note the top-level note overrides must not be too long either.
DisplayName = Annotated[str, StringConstraints(max_length=60)]
Bio = Annotated[str, StringConstraints(max_length=500)]


def _account(account_id) -> object:
    pk = object_id(account_id)
    if pk is None:
        raise NotFound(_("This account does not exist."))
    return selectors.account_get(pk)


def _relationship(viewer, target) -> dict:
    return render_relationship(selectors.relationship(viewer, target))


# --- The member's own account ------------------------------------------------------------------


@router.get("/v1/accounts/verify_credentials", response={200: CredentialAccount}, auth=member("read:accounts"))
def verify_credentials(request):
    user = request.auth
    pending = selectors.follow_requests_list(user).count()
    return json_response(render_credential_account(user, follow_requests_count=pending))


class AccountSourceIn(JsonObject):
    language: LanguageCode | None = None
    privacy: str | None = None
    sensitive: Flag | None = None
    note: Bio | None = None


class CredentialsUpdate(JsonObject):
    display_name: DisplayName | None = None
    note: Bio | None = None
    locked: Flag | None = None
    discoverable: Flag | None = None
    bot: Flag | None = None
    source: AccountSourceIn | None = None
    # Réconfort's own: interface language and time zone.
    language: LanguageCode | None = None
    time_zone: TimeZoneName | None = None


@router.patch(
    "/v1/accounts/update_credentials",
    response={200: CredentialAccount},
    auth=member("write:accounts"),
    openapi_extra={"description": "Form, multipart (with an `avatar` image) or JSON."},
)
def update_credentials(request, payload: CredentialsUpdate | None = None):
    payload = payload or CredentialsUpdate()
    source = payload.source or AccountSourceIn()
    language = payload.language if payload.language is not None else source.language
    user = services.account_update_profile(
        request.auth,
        display_name=payload.display_name,
        bio=payload.note if payload.note is not None else source.note,
        avatar=uploaded_file(request, "avatar"),
        language=language,
        time_zone=payload.time_zone,
        locked=payload.locked,
        discoverable=payload.discoverable,
    )
    pending = selectors.follow_requests_list(user).count()
    return json_response(render_credential_account(user, follow_requests_count=pending))


# --- Sign-up from a client ---------------------------------------------------------------------


class Registration(JsonObject):
    username: str = ""
    email: str = ""
    password: str = ""
    agreement: Flag = False
    locale: str = ""
    reason: str = ""
    display_name: str = ""


@router.post(
    "/v1/accounts",
    response={200: Token},
    auth=app_or_member("write:accounts"),
)
def register(request, payload: Registration):
    if not payload.agreement:
        raise ServiceError(_("You need to accept the server rules."), field="agreement", code="agreement")
    locale = (payload.locale or "").split("-")[0].lower()
    user = services.account_register(
        username=payload.username,
        email=payload.email,
        password=payload.password,
        display_name=payload.display_name,
        language=locale if locale in Language.values else settings.LANGUAGE_CODE,
        reason=payload.reason,
        address=request.META.get("REMOTE_ADDR"),
    )
    application = request.oauth_token.application
    token, raw = token_issue(application, user, application.scopes)
    return json_response(render_token(token, raw))


# --- Other accounts ----------------------------------------------------------------------------


@router.get("/v1/accounts/relationships", response={200: list[Relationship]}, auth=member("read:follows"))
def relationships(request, id: Query[list[str]] = None):  # noqa: A002 - Mastodon's parameter name
    ids = [pk for pk in (object_id(i) for i in (id or [])[:80]) if pk is not None]
    ids = list(dict.fromkeys(ids))
    return json_response([render_relationship(r) for r in selectors.relationships(request.auth, ids)])


@router.get("/v1/accounts/lookup", response={200: Account}, auth=anyone("read:accounts"))
def lookup(request, acct: str = ""):
    if not acct.strip():
        raise NotFound(_("This account does not exist."))
    handle = acct.strip().lstrip("@")
    if "@" in handle and handle.split("@", 1)[1].lower() != settings.RECONFORT_DOMAIN.lower():
        raise NotFound(_("This account does not exist."))
    return json_response(render_account(selectors.account_get_by_username(handle)))


@router.get("/v1/accounts/{account_id}", response={200: Account}, auth=anyone("read:accounts"))
def account_detail(request, account_id: str):
    return json_response(render_account(_account(account_id)))


@router.get("/v1/accounts/{account_id}/statuses", response={200: list[Status]}, auth=anyone("read:statuses"))
def account_statuses(
    request,
    account_id: str,
    paging: Query[PageQuery],
    exclude_replies: bool = False,
    exclude_reblogs: bool = False,
    only_media: bool = False,
    pinned: bool = False,
    tagged: str | None = None,
):
    account = _account(account_id)
    page = paging.page()
    if pinned:
        return json_response([])
    qs = account_posts(
        request.auth, account, exclude_replies=exclude_replies, exclude_reblogs=exclude_reblogs, tagged=tagged
    )
    if only_media:
        qs = qs.filter(media__isnull=False).distinct()
    posts = paginate_by_id(qs, page)
    return paginated(request, posts, render_statuses(request.auth, posts))


def _account_page(request, queryset, paging: PageQuery):
    page = paging.page(default=40, maximum=80)
    users = paginate_by_id(queryset, page, field="page_id")
    return paginated(request, users, [render_account(u) for u in users], key=lambda u: u.page_id)


@router.get("/v1/accounts/{account_id}/followers", response={200: list[Account]}, auth=anyone("read:accounts"))
def followers(request, account_id: str, paging: Query[PageQuery]):
    qs = selectors.followers_list(_account(account_id)).annotate(page_id=F("following_set__id"))
    return _account_page(request, qs, paging)


@router.get("/v1/accounts/{account_id}/following", response={200: list[Account]}, auth=anyone("read:accounts"))
def following(request, account_id: str, paging: Query[PageQuery]):
    qs = selectors.following_list(_account(account_id)).annotate(page_id=F("follower_set__id"))
    return _account_page(request, qs, paging)


# --- Follow, block, mute -----------------------------------------------------------------------


@router.post("/v1/accounts/{account_id}/follow", response={200: Relationship}, auth=member("write:follows"))
def follow(request, account_id: str):
    target = _account(account_id)
    services.follow_create(request.auth, target)
    return json_response(_relationship(request.auth, target))


@router.post("/v1/accounts/{account_id}/unfollow", response={200: Relationship}, auth=member("write:follows"))
def unfollow(request, account_id: str):
    target = _account(account_id)
    services.follow_remove(request.auth, target)
    return json_response(_relationship(request.auth, target))


@router.post("/v1/accounts/{account_id}/block", response={200: Relationship}, auth=member("write:blocks"))
def block(request, account_id: str):
    target = _account(account_id)
    services.block_create(request.auth, target)
    return json_response(_relationship(request.auth, target))


@router.post("/v1/accounts/{account_id}/unblock", response={200: Relationship}, auth=member("write:blocks"))
def unblock(request, account_id: str):
    target = _account(account_id)
    services.block_remove(request.auth, target)
    return json_response(_relationship(request.auth, target))


class MuteIn(JsonObject):
    notifications: Flag = True


@router.post("/v1/accounts/{account_id}/mute", response={200: Relationship}, auth=member("write:mutes"))
def mute(request, account_id: str, payload: MuteIn | None = None):
    target = _account(account_id)
    services.mute_create(request.auth, target, notifications=(payload or MuteIn()).notifications)
    return json_response(_relationship(request.auth, target))


@router.post("/v1/accounts/{account_id}/unmute", response={200: Relationship}, auth=member("write:mutes"))
def unmute(request, account_id: str):
    target = _account(account_id)
    services.mute_remove(request.auth, target)
    return json_response(_relationship(request.auth, target))


# --- Follow requests ---------------------------------------------------------------------------


@router.get("/v1/follow_requests", response={200: list[Account]}, auth=member("read:follows"))
def follow_requests(request, paging: Query[PageQuery]):
    qs = selectors.follow_requests_list(request.auth).annotate(page_id=F("following_set__id"))
    return _account_page(request, qs, paging)


@router.post("/v1/follow_requests/{account_id}/authorize", response={200: Relationship}, auth=member("write:follows"))
def follow_request_authorize(request, account_id: str):
    follower = _account(account_id)
    services.follow_request_accept(request.auth, follower)
    return json_response(_relationship(request.auth, follower))


@router.post("/v1/follow_requests/{account_id}/reject", response={200: Relationship}, auth=member("write:follows"))
def follow_request_reject(request, account_id: str):
    follower = _account(account_id)
    services.follow_request_reject(request.auth, follower)
    return json_response(_relationship(request.auth, follower))

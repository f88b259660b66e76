"""Memorials (our extension, not Mastodon's): CRUD, stewards, tributes, gestures, last words, the Hereafter
directory, and archive imports with their progress.

Every rule lives in reconfort.memorials (services for writes, selectors and policies for what a viewer may see):
the same calls as the pages. Memorials are addressed by their unguessable key (an unlisted memorial is "link
only"). Scopes are those of statuses: read:statuses to read, write:statuses to write.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Query, Router, Schema
from ninja.files import UploadedFile

from reconfort.accounts.selectors import account_get_by_username
from reconfort.core.errors import ServiceError
from reconfort.memorials import policies, selectors, services
from reconfort.memorials.models import ArchiveImport, ImportedPost, Memorial, Tribute
from reconfort.memorials.policies import Access

from ..auth import anyone, member
from ..entities.account import Account, render_account
from ..entities.common import iso
from ..links import absolute
from ..parsing import Flag, JsonObject, object_id
from ..responses import json_response

router = Router(tags=["memorials"])
READ, WRITE = "read:statuses", "write:statuses"
PAGE_MAX = 40


# --- schemas ----------------------------------------------------------------------------------------


class LastWordsOut(Schema):
    text: str
    posted_at: str | None
    where: str
    original_url: str
    status_id: str | None
    consent: str
    content_warning: str


class MemorialPermissions(Schema):
    edit: bool
    manage_stewards: bool
    moderate_tributes: bool
    write_tribute: bool
    give_gesture: bool
    follow: bool
    following: bool
    share_last_words: bool
    dispute: bool
    role: str | None


class MemorialOut(Schema):
    id: str = Field(description="The memorial's key, used in every path.")
    url: str
    full_name: str
    photo_url: str | None
    birth_date: str | None
    birth_precision: str
    death_date: str | None
    death_precision: str
    place: str
    life_story: str
    life_story_html: str
    languages: list[str]
    in_lieu_of_flowers_url: str
    state: str
    visibility: str
    listed: bool
    indexable: bool
    tribute_access: str
    tributes_locked: bool
    tributes_premoderated: bool
    anniversaries_enabled: bool
    tributes_count: int
    candle_count: int
    flowers_count: int
    hug_count: int
    followers_count: int
    last_words: LastWordsOut | None
    cause_of_death: str | None = Field(None, description="Only on a single memorial, when shown; never a suicide.")
    created_at: str
    permissions: MemorialPermissions | None = Field(None, description="What the viewer may do (single memorial only).")


class MemorialIn(JsonObject):
    full_name: str
    birth_date: date | None = None
    birth_precision: str = "day"
    death_date: date | None = None
    death_precision: str = "day"
    place: str = ""
    life_story: str = Field("", description="Markdown; sanitised.")
    languages: list[str] = Field(default_factory=list)
    in_lieu_of_flowers_url: str = ""
    visibility: str = "public"
    listed: Flag = False
    indexable: Flag = False
    tribute_access: str = "members"
    tributes_locked: Flag = False
    tributes_premoderated: Flag = True
    anniversaries_enabled: Flag = False


class MemorialEdit(JsonObject):
    full_name: str | None = None
    birth_date: date | None = None
    birth_precision: str | None = None
    death_date: date | None = None
    death_precision: str | None = None
    place: str | None = None
    life_story: str | None = None
    languages: list[str] | None = None
    in_lieu_of_flowers_url: str | None = None
    visibility: str | None = None
    listed: Flag | None = None
    indexable: Flag | None = None
    tribute_access: str | None = None
    tributes_locked: Flag | None = None
    tributes_premoderated: Flag | None = None
    anniversaries_enabled: Flag | None = None


class MemorialStateIn(JsonObject):
    state: str = Field(description="draft, published or archived (allowed transitions only).")


class LastWordsIn(JsonObject):
    consent: str = Field(description="family or public_figure.")
    text: str = ""
    posted_at: str | None = None
    where: str = ""
    original_url: str = ""
    status_id: str | None = Field(None, description="A public post here, instead of a text.")
    content_warning: str = ""


class StewardOut(Schema):
    account: Account
    role: str
    accepted: bool
    created_at: str


class StewardIn(JsonObject):
    username: str
    role: str = Field(description="editor or tribute_moderator.")


class MemorialUsernameIn(JsonObject):
    username: str


class StewardLogOut(Schema):
    id: str
    actor: str
    action: str
    detail: dict
    created_at: str


class TributeOut(Schema):
    id: str
    kind: str
    text: str
    text_html: str
    photo_url: str | None
    state: str
    moderation_reason: str | None = Field(description="For its author and the stewards only.")
    screened_as: list[str] | None = Field(
        None,
        description="For the stewards only: why the kind-reply guard held it (hostility, mockery, slur, spam, "
        "proselytising); empty when its words were not found suspect.",
    )
    account: Account
    created_at: str


class TributeIn(JsonObject):
    text: str
    kind: str = "message"


class TributeModerateIn(JsonObject):
    state: str = Field(description="approved, rejected or hidden.")
    reason: str = ""


class MemorialGestureIn(JsonObject):
    message: str = ""


class MemorialGestureOut(Schema):
    kind: str
    message: str
    day: str
    created_at: str


class ImportedPostOut(Schema):
    id: str
    posted_at: str
    text: str
    html: str
    content_warning: str
    url: str
    is_reply: bool
    excluded: bool
    imported: bool = True


class ImportOut(Schema):
    id: str
    platform: str
    state: str
    failure: str | None
    failure_reason: str | None
    progress: int = Field(description="Percent of the archive read.")
    posts_read: int
    posts_kept: int
    archive_username: str
    archive_display_name: str
    other_person: bool = Field(description="The archive does not look like the memorial's person: check it.")
    proposal: ImportedPostOut | None = Field(None, description="The proposed last words, once read.")
    created_at: str
    finished_at: str | None


class ImportExcludeIn(JsonObject):
    ids: list[str]
    excluded: Flag = True


class ImportLastWordsIn(JsonObject):
    post_id: str
    consent: str
    content_warning: str = ""


class HereafterQuery(Schema):
    order: str = Field("recent", description="recent (newest deaths first) or az.")
    year: int | None = Field(None, ge=1, le=9999)
    language: str = ""
    q: str = Field("", max_length=100)
    page: int = Field(1, ge=1, le=10000)
    limit: int = Field(20, ge=1, le=PAGE_MAX)


class MemorialPageQuery(Schema):
    page: int = Field(1, ge=1, le=100000)
    limit: int = Field(20, ge=1, le=PAGE_MAX)


# --- rendering ---------------------------------------------------------------------------------------


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _last_words(memorial: Memorial) -> dict | None:
    words = selectors.last_words_of(memorial)
    if words is None:
        return None
    return {
        "text": words.text,
        "posted_at": iso(words.posted_at),
        "where": words.where,
        "original_url": words.original_url,
        "status_id": str(words.post_id) if words.post_id else None,
        "consent": words.consent,
        "content_warning": words.content_warning,
    }


def _permissions(memorial: Memorial, access: Access) -> dict:
    return {
        "edit": policies.can_edit_memorial(access),
        "manage_stewards": policies.can_manage_stewards(access),
        "moderate_tributes": policies.can_moderate_tributes(access),
        "write_tribute": policies.can_write_tribute(access, memorial),
        "give_gesture": policies.can_give_gesture(access, memorial),
        "follow": policies.can_follow_memorial(access, memorial),
        "following": access.follows,
        "share_last_words": policies.can_share_last_words(access, memorial),
        "dispute": policies.can_dispute_memorial(access, memorial),
        "role": access.role,
    }


def render_memorial(memorial: Memorial, access: Access | None = None) -> dict:
    """A memorial; with `access` (a single memorial) also the viewer's permissions and the cause when shown.
    Listings never carry the cause of death."""
    data = {
        "id": memorial.key,
        "url": absolute(f"/memorials/{memorial.key}/"),
        "full_name": memorial.full_name,
        "photo_url": absolute(memorial.photo.url) if memorial.photo else None,
        "birth_date": _day(memorial.birth_date),
        "birth_precision": memorial.birth_precision,
        "death_date": _day(memorial.death_date),
        "death_precision": memorial.death_precision,
        "place": memorial.place,
        "life_story": memorial.life_story,
        "life_story_html": memorial.life_story_html,
        "languages": memorial.languages,
        "in_lieu_of_flowers_url": memorial.in_lieu_of_flowers_url,
        "state": memorial.state,
        "visibility": memorial.visibility,
        "listed": memorial.listed,
        "indexable": memorial.indexable,
        "tribute_access": memorial.tribute_access,
        "tributes_locked": memorial.tributes_locked,
        "tributes_premoderated": memorial.tributes_premoderated,
        "anniversaries_enabled": memorial.anniversaries_enabled,
        "tributes_count": memorial.tributes_count,
        "candle_count": memorial.candle_count,
        "flowers_count": memorial.flowers_count,
        "hug_count": memorial.hug_count,
        "followers_count": memorial.followers_count,
        "last_words": _last_words(memorial),
        "cause_of_death": None,
        "created_at": iso(memorial.created_at),
        "permissions": None,
    }
    if access is not None:
        data["cause_of_death"] = selectors.cause_of_death_for_display(memorial) or None
        data["permissions"] = _permissions(memorial, access)
    return data


def _render_tribute(viewer, tribute: Tribute, access: Access) -> dict:
    sees_reason = policies.can_moderate_tributes(access) or (viewer.is_authenticated and viewer.pk == tribute.author_id)
    return {
        "id": str(tribute.pk),
        "kind": tribute.kind,
        "text": tribute.text,
        "text_html": tribute.text_html,
        "photo_url": absolute(tribute.photo.url) if tribute.photo else None,
        "state": tribute.state,
        "moderation_reason": (tribute.moderation_reason or None) if sees_reason else None,
        "screened_as": list(tribute.screened_as) if policies.can_moderate_tributes(access) else None,
        "account": render_account(tribute.author),
        "created_at": iso(tribute.created_at),
    }


def _render_post(post: ImportedPost) -> dict:
    return {
        "id": str(post.pk),
        "posted_at": iso(post.posted_at),
        "text": post.text,
        "html": post.html,
        "content_warning": post.content_warning,
        "url": post.url,
        "is_reply": post.is_reply,
        "excluded": post.excluded,
        "imported": True,
    }


def _render_import(job: ArchiveImport) -> dict:
    proposal = selectors.last_words_proposal(job) if job.state in ("review", "imported") else None
    return {
        "id": str(job.pk),
        "platform": job.platform,
        "state": job.state,
        "failure": job.failure or None,
        "failure_reason": str(job.get_failure_display()) if job.failure else None,
        "progress": job.progress,
        "posts_read": job.posts_read,
        "posts_kept": job.posts_kept,
        "archive_username": job.archive_username,
        "archive_display_name": job.archive_display_name,
        "other_person": job.other_person,
        "proposal": _render_post(proposal) if proposal else None,
        "created_at": iso(job.created_at),
        "finished_at": iso(job.finished_at),
    }


def _page(qs, page: int, limit: int) -> list:
    """Pages by number: the directory is ordered by death date or name, not by id."""
    return list(qs[(page - 1) * limit : page * limit])


# --- helpers -----------------------------------------------------------------------------------------


def _visible(viewer, key: str) -> tuple[Memorial, Access]:
    return selectors.memorial_get_visible(viewer, key)


def _single(request, key: str):
    memorial, access = _visible(request.auth, key)
    return json_response(render_memorial(memorial, access))


def _editor(viewer, key: str) -> Memorial:
    memorial, access = _visible(viewer, key)
    if not policies.can_edit_memorial(access):
        raise ServiceError(_("Only the owner and editors of this memorial can do this."), status=403)
    return memorial


def _import(viewer, key: str, import_id: str) -> ArchiveImport:
    memorial = _editor(viewer, key)
    pk = object_id(import_id)
    if pk is None:
        raise ServiceError(_("This import does not exist."), status=404)
    return selectors.import_get(memorial, pk)


def _member(username: str):
    try:
        return account_get_by_username(username)
    except ServiceError as exc:
        raise ServiceError(exc.message, status=422, field="username") from exc


# --- the Hereafter and one's own memorials (static paths first) ---------------------------------------


@router.get("/v1/memorials", response={200: list[MemorialOut]}, auth=anyone(READ))
def directory(request, query: Query[HereafterQuery]):
    """The Hereafter: listed memorials with their last words, newest deaths first or A–Z; `page` numbers pages."""
    qs = selectors.memorial_list_directory(order=query.order, year=query.year, language=query.language, query=query.q)
    return json_response([render_memorial(m) for m in _page(qs, query.page, query.limit)])


@router.get("/v1/memorials/mine", response={200: list[MemorialOut]}, auth=member(READ))
def mine(request, query: Query[MemorialPageQuery]):
    qs = selectors.memorial_list_stewarded(request.auth).select_related("last_words")
    return json_response([render_memorial(m) for m in _page(qs, query.page, query.limit)])


class AnniversariesOut(Schema):
    never: bool = Field(description="True: no anniversary notice at all, whatever each memorial says.")


class AnniversariesIn(JsonObject):
    never: Flag


@router.get("/v1/memorials/anniversaries", response={200: AnniversariesOut}, auth=member(READ))
def anniversaries_read(request):
    """The member's own "never remind me of any anniversary" switch."""
    return json_response({"never": selectors.anniversaries_never(request.auth)})


@router.put("/v1/memorials/anniversaries", response={200: AnniversariesOut}, auth=member(WRITE))
def anniversaries_set(request, payload: AnniversariesIn):
    services.anniversaries_opt_out(request.auth, never=payload.never)
    return json_response({"never": selectors.anniversaries_never(request.auth)})


@router.post("/v1/memorials", response={200: MemorialOut}, auth=member(WRITE))
def create(request, payload: MemorialIn):
    """A new memorial, as a draft only its stewards see; the creator is its owner."""
    memorial = services.memorial_create(request.auth, **payload.dict())
    return _single(request, memorial.key)


@router.get("/v1/memorials/{key}", response={200: MemorialOut}, auth=anyone(READ))
def read(request, key: str):
    return _single(request, key)


@router.patch("/v1/memorials/{key}", response={200: MemorialOut}, auth=member(WRITE))
def edit(request, key: str, payload: MemorialEdit):
    memorial, _access = _visible(request.auth, key)
    services.memorial_update(request.auth, memorial, **payload.dict(exclude_unset=True))
    return _single(request, key)


@router.delete("/v1/memorials/{key}", response={200: dict}, auth=member(WRITE))
def delete(request, key: str):
    memorial, _access = _visible(request.auth, key)
    services.memorial_delete(request.auth, memorial)
    return json_response({})


@router.post("/v1/memorials/{key}/state", response={200: MemorialOut}, auth=member(WRITE))
def set_state(request, key: str, payload: MemorialStateIn):
    memorial, _access = _visible(request.auth, key)
    services.memorial_set_state(request.auth, memorial, payload.state)
    return _single(request, key)


# --- last words ---------------------------------------------------------------------------------------


@router.put("/v1/memorials/{key}/last_words", response={200: MemorialOut}, auth=member(WRITE))
def last_words_set(request, key: str, payload: LastWordsIn):
    memorial, _access = _visible(request.auth, key)
    values = payload.dict()
    values["post_id"] = values.pop("status_id")
    services.last_words_set(request.auth, memorial, **values)
    return _single(request, key)


@router.delete("/v1/memorials/{key}/last_words", response={200: MemorialOut}, auth=member(WRITE))
def last_words_clear(request, key: str):
    memorial, _access = _visible(request.auth, key)
    services.last_words_clear(request.auth, memorial)
    return _single(request, key)


# --- stewards -----------------------------------------------------------------------------------------


@router.get("/v1/memorials/{key}/stewards", response={200: list[StewardOut]}, auth=member(READ))
def stewards(request, key: str):
    memorial, access = _visible(request.auth, key)
    if not access.steward:
        raise ServiceError(_("Only the stewards of this memorial can see this."), status=403)
    return json_response(
        [
            {"account": render_account(s.user), "role": s.role, "accepted": s.accepted, "created_at": iso(s.created_at)}
            for s in selectors.stewards_list(memorial)
        ]
    )


@router.post("/v1/memorials/{key}/stewards", response={200: list[StewardOut]}, auth=member(WRITE))
def steward_invite(request, key: str, payload: StewardIn):
    memorial, _access = _visible(request.auth, key)
    services.steward_invite(request.auth, memorial, _member(payload.username), payload.role)
    return stewards(request, key)


@router.post("/v1/memorials/{key}/stewards/accept", response={200: MemorialOut}, auth=member(WRITE))
def steward_accept(request, key: str):
    """An invited member accepts (they may not see a draft before that)."""
    services.steward_accept(request.auth, selectors.memorial_get(key))
    return _single(request, key)


@router.delete("/v1/memorials/{key}/stewards/{username}", response={200: dict}, auth=member(WRITE))
def steward_remove(request, key: str, username: str):
    memorial, _access = _visible(request.auth, key)
    services.steward_remove(request.auth, memorial, _member(username))
    return json_response({})


@router.post("/v1/memorials/{key}/transfer", response={200: MemorialOut}, auth=member(WRITE))
def transfer(request, key: str, payload: MemorialUsernameIn):
    memorial, _access = _visible(request.auth, key)
    services.memorial_transfer(request.auth, memorial, _member(payload.username))
    return _single(request, key)


@router.get("/v1/memorials/{key}/log", response={200: list[StewardLogOut]}, auth=member(READ))
def log(request, key: str, query: Query[MemorialPageQuery]):
    """The stewards' audit log, newest first."""
    memorial, access = _visible(request.auth, key)
    if not policies.can_read_steward_log(access):
        raise ServiceError(_("Only the stewards of this memorial can see this."), status=403)
    entries = _page(selectors.steward_log(memorial), query.page, query.limit)
    return json_response(
        [
            {
                "id": str(e.pk),
                "actor": e.actor_name,
                "action": e.action,
                "detail": e.detail,
                "created_at": iso(e.created_at),
            }
            for e in entries
        ]
    )


# --- tributes, gestures, following -------------------------------------------------------------------


@router.get("/v1/memorials/{key}/tributes", response={200: list[TributeOut]}, auth=anyone(READ))
def tributes(request, key: str, query: Query[MemorialPageQuery]):
    """Approved tributes; the stewards also see those waiting; an author sees their own."""
    memorial, access = _visible(request.auth, key)
    rows = _page(selectors.tributes_visible(request.auth, memorial, access), query.page, query.limit)
    return json_response([_render_tribute(request.auth, t, access) for t in rows])


@router.post("/v1/memorials/{key}/tributes", response={200: TributeOut}, auth=member(WRITE))
def tribute_create(request, key: str, payload: TributeIn):
    memorial, access = _visible(request.auth, key)
    tribute = services.tribute_create(request.auth, memorial, text=payload.text, kind=payload.kind)
    return json_response(_render_tribute(request.auth, tribute, access))


@router.post("/v1/memorials/{key}/tributes/{tribute_id}/moderate", response={200: TributeOut}, auth=member(WRITE))
def tribute_moderate(request, key: str, tribute_id: str, payload: TributeModerateIn):
    memorial, access = _visible(request.auth, key)
    tribute = selectors.tribute_get(memorial, object_id(tribute_id))
    tribute = services.tribute_moderate(request.auth, tribute, state=payload.state, reason=payload.reason)
    return json_response(_render_tribute(request.auth, tribute, access))


@router.delete("/v1/memorials/{key}/tributes/{tribute_id}", response={200: dict}, auth=member(WRITE))
def tribute_delete(request, key: str, tribute_id: str):
    memorial, _access = _visible(request.auth, key)
    services.tribute_delete(request.auth, selectors.tribute_get(memorial, object_id(tribute_id)))
    return json_response({})


@router.post("/v1/memorials/{key}/gestures/{kind}", response={200: MemorialGestureOut}, auth=member(WRITE))
def gesture(request, key: str, kind: str, payload: MemorialGestureIn | None = None):
    """candle, flowers or hug: one of each per person per day (409 the second time)."""
    memorial, _access = _visible(request.auth, key)
    given = services.gesture_give(request.auth, memorial, kind, message=payload.message if payload else "")
    return json_response(
        {
            "kind": given.kind,
            "message": given.message,
            "day": given.day.isoformat(),
            "created_at": iso(given.created_at),
        }
    )


@router.post("/v1/memorials/{key}/follow", response={200: MemorialOut}, auth=member(WRITE))
def follow(request, key: str):
    memorial, _access = _visible(request.auth, key)
    services.memorial_follow(request.auth, memorial)
    return _single(request, key)


@router.post("/v1/memorials/{key}/unfollow", response={200: MemorialOut}, auth=member(WRITE))
def unfollow(request, key: str):
    memorial, _access = _visible(request.auth, key)
    services.memorial_unfollow(request.auth, memorial)
    return _single(request, key)


# --- archive imports ------------------------------------------------------------------------------------


@router.get("/v1/memorials/{key}/posts", response={200: list[ImportedPostOut]}, auth=anyone(READ))
def imported_posts(request, key: str, query: Query[MemorialPageQuery]):
    """The person's posts kept from other platforms (confirmed imports), with their original dates."""
    memorial, _access = _visible(request.auth, key)
    return json_response(
        [_render_post(p) for p in _page(selectors.imported_posts_shown(memorial), query.page, query.limit)]
    )


@router.get("/v1/memorials/{key}/imports", response={200: list[ImportOut]}, auth=member(READ))
def imports(request, key: str):
    memorial = _editor(request.auth, key)
    return json_response([_render_import(job) for job in selectors.imports_list(memorial)])


@router.post(
    "/v1/memorials/{key}/imports",
    response={200: ImportOut},
    auth=member(WRITE),
    openapi_extra={"description": "Multipart with the zip as `file`: an X (Twitter) archive or a Mastodon export."},
)
def import_upload(request, key: str, file: File[UploadedFile]):
    memorial = _editor(request.auth, key)
    job = services.archive_import_upload(request.auth, memorial, file)
    job.refresh_from_db()
    return json_response(_render_import(job))


@router.get("/v1/memorials/{key}/imports/{import_id}", response={200: ImportOut}, auth=member(READ))
def import_read(request, key: str, import_id: str):
    """Poll this for the progress (percent, posts read, posts kept) and, once read, the proposal."""
    return json_response(_render_import(_import(request.auth, key, import_id)))


@router.get("/v1/memorials/{key}/imports/{import_id}/posts", response={200: list[ImportedPostOut]}, auth=member(READ))
def import_posts(request, key: str, import_id: str, query: Query[MemorialPageQuery]):
    job = _import(request.auth, key, import_id)
    return json_response([_render_post(p) for p in _page(selectors.import_posts(job), query.page, query.limit)])


@router.post("/v1/memorials/{key}/imports/{import_id}/exclude", response={200: ImportOut}, auth=member(WRITE))
def import_exclude(request, key: str, import_id: str, payload: ImportExcludeIn):
    job = _import(request.auth, key, import_id)
    services.archive_import_exclude(request.auth, job, payload.ids, excluded=payload.excluded)
    return json_response(_render_import(job))


@router.post("/v1/memorials/{key}/imports/{import_id}/confirm", response={200: ImportOut}, auth=member(WRITE))
def import_confirm(request, key: str, import_id: str):
    job = services.archive_import_confirm(request.auth, _import(request.auth, key, import_id))
    return json_response(_render_import(job))


@router.post("/v1/memorials/{key}/imports/{import_id}/last_words", response={200: MemorialOut}, auth=member(WRITE))
def import_last_words(request, key: str, import_id: str, payload: ImportLastWordsIn):
    job = _import(request.auth, key, import_id)
    post = selectors.imported_post_get(job.memorial, object_id(payload.post_id))
    if post.archive_import_id != job.pk:
        raise ServiceError(_("This post does not exist."), status=404)
    services.last_words_from_import(
        request.auth, post, consent=payload.consent, content_warning=payload.content_warning
    )
    return _single(request, key)


@router.delete("/v1/memorials/{key}/imports/{import_id}", response={200: dict}, auth=member(WRITE))
def import_discard(request, key: str, import_id: str):
    services.archive_import_discard(request.auth, _import(request.auth, key, import_id))
    return json_response({})

"""Hashtags and trends, as Mastodon: /v1/tags/{name} (with follow/unfollow), /v1/followed_tags,
/v1/featured_tags (and suggestions), /v1/accounts/{id}/featured_tags, /v1/trends/tags.

Every rule lives in reconfort.hashtags (writes) and reconfort.trends (reads that need posts, trends that a
moderator approved), the same calls as the pages."""

from __future__ import annotations

from typing import Annotated

from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints, WithJsonSchema

from reconfort.accounts import selectors as account_selectors
from reconfort.core.errors import NotFound
from reconfort.core.pagination import paginate_by_id
from reconfort.hashtags import selectors as tag_selectors
from reconfort.hashtags import services as tag_services
from reconfort.hashtags.models import FeaturedTag as FeaturedTagModel
from reconfort.hashtags.models import Tag as TagModel
from reconfort.trends import selectors as trend_selectors

from .. import links
from ..auth import anyone, member
from ..entities.tag import Tag
from ..parsing import JsonObject, object_id
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["tags"])
# A hashtag is Unicode letters, digits and underscores with at least one letter (hashtags.services.tag_name_clean,
# which refuses the rest with a message saying why). No pattern in the document: OpenAPI's are ECMA-262 regular
# expressions, where \w means ASCII only. The length counts what was sent (spaces and '#' too), as maxLength does.
Hashtag = Annotated[
    str,
    StringConstraints(max_length=100),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": 100,
            "description": "Letters, digits and underscores, with at least one letter; '#' in front is optional.",
        }
    ),
]


class FeaturedTag(Schema):
    id: str
    name: str
    url: str
    statuses_count: int = Field(description="The member's public posts with this hashtag.")
    last_status_at: str | None = Field(description="The day of the last one (ISO 8601 date).")


class FeaturedTagIn(JsonObject):
    name: Hashtag = Field(description="The hashtag, with or without '#'.")


class TrendsQuery(Schema):
    language: str | None = Field(None, max_length=8, description="Defaults to the member's language; all if none.")
    limit: int = Field(10, ge=1, le=20)
    offset: int = Field(0, ge=0, le=1000)


def render_tags(viewer, tags: list[TagModel]) -> list[dict]:
    """Tags with their week of history and whether the viewer follows them: two queries for the whole list."""
    history = trend_selectors.tag_history([t.pk for t in tags])
    followed = tag_selectors.tag_followed_ids(viewer, tags)
    return [
        {
            "id": str(t.pk),
            "name": t.name,
            "url": links.tag_url(t.name),
            "history": [
                {"day": d["day"], "uses": str(d["uses"]), "accounts": str(d["accounts"])} for d in history[t.pk]
            ],
            "following": t.pk in followed if viewer.is_authenticated else None,
        }
        for t in tags
    ]


def render_featured(featured: list[FeaturedTagModel]) -> list[dict]:
    stats = trend_selectors.featured_tag_stats(featured)
    out = []
    for f in featured:
        count, last = stats[f.pk]
        out.append(
            {
                "id": str(f.pk),
                "name": f.tag.name,
                "url": links.tag_url(f.tag.name),
                "statuses_count": count,
                "last_status_at": last.date().isoformat() if last else None,
            }
        )
    return out


def _tag(name: str) -> TagModel:
    found = tag_selectors.tag_get(name)
    if found is None:
        raise NotFound(_("Nobody used this hashtag yet."))
    return found


# --- tags ---------------------------------------------------------------------------------------------


@router.get("/v1/tags/{name}", response={200: Tag}, auth=anyone("read:statuses"))
def tag(request, name: str):
    """A hashtag with its use over the last week; 404 when nobody used it yet."""
    return json_response(render_tags(request.auth, [_tag(name)])[0])


@router.post("/v1/tags/{name}/follow", response={200: Tag}, auth=member("write:follows"))
def follow(request, name: Hashtag):
    """Follow a hashtag: its public posts come into the home timeline (safe to repeat)."""
    found = tag_services.tag_follow(request.auth, name)
    return json_response(render_tags(request.auth, [found])[0])


@router.post("/v1/tags/{name}/unfollow", response={200: Tag}, auth=member("write:follows"))
def unfollow(request, name: Hashtag):
    found = tag_services.tag_unfollow(request.auth, name)
    return json_response(render_tags(request.auth, [found])[0])


@router.get("/v1/followed_tags", response={200: list[Tag]}, auth=member("read:follows"))
def followed_tags(request, paging: Query[PageQuery]):
    """The hashtags the member follows, newest follow first; paginated with the Link header."""
    follows = paginate_by_id(tag_selectors.tag_follows_of(request.auth), paging.page(default=100, maximum=200))
    return paginated(request, follows, render_tags(request.auth, [f.tag for f in follows]))


# --- featured tags ------------------------------------------------------------------------------------


@router.get("/v1/featured_tags", response={200: list[FeaturedTag]}, auth=member("read:accounts"))
def featured_tags(request):
    return json_response(render_featured(tag_selectors.featured_tags_of(request.auth)))


@router.post("/v1/featured_tags", response={200: FeaturedTag}, auth=member("write:accounts"))
def featured_tag_add(request, payload: FeaturedTagIn):
    """Feature a hashtag on one's profile (at most RECONFORT_FEATURED_TAGS_MAX; 422 beyond)."""
    featured = tag_services.featured_tag_add(request.auth, payload.name)
    return json_response(render_featured([featured])[0])


@router.get("/v1/featured_tags/suggestions", response={200: list[Tag]}, auth=member("read:accounts"))
def featured_tag_suggestions(request):
    """The hashtags the member uses most in recent posts and has not featured yet."""
    return json_response(render_tags(request.auth, trend_selectors.featured_tag_suggestions(request.auth)))


@router.delete("/v1/featured_tags/{featured_id}", response={200: dict}, auth=member("write:accounts"))
def featured_tag_remove(request, featured_id: str):
    pk = object_id(featured_id)
    if pk is None:
        raise NotFound(_("This featured hashtag does not exist."))
    tag_services.featured_tag_remove(request.auth, pk)
    return json_response({})


@router.get("/v1/accounts/{account_id}/featured_tags", response={200: list[FeaturedTag]}, auth=anyone("read:accounts"))
def account_featured_tags(request, account_id: str):
    """The hashtags a member features on their profile (as on the profile page)."""
    pk = object_id(account_id)
    if pk is None:
        raise NotFound(_("This account does not exist."))
    account = account_selectors.account_get(pk)
    if account_selectors.is_blocked_either_way(request.auth, account):
        raise NotFound(_("This account does not exist."))
    return json_response(render_featured(tag_selectors.featured_tags_of(account)))


# --- trends -------------------------------------------------------------------------------------------


@router.get("/v1/trends/tags", response={200: list[Tag]}, auth=anyone("read:statuses"))
def trends_tags(request, query: Query[TrendsQuery]):
    """Hashtags many different people started using in the last hours, each approved by a moderator. In the
    `language` asked for, else the member's language, else every language."""
    language = query.language
    if language is None:
        language = request.auth.language if request.auth.is_authenticated else ""
    found = trend_selectors.trends_list(language, limit=query.limit, offset=query.offset)
    return json_response(render_tags(request.auth, [t.tag for t in found]))

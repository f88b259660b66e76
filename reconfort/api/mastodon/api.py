"""The one NinjaAPI: Mastodon-compatible endpoints (and our own extensions), mounted at /api/."""

from __future__ import annotations

from . import errors
from .endpoints import (
    accounts,
    appeals,
    apps,
    bench,
    circles,
    comfort,
    comfort_guard,
    comfort_safety,
    crisis,
    instance,
    kindred,
    media,
    memorials,
    notifications,
    reactions,
    reports,
    search,
    statuses,
    tags,
    timelines,
)
from .openapi import DocumentedAPI
from .parsing import MastodonParser

api = DocumentedAPI(
    title="Réconfort API",
    version="1",
    description="Mastodon-compatible client API of Réconfort, with Pleroma emoji reactions for gestures of comfort.",
    urls_namespace="api",
    parser=MastodonParser(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.register(api)

# Order matters where paths overlap: /v1/accounts/search must come before /v1/accounts/{id}.
for module in (apps, instance, search, accounts, statuses, reactions, media, timelines, notifications, reports, bench):
    api.add_router("/", module.router)
api.add_router("/", appeals.router)  # our extension: /v1/appeals…
api.add_router("/", memorials.router)  # our extension: /v1/memorials…
# Comfort of strangers (issue 6): /v1/comfort… (queue, guard, safety net, circles, kindred spirits).
for module in (comfort, comfort_guard, comfort_safety, circles, kindred):
    api.add_router("/", module.router)
# Hashtags, trends and crises (issue 7): /v1/tags…, /v1/followed_tags, /v1/featured_tags, /v1/trends…, /v1/crises…
for module in (tags, crisis):
    api.add_router("/", module.router)

"""Notifications (with Mastodon's types and Pleroma's emoji reactions) and reading markers."""

from __future__ import annotations

from typing import Annotated

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import WithJsonSchema

from reconfort.core.errors import NotFound, ServiceError
from reconfort.core.pagination import paginate_by_id
from reconfort.notifications import selectors, services
from reconfort.notifications.models import Marker as MarkerModel
from reconfort.notifications.models import NotificationType
from reconfort.posts.models import GestureKind

from ..auth import member
from ..entities.common import iso
from ..entities.notification import (
    EMOJI_REACTION,
    MASTODON_TYPES,
    UNMAPPED_TYPES,
    Notification,
    render_notifications,
)
from ..parsing import MAX_ID, JsonObject, Whole, object_id
from ..responses import PageQuery, json_response, paginated

router = Router(tags=["notifications"])


def _filter_types(queryset, mastodon_types: list[str], *, exclude: bool):
    """Mastodon types to our rows: "mention" is mention + reply, "favourite" the ❤️ gesture, and so on."""
    condition = Q(pk__in=[])
    for name in mastodon_types:
        if name == "mention":
            condition |= Q(type__in=[NotificationType.MENTION, NotificationType.REPLY])
        elif name == "favourite":
            condition |= Q(type=NotificationType.GESTURE, gesture_kind=GestureKind.HEART)
        elif name == EMOJI_REACTION:
            condition |= Q(type=NotificationType.GESTURE) & ~Q(gesture_kind=GestureKind.HEART)
        elif name == "update":
            condition |= Q(type=NotificationType.APPEAL_CLOSED)
        elif name in (NotificationType.REBLOG, NotificationType.FOLLOW, NotificationType.FOLLOW_REQUEST):
            condition |= Q(type=name)
    return queryset.exclude(condition) if exclude else queryset.filter(condition)


@router.get("/v1/notifications", response={200: list[Notification]}, auth=member("read:notifications"))
def notifications(
    request,
    paging: Query[PageQuery],
    types: Query[list[str]] = None,
    exclude_types: Query[list[str]] = None,
    account_id: str | None = None,
):
    page = paging.page(default=40, maximum=80)
    qs = selectors.notifications_for(request.auth, exclude_types=list(UNMAPPED_TYPES))
    if types:
        qs = _filter_types(qs, [t for t in types if t in MASTODON_TYPES], exclude=False)
    if exclude_types:
        qs = _filter_types(qs, exclude_types, exclude=True)
    if account_id:
        qs = qs.filter(actor_id=object_id(account_id) or 0)
    rows = paginate_by_id(qs, page)
    return paginated(request, rows, render_notifications(request.auth, rows))


@router.get("/v1/notifications/unread_count", response={200: dict}, auth=member("read:notifications"))
def unread_count(request):
    return json_response({"count": selectors.unread_count(request.auth)})


@router.post("/v1/notifications/clear", response={200: dict}, auth=member("write:notifications"))
def clear(request):
    services.notifications_clear(request.auth)
    return json_response({})


@router.get("/v1/notifications/{notification_id}", response={200: Notification}, auth=member("read:notifications"))
def notification_detail(request, notification_id: str):
    pk = object_id(notification_id)
    row = selectors.notifications_for(request.auth, exclude_types=list(UNMAPPED_TYPES)).filter(pk=pk or 0).first()
    if row is None:
        raise NotFound(_("This notification does not exist."))
    return json_response(render_notifications(request.auth, [row])[0])


@router.post("/v1/notifications/{notification_id}/dismiss", response={200: dict}, auth=member("write:notifications"))
def dismiss(request, notification_id: str):
    pk = object_id(notification_id)
    if pk is None:
        raise NotFound(_("This notification does not exist."))
    try:
        services.notification_dismiss(request.auth, pk)
    except NotFound as exc:
        raise NotFound(_("This notification does not exist.")) from exc
    return json_response({})


# --- Markers -----------------------------------------------------------------------------------


class MarkerOut(Schema):
    last_read_id: str
    version: int
    updated_at: str


# As object_id reads them: a positive id, as text (blank: leave the marker) or as a JSON number.
MarkerIdText = Annotated[str, WithJsonSchema({"type": "string", "pattern": r"^(\s*0*[1-9][0-9]{0,17}\s*)?$"})]
MarkerIdNumber = Annotated[Whole, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_ID})]


class MarkerIn(JsonObject):
    last_read_id: MarkerIdText | MarkerIdNumber | None = None


class MarkersIn(JsonObject):
    home: MarkerIn | None = None
    notifications: MarkerIn | None = None


def _render_markers(markers) -> dict:
    return {
        m.timeline: {"last_read_id": str(m.last_read_id), "version": m.version, "updated_at": iso(m.updated_at)}
        for m in markers
    }


@router.get("/v1/markers", response={200: dict[str, MarkerOut]}, auth=member("read:statuses"))
def markers(request, timeline: Query[list[str]] = None):
    wanted = [t for t in (timeline or []) if t in MarkerModel.Timeline.values] or list(MarkerModel.Timeline.values)
    return json_response(_render_markers(selectors.markers_get(request.auth, wanted)))


@router.post("/v1/markers", response={200: dict[str, MarkerOut]}, auth=member("write:statuses"))
def set_markers(request, payload: MarkersIn):
    saved = []
    for name in MarkerModel.Timeline.values:
        marker = getattr(payload, name)
        if marker is None or marker.last_read_id in (None, ""):
            continue
        last = object_id(marker.last_read_id)
        if last is None:
            raise ServiceError(_("Invalid value for “%(field)s”.") % {"field": f"{name}.last_read_id"})
        saved.append(services.marker_set(request.auth, name, last))
    return json_response(_render_markers(saved))

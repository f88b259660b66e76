"""The notifications page. Visiting it marks what is shown as read (the header's count goes quiet)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from reconfort.accounts.selectors import follow_requests_list
from reconfort.core.pagination import PageParams, paginate_by_id

from . import selectors, services
from .models import SYSTEM_TYPES, Marker

PAGE_SIZE = 30


@login_required
def notification_list(request):
    try:
        page = PageParams.parse(max_id=request.GET.get("max_id"), default=PAGE_SIZE, maximum=PAGE_SIZE)
    except ValueError as exc:
        raise BadRequest(_("This page number is not valid.")) from exc
    items = paginate_by_id(selectors.notifications_for(request.user), page)
    markers = selectors.markers_get(request.user, [Marker.Timeline.NOTIFICATIONS])
    last_read = markers[0].last_read_id if markers else 0
    if page.max_id is None and items and items[0].pk > last_read:
        services.marker_set(request.user, Marker.Timeline.NOTIFICATIONS, items[0].pk)
    context = {
        "items": items,
        "last_read": last_read,
        "waiting": set(follow_requests_list(request.user).values_list("id", flat=True)),
        "system_types": SYSTEM_TYPES,
        "nav": "notifications",
    }
    if len(items) == page.limit:
        context["more_url"] = f"{request.path}?{urlencode({'max_id': items[-1].pk})}"
    return TemplateResponse(request, "notifications/list.html", context)

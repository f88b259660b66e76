"""Instance information, and the lists clients ask for that Réconfort keeps empty (custom emoji, filters)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from ninja import Router

from reconfort.accounts.models import User
from reconfort.moderation.selectors import rules_list
from reconfort.posts.models import Post

from ..auth import anyone
from ..entities.instance import InstanceV1, InstanceV2, render_instance_v1, render_instance_v2
from ..responses import json_response

router = Router(tags=["instance"])


@router.get("/v1/instance", response={200: InstanceV1}, auth=None)
def instance_v1(request):
    return json_response(
        render_instance_v1(
            user_count=User.objects.filter(is_active=True).count(),
            status_count=Post.objects.filter(reblog_of__isnull=True).count(),
            rules=rules_list(),
        )
    )


@router.get("/v2/instance", response={200: InstanceV2}, auth=None)
def instance_v2(request):
    month_ago = timezone.now() - timedelta(days=28)
    active = User.objects.filter(is_active=True, last_status_at__gte=month_ago).count()
    return json_response(render_instance_v2(active_month=active, rules=rules_list()))


@router.get("/v1/custom_emojis", response={200: list[dict]}, auth=None)
def custom_emojis(request):
    return json_response([])


@router.get("/v1/filters", response={200: list[dict]}, auth=anyone())
def filters_v1(request):
    return json_response([])


@router.get("/v2/filters", response={200: list[dict]}, auth=anyone())
def filters_v2(request):
    return json_response([])

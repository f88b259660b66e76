"""Reads of a member's own exports and deletion request (nobody else's)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from reconfort.core.errors import NotFound

from .models import AccountDeletion, Export

EXPORTS_SHOWN = 5


def exports_list(user) -> list[Export]:
    return list(Export.objects.filter(user=user).order_by("-created_at", "-id")[:EXPORTS_SHOWN])


def export_get(user, export_id) -> Export:
    try:
        return Export.objects.get(pk=int(export_id), user=user)
    except (Export.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("There is no such archive.")) from exc


def deletion_of(user) -> AccountDeletion | None:
    return AccountDeletion.objects.filter(user=user).first()

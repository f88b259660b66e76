"""Times as pages say them: recent ones as "2 hours ago", older ones as a date, in the active (member's) time zone."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format


def friendly_time(value) -> str:
    if not value:
        return ""
    now = timezone.now()
    if now - value < timedelta(hours=22):
        return naturaltime(value)
    local = timezone.localtime(value)
    if local.year == timezone.localtime(now).year:
        return date_format(local, get_format("MONTH_DAY_FORMAT"))
    return date_format(local, get_format("DATE_FORMAT"))


def full_time(value) -> str:
    return date_format(timezone.localtime(value), get_format("DATETIME_FORMAT")) if value else ""

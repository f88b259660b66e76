"""Showing a date only as precisely as it is known; the words of an anniversary notice."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from reconfort.memorials import policies, selectors
from reconfort.memorials.models import AnniversaryReminder

register = template.Library()

FORMATS = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}


@register.filter
def known_date(value, precision: str = "day") -> str:
    if not value:
        return ""
    return date_format(value, FORMATS.get(precision, "DATE_FORMAT"))


@register.simple_tag
def anniversary_notice(notification) -> str:
    """The words of a memorial anniversary notice (notifications page): whose day it is, and a link, only while
    the person may still see the memorial."""
    reminder = (
        AnniversaryReminder.objects.filter(memorial_id=notification.subject_id, user_id=notification.recipient_id)
        .select_related("memorial")
        .order_by("-id")
        .first()
    )
    if reminder is None:
        return _("A memorial you follow marks an anniversary today.")
    memorial = reminder.memorial
    if not policies.can_view_memorial(selectors.access_for(notification.recipient, memorial), memorial):
        return _("A memorial you follow marks an anniversary today.")
    if reminder.kind == AnniversaryReminder.Kind.BIRTH:
        text = _("%(name)s was born on this day, in %(year)s. A thought for them, and for those who love them.")
        year = memorial.birth_date.year
    else:
        text = _("%(name)s died on this day, in %(year)s. Thinking of them, and of you.")
        year = memorial.death_date.year
    link = format_html('<a href="{}">{}</a>', reverse("memorials:detail", args=[memorial.key]), memorial.full_name)
    return mark_safe(conditional_escape(text) % {"name": link, "year": year})  # noqa: S308 - text escaped, link built by format_html

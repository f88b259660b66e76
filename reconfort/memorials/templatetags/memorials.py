"""Showing a date only as precisely as it is known."""

from django import template
from django.utils.formats import date_format

register = template.Library()

FORMATS = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}


@register.filter
def known_date(value, precision: str = "day") -> str:
    if not value:
        return ""
    return date_format(value, FORMATS.get(precision, "DATE_FORMAT"))

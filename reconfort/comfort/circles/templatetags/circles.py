"""The words of the circle notifications (notifications page): who asks to join which circle; a welcome."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..models import Circle

register = template.Library()


@register.simple_tag
def circle_notice(notification) -> str:
    circle = Circle.objects.filter(pk=notification.subject_id).only("slug", "name").first()
    if circle is None:
        return _("A circle you were part of is no longer here.")
    if notification.type == "circle_request":
        text = _("%(name)s would like to join the circle %(circle)s.")
        link = format_html('<a href="{}">{}</a>', reverse("circles:moderation", args=[circle.slug]), circle.name)
    else:
        text = _("Welcome to the circle %(circle)s: your request was accepted.")
        link = format_html('<a href="{}">{}</a>', reverse("circles:detail", args=[circle.slug]), circle.name)
    name = conditional_escape(notification.actor.name)
    return mark_safe(conditional_escape(text) % {"name": name, "circle": link})  # noqa: S308 - escaped parts

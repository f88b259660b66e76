"""The words of a call-out notification (notifications page): someone waits for comfort in a language. Nothing
else: not who, not what they wrote."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import selectors

register = template.Library()

# A whole sentence per language, so each translates naturally (« en français », « in French »).
WAITING = {
    "fr": gettext_lazy("Someone is waiting for comfort in French."),
    "en": gettext_lazy("Someone is waiting for comfort in English."),
}


@register.simple_tag
def comfort_call_notice(notification) -> str:
    call = selectors.call_get(notification.recipient_id, notification.subject_id)
    sentence = WAITING.get(call.language if call else "", gettext_lazy("Someone is waiting for comfort."))
    return format_html(
        '<span aria-hidden="true">🕯</span> {} <a href="{}">{}</a>',
        sentence,
        reverse("comfort:queue"),
        _("Open the comfort queue"),
    )

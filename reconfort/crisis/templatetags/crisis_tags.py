"""How the crisis notifications read (invitation, a check-in, "are you safe?"), for the notifications page."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..models import CheckIn, Crisis

register = template.Library()


@register.simple_tag
def crisis_notice(n) -> str:
    crisis = Crisis.objects.filter(pk=n.subject_id).only("slug", "name").first()
    if crisis is None:
        return ""
    url = reverse("crisis:detail", args=[crisis.slug])
    link = format_html('<a href="{}#safety">{}</a>', url, crisis.name)
    if n.type == "crisis_invite":
        return format_html(
            "🕊️ "
            + _(
                "{crisis}: something serious is happening near you. Would you like to tell the people who "
                "follow you that you are safe?"
            ),
            crisis=link,
        )
    if n.type == "safety_question":
        return format_html("🕊️ " + _("{name} asks if you are safe ({crisis})."), name=n.actor.name, crisis=link)
    if n.actor_id != n.recipient_id:
        marked = CheckIn.objects.filter(crisis=crisis, account_id=n.recipient_id, marked_by_id=n.actor_id).first()
        if marked is not None:
            if marked.status == CheckIn.Status.SAFE:
                text = _("{name} marked you safe ({crisis}).")
            else:
                text = _("{name} said for you that you need help ({crisis}).")
            return format_html("🕊️ " + text, name=n.actor.name, crisis=link)
    checkin = CheckIn.objects.filter(crisis=crisis, account_id=n.actor_id).first()
    if checkin is None:
        return ""
    messages = {
        CheckIn.Status.SAFE: _("{name} is safe ({crisis})."),
        CheckIn.Status.NEED_HELP: _("{name} needs help ({crisis})."),
        CheckIn.Status.NOT_THERE: _("{name} is not in the area ({crisis})."),
    }
    return format_html("🕊️ " + messages[checkin.status], name=n.actor.name, crisis=link)

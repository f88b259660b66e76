"""The post that carries an appeal into timelines: a readable text with a link, rewritten when the status changes,
so every reshare (and every Mastodon client) shows where the appeal stands."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from reconfort.posts import services as post_services
from reconfort.posts.models import Kind as PostKind
from reconfort.posts.models import Visibility

from .models import Appeal, AppealKind, Audience, Status

KIND_EMOJI = {
    AppealKind.BLOOD: "🩸",
    AppealKind.MISSING_PERSON: "🔎",
    AppealKind.MISSING_PET: "🐾",
    AppealKind.PRAYER: "🙏",
    AppealKind.HELP: "🤝",
}
CHILD_LINE = "116 000"


def absolute_url(path: str) -> str:
    scheme = "https" if getattr(settings, "RECONFORT_HTTPS", False) else "http"
    return f"{scheme}://{settings.RECONFORT_DOMAIN}{path}"


def appeal_url(appeal: Appeal) -> str:
    return absolute_url(reverse("appeals:detail", args=[appeal.pk]))


def _status_line(appeal: Appeal) -> str:
    if appeal.status == Status.RESOLVED:
        return "✅ " + _("Update: %(resolution)s.") % {"resolution": appeal.get_resolution_display()}
    if appeal.status == Status.EXPIRED:
        return "⌛ " + _("This appeal has expired.")
    if appeal.status == Status.WITHDRAWN:
        return _("This appeal has been withdrawn.")
    return ""


def post_text(appeal: Appeal) -> str:
    """In the owner's language: status (when closed), kind and title, place, the 116 000 line, the link."""
    with translation.override(appeal.owner.language or settings.LANGUAGE_CODE):
        lines = []
        status = _status_line(appeal)
        if status:
            lines.append(status)
        lines.append(f"{KIND_EMOJI[appeal.kind]} {appeal.get_kind_display()} — {appeal.title}")
        if appeal.place_name:
            lines.append("📍 " + appeal.place_name)
        if appeal.is_child and appeal.is_open:
            lines.append(_("Seen this child? Call the police or %(line)s.") % {"line": CHILD_LINE})
        lines.append(appeal_url(appeal))
        return "\n".join(lines)


def announce(appeal: Appeal) -> None:
    """Publish the appeal's post (once it may be public)."""
    if appeal.post_id:
        return
    visibility = Visibility.PUBLIC if appeal.audience == Audience.PUBLIC else Visibility.PRIVATE
    appeal.post = post_services.post_create(
        appeal.owner,
        text=post_text(appeal),
        kind=PostKind.APPEAL,
        visibility=visibility,
        language=appeal.owner.language,
    )
    Appeal.objects.filter(pk=appeal.pk).update(post=appeal.post)


def refresh(appeal: Appeal) -> None:
    """Rewrite the post after a change of status or of what it says."""
    if appeal.post_id is None:
        return
    text = post_text(appeal)
    if appeal.post.text != text:
        post_services.post_edit(appeal.owner, appeal.post, text=text)

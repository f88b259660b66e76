"""Writing a memorial page: create, edit, photo, life-cycle, last words, cause of death, disputes."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.core.images import clean_image
from reconfort.core.text import plain_excerpt, render_markdown
from reconfort.posts.models import Kind as PostKind
from reconfort.posts.models import Post
from reconfort.posts.selectors import can_view as can_view_post
from reconfort.posts.services import LANGUAGE_CODES, post_create

from .. import policies, selectors
from ..models import CauseOfDeath, DatePrecision, LastWords, Memorial, Steward
from ._common import log, require_editor, require_owner, visible_access

MAX_STORY = 20000
# Words that mean the death was a suicide, whatever box was ticked: such a cause is never shown.
SUICIDE_WORDS = re.compile(
    r"suicid|took (?:his|her|their|own) (?:own )?life|killed (?:himself|herself|themselv)|"
    r"mis fin à ses jours|donné la mort|s'est tué|s’est tué|autolyse",
    re.IGNORECASE,
)

EDITABLE = {
    "full_name",
    "birth_date",
    "birth_precision",
    "death_date",
    "death_precision",
    "place",
    "life_story",
    "languages",
    "in_lieu_of_flowers_url",
    "visibility",
    "listed",
    "indexable",
    "tribute_access",
    "tributes_locked",
    "tributes_premoderated",
    "anniversaries_enabled",
}


def _parse_date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ServiceError(_("Enter a date as YYYY-MM-DD."), field=field, code="invalid_date") from exc


def _with_precision(value: date | None, precision: str, field: str) -> date | None:
    if precision not in DatePrecision.values:
        raise ServiceError(_("Choose day, month or year."), field=field, code="invalid_precision")
    if value is None:
        return None
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    return value


def _url(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as exc:
        raise ServiceError(_("Enter a web address starting with https://"), field=field, code="invalid_url") from exc
    if len(value) > 500:
        raise ServiceError(_("This web address is too long."), field=field, code="too_long")
    return value


def _apply_fields(memorial: Memorial, fields: dict) -> dict:
    """Validate and set the given fields; return what changed (for the steward log)."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ServiceError(_("Unknown field."), field=sorted(unknown)[0], code="unknown_field")
    changed = {}
    if "full_name" in fields:
        name = " ".join((fields["full_name"] or "").split())
        if not name:
            raise ServiceError(_("Write the person's name."), field="full_name", code="empty")
        if len(name) > 200:
            raise ServiceError(_("The name has 200 characters at most."), field="full_name", code="too_long")
        memorial.full_name, memorial.sort_name = name, selectors.sort_key(name)
    for which in ("birth", "death"):
        if f"{which}_date" in fields or f"{which}_precision" in fields:
            precision = fields.get(f"{which}_precision") or getattr(memorial, f"{which}_precision")
            raw = fields[f"{which}_date"] if f"{which}_date" in fields else getattr(memorial, f"{which}_date")
            value = _with_precision(_parse_date(raw, f"{which}_date"), precision, f"{which}_precision")
            setattr(memorial, f"{which}_date", value)
            setattr(memorial, f"{which}_precision", precision)
    today = timezone.localdate()
    if memorial.death_date and memorial.death_date > today:
        raise ServiceError(_("The date of death cannot be in the future."), field="death_date", code="future")
    if memorial.birth_date and memorial.birth_date > today:
        raise ServiceError(_("The date of birth cannot be in the future."), field="birth_date", code="future")
    if memorial.birth_date and memorial.death_date and memorial.birth_date > memorial.death_date:
        raise ServiceError(_("The date of birth comes after the date of death."), field="birth_date", code="order")
    if "place" in fields:
        place = (fields["place"] or "").strip()
        if len(place) > 200:
            raise ServiceError(_("The place has 200 characters at most."), field="place", code="too_long")
        memorial.place = place
    if "life_story" in fields:
        story = (fields["life_story"] or "").strip()
        if len(story) > MAX_STORY:
            raise ServiceError(_("The life story has 20,000 characters at most."), field="life_story", code="too_long")
        memorial.life_story, memorial.life_story_html = story, render_markdown(story) if story else ""
    if "languages" in fields:
        langs = fields["languages"] or []
        if isinstance(langs, str):
            langs = [lang for lang in re.split(r"[,\s]+", langs) if lang]
        langs = list(dict.fromkeys(str(lang).strip().lower() for lang in langs))
        if any(lang not in LANGUAGE_CODES for lang in langs) or len(langs) > 10:
            raise ServiceError(_("Unknown language."), field="languages", code="invalid_language")
        memorial.languages = langs
    if "in_lieu_of_flowers_url" in fields:
        memorial.in_lieu_of_flowers_url = _url(fields["in_lieu_of_flowers_url"], "in_lieu_of_flowers_url")
    if "visibility" in fields:
        if fields["visibility"] not in Memorial.Visibility.values:
            raise ServiceError(_("Unknown visibility."), field="visibility", code="invalid_visibility")
        memorial.visibility = fields["visibility"]
    if "tribute_access" in fields:
        if fields["tribute_access"] not in Memorial.TributeAccess.values:
            raise ServiceError(_("Choose who may write tributes."), field="tribute_access", code="invalid_choice")
        memorial.tribute_access = fields["tribute_access"]
    for flag in ("listed", "indexable", "tributes_locked", "tributes_premoderated", "anniversaries_enabled"):
        if flag in fields:
            setattr(memorial, flag, bool(fields[flag]))
    for name in fields:
        changed[name] = getattr(memorial, name) if name != "life_story" else "…"
    return changed


def memorial_create(actor, **fields) -> Memorial:
    """A new memorial, as a draft only its stewards see; the creator is its owner."""
    if not actor.is_authenticated:
        raise Forbidden(_("Sign in to create a memorial."), code="not_authenticated")
    fields.setdefault("full_name", "")
    ratelimit.hit_account("post", actor)
    memorial = Memorial(created_by=actor)
    _apply_fields(memorial, fields)
    with transaction.atomic():
        memorial.save()
        Steward.objects.create(memorial=memorial, user=actor, role=Steward.Role.OWNER, accepted=True)
        log(memorial, actor, "memorial.create", full_name=memorial.full_name)
    return memorial


@transaction.atomic
def memorial_update(actor, memorial: Memorial, **fields) -> Memorial:
    require_editor(actor, memorial)
    changed = _apply_fields(memorial, fields)
    memorial.save()
    if changed:
        log(memorial, actor, "memorial.update", **{k: v for k, v in changed.items()})
    return memorial


@transaction.atomic
def memorial_link_account(actor, memorial: Memorial, account) -> Memorial:
    """Say that this memorial is about a member whose account is memorialised (never a living member's: only a
    memorialisation reviewed by a moderator says someone died). Its legacy contact then moderates the tributes."""
    require_owner(actor, memorial)
    if account is not None and not selectors.is_memorialised(account):
        raise ServiceError(
            _("Only a memorialised account can be linked to a memorial."), field="account", code="not_memorialised"
        )
    memorial.subject_account = account
    memorial.save(update_fields=["subject_account", "updated_at"])
    log(memorial, actor, "memorial.link_account", account=account.username if account else "")
    return memorial


@transaction.atomic
def memorial_set_photo(actor, memorial: Memorial, upload) -> Memorial:
    require_editor(actor, memorial)
    if upload is None:
        if memorial.photo:
            memorial.photo.storage.delete(memorial.photo.name)
        memorial.photo = ""
    else:
        try:
            cleaned = clean_image(upload, max_side=800)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], field="photo", code="invalid_image") from exc
        old = memorial.photo.name if memorial.photo else None
        memorial.photo.save(cleaned.name, cleaned, save=False)
        if old:
            memorial.photo.storage.delete(old)
    memorial.save(update_fields=["photo", "updated_at"])
    log(memorial, actor, "memorial.photo", removed=upload is None)
    return memorial


@transaction.atomic
def memorial_set_state(actor, memorial: Memorial, state: str) -> Memorial:
    """draft → published → archived (and back: archived → published, published → draft)."""
    require_editor(actor, memorial)
    if state not in Memorial.State.values:
        raise ServiceError(_("Unknown state."), field="state", code="invalid_state")
    if state == memorial.state:
        return memorial
    if state not in Memorial.TRANSITIONS[memorial.state]:
        raise ServiceError(_("A memorial cannot go from this state to that one."), status=409, code="bad_transition")
    before, memorial.state = memorial.state, state
    if state == Memorial.State.PUBLISHED and memorial.published_at is None:
        memorial.published_at = timezone.now()
    memorial.save(update_fields=["state", "published_at", "updated_at"])
    log(memorial, actor, "memorial.state", before=before, after=state)
    return memorial


@transaction.atomic
def memorial_delete(actor, memorial: Memorial) -> None:
    """The owner may delete a memorial entirely (its tributes and gestures with it)."""
    require_owner(actor, memorial)
    if memorial.photo:
        memorial.photo.storage.delete(memorial.photo.name)
    memorial.delete()


# --- Last words and cause of death -------------------------------------------------------------------


@transaction.atomic
def last_words_set(
    actor,
    memorial: Memorial,
    *,
    consent: str,
    text: str = "",
    posted_at=None,
    where: str = "",
    original_url: str = "",
    post_id=None,
    content_warning: str = "",
) -> LastWords:
    """The person's last post, chosen by the stewards, with the consent that allows showing it."""
    require_editor(actor, memorial)
    if consent not in LastWords.Consent.values:
        raise ServiceError(
            _("Say why these words may be shown: the family agreed, or a newsworthy public figure."),
            field="consent",
            code="consent_required",
        )
    post = None
    if post_id not in (None, ""):
        try:
            post = Post.objects.select_related("author").get(pk=int(post_id))
        except (Post.DoesNotExist, ValueError, TypeError) as exc:
            raise ServiceError(_("This post does not exist."), field="post_id", code="unknown_post") from exc
        if post.reblog_of_id or not can_view_post(actor, post) or post.visibility not in ("public", "unlisted"):
            raise ServiceError(_("Only a public post can be chosen."), field="post_id", code="not_public")
        text, posted_at, where = text or post.text, posted_at or post.created_at, where or "Réconfort"
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write the last words."), field="text", code="empty")
    if len(text) > 5000:
        raise ServiceError(_("The last words have 5,000 characters at most."), field="text", code="too_long")
    if isinstance(posted_at, str) and posted_at:
        try:
            posted_at = datetime.fromisoformat(posted_at)
        except ValueError as exc:
            raise ServiceError(_("Enter a date as YYYY-MM-DD."), field="posted_at", code="invalid_date") from exc
    if isinstance(posted_at, date) and not isinstance(posted_at, datetime):
        posted_at = datetime(posted_at.year, posted_at.month, posted_at.day)
    if isinstance(posted_at, datetime) and timezone.is_naive(posted_at):
        posted_at = timezone.make_aware(posted_at, timezone.get_default_timezone())
    if len(content_warning or "") > 200 or len(where or "") > 100:
        raise ServiceError(_("This text is too long."), field="content_warning", code="too_long")
    values = {
        "text": text,
        "posted_at": posted_at or None,
        "where": (where or "").strip(),
        "original_url": _url(original_url, "original_url"),
        "post": post,
        "consent": consent,
        "content_warning": (content_warning or "").strip(),
        "chosen_by": actor,
    }
    words, _created = LastWords.objects.update_or_create(memorial=memorial, defaults=values)
    log(memorial, actor, "last_words.set", consent=consent, post=post.pk if post else None)
    return words


@transaction.atomic
def last_words_clear(actor, memorial: Memorial) -> None:
    require_editor(actor, memorial)
    LastWords.objects.filter(memorial=memorial).delete()
    log(memorial, actor, "last_words.clear")


def memorial_url(memorial: Memorial) -> str:
    scheme = "https" if settings.RECONFORT_HTTPS else "http"
    return f"{scheme}://{settings.RECONFORT_DOMAIN}{reverse('memorials:detail', args=[memorial.key])}"


def last_words_share(actor, memorial: Memorial) -> Post:
    """« Partager son dernier message »: a post that quotes the last words, credits the person and links to the
    memorial. The cause of death is never part of it."""
    access = visible_access(actor, memorial)
    words = selectors.last_words_of(memorial)
    if words is None or not policies.can_share_last_words(access, memorial):
        raise Forbidden(_("These last words cannot be shared."), code="cannot_share")
    years = "–".join(str(d.year) for d in (memorial.birth_date, memorial.death_date) if d)
    credit = f"{memorial.full_name} ({years})" if years else memorial.full_name
    link = memorial_url(memorial)
    room = settings.RECONFORT_POST_MAX_CHARS - len(credit) - len(link) - 10
    text = f"« {plain_excerpt(words.text, room)} »\n— {credit}\n{link}"
    return post_create(actor, text=text, kind=PostKind.MEMORIAL, spoiler_text=words.content_warning)


def is_suicide_cause(text: str) -> bool:
    return bool(SUICIDE_WORDS.search(text or ""))


@transaction.atomic
def cause_of_death_set(actor, memorial: Memorial, *, text: str, is_suicide: bool = False, shown: bool = False):
    """Hidden unless `shown`; a suicide is never shown, whatever `shown` says (and whatever box was ticked,
    when the words say it)."""
    require_editor(actor, memorial)
    text = (text or "").strip()
    if not text:
        CauseOfDeath.objects.filter(memorial=memorial).delete()
        log(memorial, actor, "cause.clear")
        return None
    if len(text) > 300:
        raise ServiceError(_("The cause of death has 300 characters at most."), field="text", code="too_long")
    suicide = bool(is_suicide) or is_suicide_cause(text)
    cause, _created = CauseOfDeath.objects.update_or_create(
        memorial=memorial, defaults={"text": text, "is_suicide": suicide, "shown": bool(shown) and not suicide}
    )
    # The log never repeats the cause itself: stewards see that it changed, not what it says.
    log(memorial, actor, "cause.set", shown=cause.shown)
    return cause


# --- Disputes by the living ---------------------------------------------------------------------------


@transaction.atomic
def memorial_dispute(actor, memorial: Memorial, *, reason: str) -> Memorial:
    """ "This memorial is about me and I am alive": hidden at once, pending a moderator's review.

    Once a moderator has found a dispute unfounded, later disputes still reach moderators but hide nothing
    by themselves (so no one can keep a true memorial hidden by disputing it again and again).
    """
    access = visible_access(actor, memorial)
    if not policies.can_dispute_memorial(access, memorial):
        raise Forbidden(_("You cannot dispute this memorial."), code="cannot_dispute")
    reason = (reason or "").strip()
    if not reason or len(reason) > 2000:
        raise ServiceError(_("Tell the moderators in 1 to 2,000 characters."), field="reason", code="invalid_reason")
    ratelimit.hit_account("report", actor)
    if memorial.hidden_at is None and memorial.dispute_rejected_at is None:
        memorial.hidden_at = timezone.now()
        memorial.save(update_fields=["hidden_at", "updated_at"])
    log(memorial, None, "memorial.disputed")  # who disputed stays between them and the moderators
    events.emit(
        events.MEMORIAL_REVIEW_REQUESTED,
        kind="memorial_dispute",
        subject_type="memorials.memorial",
        subject_id=memorial.pk,
        risk=1,
        requested_by_id=actor.pk,
        reason=reason,
    )
    return memorial


@transaction.atomic
def memorial_set_hidden(moderator, memorial: Memorial, *, hidden: bool, reason: str = "") -> Memorial:
    """The site's moderators, deciding a member's report (the moderation app audits the decision and the keeper
    may appeal), hide a memorial page or show again one they hid. A hidden page is shown to nobody but its stewards
    and the moderators, as after a dispute."""
    memorial = Memorial.objects.select_for_update().get(pk=memorial.pk)
    if hidden == (memorial.hidden_at is not None):
        raise ServiceError(_("This memorial is already in that state."), code="state")
    memorial.hidden_at = timezone.now() if hidden else None
    memorial.save(update_fields=["hidden_at", "updated_at"])
    log(
        memorial,
        moderator,
        "memorial.hidden_by_moderators" if hidden else "memorial.shown_by_moderators",
        reason=reason,
    )
    return memorial


@transaction.atomic
def memorial_dispute_decide(moderator, memorial_id: int, *, upheld: bool, reason: str) -> Memorial:
    """Called by the moderation review: an upheld dispute keeps the memorial hidden and archives it; a rejected
    one shows it again."""
    memorial = Memorial.objects.select_for_update().get(pk=memorial_id)
    if upheld:
        memorial.hidden_at = memorial.hidden_at or timezone.now()
        memorial.state = Memorial.State.ARCHIVED if memorial.state != Memorial.State.DRAFT else memorial.state
        memorial.listed = False
    else:
        memorial.hidden_at = None
        memorial.dispute_rejected_at = timezone.now()
    memorial.save()
    log(memorial, moderator, "memorial.dispute_decided", upheld=upheld, reason=reason)
    return memorial

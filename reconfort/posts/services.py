"""Every write about posts: write, edit, delete, reshare, gestures."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.accounts.models import User
from reconfort.accounts.urls_helpers import profile_path
from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.core.images import clean_image
from reconfort.core.text import extract_mentions, extract_tags, render_markdown, render_plain, tag_path
from reconfort.hashtags.services import tags_get_or_create

from . import gates, policies
from .authors import alias_handle, thread_alias
from .models import (
    Gesture,
    GestureKind,
    IdempotencyKey,
    MediaAttachment,
    Mention,
    Post,
    PostEdit,
    PostTag,
    Visibility,
)
from .models import Kind as PostKind
from .selectors import can_view, keeps_apart, post_not_found

IDEMPOTENCY_WINDOW = timedelta(hours=1)
MAX_MEDIA = 4
MAX_STORY_MEDIA = 10
LANGUAGE_CODES = {"fr", "en", "de", "es", "it", "pt", "nl", "ar", "ru", "zh", "ja", "pl", "tr", "uk"}


def _clean_language(language: str | None, author: User) -> str:
    language = (language or "").strip().lower()
    if not language:
        return author.language
    if language not in LANGUAGE_CODES:
        raise ServiceError(_("Unknown language."), field="language", code="invalid_language")
    return language


def _render(text: str, *, story: bool, mentioned: dict[str, User]) -> str:
    if story:
        return render_markdown(text)

    def mention_url(username: str):
        return profile_path(mentioned[username.lower()].username) if username.lower() in mentioned else None

    return render_plain(text, tag_url=tag_path, mention_url=mention_url, local_domain=settings.RECONFORT_DOMAIN).html


def _resolve_mentions(text: str) -> dict[str, User]:
    """Local, active members named in the text, keyed by lower-cased username."""
    names = [n.lower() for n in extract_mentions(text, settings.RECONFORT_DOMAIN)]
    if not names:
        return {}
    users = User.objects.annotate(lname=Lower("username")).filter(lname__in=names, is_active=True)
    return {u.username.lower(): u for u in users}


def _validate_content(text: str, *, story: bool, title: str, has_media: bool, spoiler_text: str) -> None:
    if story:
        if not title.strip():
            raise ServiceError(_("A story needs a title."), field="title", code="empty_title")
        if len(title) > 200:
            raise ServiceError(_("The title has 200 characters at most."), field="title", code="too_long")
        limit = settings.RECONFORT_STORY_MAX_CHARS
    else:
        limit = settings.RECONFORT_POST_MAX_CHARS
    if not text.strip() and not has_media:
        raise ServiceError(_("A post cannot be empty."), field="status", code="empty")
    if len(text) > limit:
        raise ServiceError(
            _("A post has %(limit)s characters at most.") % {"limit": limit}, field="status", code="too_long"
        )
    if len(spoiler_text) > 200:
        raise ServiceError(_("The content warning has 200 characters at most."), field="spoiler_text")


def _describe_tags_and_mentions(post: Post, text: str, mentioned: dict[str, User]) -> list:
    """Fill the post's denormalised tag names and mentions (before it is saved); return its Tag rows."""
    tags = tags_get_or_create(extract_tags(text))
    post.tag_names = [t.name for t in tags]
    post.mentions_data = [{"id": u.pk, "username": u.username} for u in mentioned.values()]
    return tags


def _link_tags_and_mentions(post: Post, tags: list, mentioned: dict[str, User], *, replace: bool) -> None:
    if replace:
        PostTag.objects.filter(post=post).delete()
        Mention.objects.filter(post=post).delete()
    if tags:
        PostTag.objects.bulk_create([PostTag(post=post, tag=t) for t in tags])
    accounts = [u for u in mentioned.values() if u.pk != post.author_id]
    if accounts:
        Mention.objects.bulk_create([Mention(post=post, account=u) for u in accounts])


def _existing_for_key(author: User, key: str) -> Post | None:
    row = IdempotencyKey.objects.filter(user=author, key=key, created_at__gte=timezone.now() - IDEMPOTENCY_WINDOW)
    row = row.select_related("post").first()
    return row.post if row else None


def post_create(
    author: User,
    *,
    text: str,
    visibility: str = Visibility.PUBLIC,
    spoiler_text: str = "",
    sensitive: bool = False,
    language: str | None = None,
    kind: str = PostKind.ORDINARY,
    in_reply_to_id=None,
    title: str = "",
    is_story: bool = False,
    media_ids: list | tuple = (),
    idempotency_key: str | None = None,
    author_alias: str = "",
) -> Post:
    """Write a post. With an idempotency key, a retry within an hour returns the first post instead.

    `author_alias`: the pseudonym of an anonymous request for comfort (decision 0038; the comfort app gives it).
    The asker's replies in that thread take the same pseudonym by themselves."""
    if idempotency_key:
        existing = _existing_for_key(author, idempotency_key)
        if existing is not None:
            return existing
    text = text or ""
    spoiler_text = (spoiler_text or "").strip()
    if visibility not in Visibility.values:
        raise ServiceError(_("Unknown visibility."), field="visibility", code="invalid_visibility")
    if kind not in PostKind.values:
        raise ServiceError(_("Unknown kind of post."), field="kind", code="invalid_kind")
    language = _clean_language(language, author)
    try:
        media_ids = [int(m) for m in media_ids]
    except (TypeError, ValueError) as exc:
        raise ServiceError(_("Unknown media attachment."), field="media_ids") from exc
    if len(media_ids) > (MAX_STORY_MEDIA if is_story else MAX_MEDIA):
        raise ServiceError(_("Too many images attached."), field="media_ids", code="too_many_media")
    _validate_content(text, story=is_story, title=title, has_media=bool(media_ids), spoiler_text=spoiler_text)

    parent = None
    if in_reply_to_id not in (None, ""):
        try:
            parent = Post.objects.with_related().get(pk=int(in_reply_to_id))
        except (Post.DoesNotExist, ValueError, TypeError) as exc:
            raise post_not_found() from exc
        if parent.reblog_of_id or not can_view(author, parent):
            raise post_not_found()
        if keeps_apart(author, parent):
            raise Forbidden(_("You cannot reply to this post."), code="blocked")
        author_alias = author_alias or _alias_in_thread(author, parent)
    author_alias = (author_alias or "").strip()[:60]

    mentioned = _resolve_mentions(text)
    if parent is not None and parent.author_alias:
        # Mastodon clients start a reply with "@<the pseudonym's handle>": that names no member here.
        mentioned.pop(alias_handle(parent.author_alias), None)
    if parent is not None and parent.author_id != author.pk and not parent.author_alias:
        # Replies name the person answered, except one under a pseudonym: the reply must not say who it is.
        mentioned.setdefault(parent.author.username.lower(), parent.author)
    draft = gates.Draft(author, text, kind, visibility, parent, [u for u in mentioned.values() if u.pk != author.pk])
    gates.run_checks(draft)
    # Comfort guard (issue 6): a reply a screen wants approved first is written held (seen by its writer only).
    held = parent is not None and bool(gates.run_screens(draft))

    with transaction.atomic():
        if idempotency_key:
            try:
                with transaction.atomic():
                    IdempotencyKey.objects.filter(
                        user=author, key=idempotency_key, created_at__lt=timezone.now() - IDEMPOTENCY_WINDOW
                    ).delete()
                    key_row = IdempotencyKey.objects.create(user=author, key=idempotency_key[:200])
            except IntegrityError:
                # A concurrent retry with the same key won the race: answer with its post.
                existing = _existing_for_key(author, idempotency_key)
                if existing is None:
                    raise ServiceError(
                        _("This request is already being processed."), status=409, code="conflict"
                    ) from None
                return existing
        # Counted only once the key is ours: concurrent retries of one post are not new posts.
        ratelimit.hit_account("post", author)
        ratelimit.hit_account("mention", author, amount=sum(1 for u in mentioned.values() if u.pk != author.pk))
        media = (
            list(MediaAttachment.objects.select_for_update().filter(owner=author, pk__in=media_ids, post__isnull=True))
            if media_ids
            else []
        )
        if len(media) != len(set(media_ids)):
            raise ServiceError(_("Unknown media attachment."), field="media_ids", code="unknown_media")
        post = Post(
            author=author,
            kind=kind,
            visibility=visibility,
            text=text,
            content_html=_render(text, story=is_story, mentioned=mentioned),
            spoiler_text=spoiler_text,
            sensitive=bool(sensitive or spoiler_text),
            language=language,
            title=title.strip() if is_story else "",
            is_story=is_story,
            in_reply_to=parent,
            in_reply_to_account=parent.author if parent else None,
            thread_root_id=(parent.thread_root_id or parent.pk) if parent else None,
            held=held,
            author_alias=author_alias,
        )
        tags = _describe_tags_and_mentions(post, text, mentioned)
        post.save()
        _link_tags_and_mentions(post, tags, mentioned, replace=False)
        if media:
            MediaAttachment.objects.filter(pk__in=[m.pk for m in media]).update(post=post)
        if not author_alias:  # the profile's count and last post date must not move with an anonymous post
            User.objects.filter(pk=author.pk).update(
                statuses_count=F("statuses_count") + 1, last_status_at=post.created_at
            )
        if parent is not None and not held:  # a held reply is counted when it is approved
            Post.objects.filter(pk=parent.pk).update(replies_count=F("replies_count") + 1)
        if idempotency_key:
            key_row.post = post
            key_row.save(update_fields=["post"])
        events.emit(events.POST_CREATED, post_id=post.pk)
    return post


def _alias_in_thread(author: User, parent: Post) -> str:
    """The asker answering in the thread of their anonymous request keeps its pseudonym."""
    if parent.author_alias:
        return parent.author_alias if parent.author_id == author.pk else ""
    if parent.thread_root_id is None:
        return ""
    root = Post.objects.filter(pk=parent.thread_root_id).values("author_id", "author_alias").first()
    return root["author_alias"] if root and root["author_id"] == author.pk else ""


def post_reply_nudges(author: User, *, text: str, in_reply_to_id) -> list[gates.Hold]:
    """Comfort guard (issue 6): what the web form asks a writer to reconsider before sending a reply (a kindness
    nudge). Nothing is written; an unknown or invisible parent gives no nudge (post_create will refuse it)."""
    try:
        parent = Post.objects.with_related().get(pk=int(in_reply_to_id))
    except (Post.DoesNotExist, ValueError, TypeError):
        return []
    if not can_view(author, parent):
        return []
    draft = gates.Draft(author, text or "", PostKind.ORDINARY, parent.visibility, parent, [])
    return [hold for hold in gates.run_screens(draft) if hold.nudge]


def post_edit(
    actor: User,
    post: Post,
    *,
    text: str,
    spoiler_text: str | None = None,
    sensitive: bool | None = None,
    language: str | None = None,
    title: str | None = None,
) -> Post:
    """Edit a post, keeping the previous version in its history."""
    if not policies.can_edit_post(actor, post):
        raise post_not_found() if not can_view(actor, post) else Forbidden(_("You cannot edit this post."))
    spoiler_text = post.spoiler_text if spoiler_text is None else spoiler_text.strip()
    title = post.title if title is None else title
    _validate_content(
        text or "", story=post.is_story, title=title, has_media=post.media.exists(), spoiler_text=spoiler_text
    )
    language = _clean_language(language, actor) if language else post.language
    mentioned = _resolve_mentions(text)
    if post.in_reply_to_account and post.in_reply_to_account_id != actor.pk and not _answers_alias(post):
        mentioned.setdefault(post.in_reply_to_account.username.lower(), post.in_reply_to_account)
    # Comfort guard (issue 6): a shown reply edited into words that may hurt waits again for the author's approval.
    held_again = (
        post.in_reply_to_id is not None
        and not post.held
        and bool(gates.run_edit_screens(gates.Draft(actor, text or "", post.kind, post.visibility, post.in_reply_to)))
    )
    with transaction.atomic():
        PostEdit.objects.create(
            post=post,
            text=post.text,
            content_html=post.content_html,
            spoiler_text=post.spoiler_text,
            sensitive=post.sensitive,
            title=post.title,
            created_at=post.edited_at or post.created_at,
        )
        post.text = text
        post.content_html = _render(text, story=post.is_story, mentioned=mentioned)
        post.spoiler_text = spoiler_text
        post.sensitive = bool(sensitive) if sensitive is not None else bool(spoiler_text) or post.sensitive
        post.language = language
        post.title = title.strip() if post.is_story else ""
        post.edited_at = timezone.now()
        tags = _describe_tags_and_mentions(post, text, mentioned)
        _link_tags_and_mentions(post, tags, mentioned, replace=True)
        if held_again:
            post.held = True
            Post.objects.filter(pk=post.in_reply_to_id, replies_count__gt=0).update(
                replies_count=F("replies_count") - 1
            )
        post.save()
        events.emit(events.POST_UPDATED, post_id=post.pk)
        if held_again:
            events.emit(events.REPLY_HELD_AGAIN, post_id=post.pk)
    return post


def _answers_alias(post: Post) -> bool:
    return bool(post.in_reply_to_id) and Post.objects.filter(pk=post.in_reply_to_id).exclude(author_alias="").exists()


def post_delete(actor: User, post: Post) -> None:
    if not can_view(actor, post):
        raise post_not_found()
    if not policies.can_delete_post(actor, post):
        raise Forbidden(_("You cannot delete this post."), code="forbidden")
    with transaction.atomic():
        _forget_counts(post)
        reblogs = list(Post.objects.filter(reblog_of=post).values_list("author_id", flat=True))
        User.objects.filter(pk__in=reblogs).update(statuses_count=F("statuses_count") - 1)
        post_id, author_id = post.pk, post.author_id
        post.delete()
        events.emit(events.POST_DELETED, post_id=post_id, author_id=author_id)


def _forget_counts(post: Post) -> None:
    if not post.author_alias:  # an anonymous post was never counted on its author's profile
        User.objects.filter(pk=post.author_id, statuses_count__gt=0).update(statuses_count=F("statuses_count") - 1)
    if post.in_reply_to_id:
        Post.objects.filter(pk=post.in_reply_to_id, replies_count__gt=0).update(replies_count=F("replies_count") - 1)
    if post.reblog_of_id:
        Post.objects.filter(pk=post.reblog_of_id, reblogs_count__gt=0).update(reblogs_count=F("reblogs_count") - 1)


def _target_for_action(actor: User, post: Post) -> Post:
    target = post.reblog_of or post
    if not can_view(actor, target):
        raise post_not_found()
    if keeps_apart(actor, target):
        raise post_not_found()
    return target


def post_reblog(actor: User, post: Post, *, visibility: str = Visibility.PUBLIC) -> Post:
    """Reshare a post (idempotent: resharing twice returns the first reshare)."""
    target = _target_for_action(actor, post)
    if not policies.can_reblog_post(actor, target):
        raise Forbidden(_("This post cannot be reshared."), code="not_reblogable")
    if (found := thread_alias(target)) is not None and found.asker_id == actor.pk:
        # The asker resharing a reply to their anonymous request would show their followers it is theirs.
        raise Forbidden(
            _("You asked for comfort anonymously in this conversation: resharing from it would show it is you."),
            code="anonymous_thread",
        )
    if visibility not in (Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE):
        raise ServiceError(_("Unknown visibility."), field="visibility")
    existing = Post.objects.with_related().filter(author=actor, reblog_of=target).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            reblog = Post.objects.create(
                author=actor, reblog_of=target, visibility=visibility, language=target.language, kind=target.kind
            )
            Post.objects.filter(pk=target.pk).update(reblogs_count=F("reblogs_count") + 1)
            User.objects.filter(pk=actor.pk).update(statuses_count=F("statuses_count") + 1)
            events.emit(events.REBLOG_CREATED, post_id=reblog.pk, target_id=target.pk)
    except IntegrityError:
        return Post.objects.with_related().get(author=actor, reblog_of=target)
    reblog.reblog_of = target
    return reblog


def post_unreblog(actor: User, post: Post) -> Post:
    target = post.reblog_of or post
    if not can_view(actor, target):
        raise post_not_found()
    with transaction.atomic():
        reblog = Post.objects.filter(author=actor, reblog_of=target).first()
        if reblog is not None:
            _forget_counts(reblog)
            reblog_id = reblog.pk
            reblog.delete()
            events.emit(events.POST_DELETED, post_id=reblog_id, author_id=actor.pk)
    target.refresh_from_db()
    return target


def gesture_add(actor: User, post: Post, kind: str) -> Post:
    """Give a gesture of comfort. One of each kind per person per post; giving it twice changes nothing."""
    if kind not in GestureKind.values:
        raise ServiceError(_("Unknown gesture."), field="kind", code="invalid_gesture")
    target = _target_for_action(actor, post)
    if Gesture.objects.filter(post=target, account=actor, kind=kind).exists():
        return target  # already given: nothing to count or notify
    ratelimit.hit_account("gesture", actor)
    try:
        with transaction.atomic():
            gesture = Gesture.objects.create(post=target, account=actor, kind=kind)
            Post.objects.filter(pk=target.pk).update(**{f"{kind}_count": F(f"{kind}_count") + 1})
            events.emit(events.GESTURE_ADDED, gesture_id=gesture.pk, post_id=target.pk, account_id=actor.pk, kind=kind)
    except IntegrityError:
        pass  # already given
    target.refresh_from_db()
    return target


def gesture_remove(actor: User, post: Post, kind: str) -> Post:
    if kind not in GestureKind.values:
        raise ServiceError(_("Unknown gesture."), field="kind", code="invalid_gesture")
    target = post.reblog_of or post
    if not can_view(actor, target):
        raise post_not_found()
    with transaction.atomic():
        deleted, _rows = Gesture.objects.filter(post=target, account=actor, kind=kind).delete()
        if deleted:
            Post.objects.filter(pk=target.pk, **{f"{kind}_count__gt": 0}).update(
                **{f"{kind}_count": F(f"{kind}_count") - 1}
            )
            events.emit(events.GESTURE_REMOVED, post_id=target.pk, account_id=actor.pk, kind=kind)
    target.refresh_from_db()
    return target


def media_upload(owner: User, upload, *, description: str = "") -> MediaAttachment:
    """Store an image (re-encoded without metadata) to attach to a coming post."""
    if len(description or "") > 1500:
        raise ServiceError(_("The description has 1,500 characters at most."), field="description")
    try:
        cleaned = clean_image(upload, max_side=1600)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], field="file", code="invalid_image") from exc
    media = MediaAttachment(owner=owner, description=description or "")
    media.file.save(cleaned.name, cleaned, save=False)
    media.width, media.height = media.file.width, media.file.height
    media.save()
    return media

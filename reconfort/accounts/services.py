"""Every write about accounts: registration, profile, follows, blocks, mutes."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reconfort.core import events, ratelimit
from reconfort.core.errors import Forbidden, ServiceError
from reconfort.core.images import clean_image
from reconfort.core.text import render_plain, tag_path

from .models import TIME_ZONE_CHOICES, Block, Follow, Language, Mute, Role, User, username_validator
from .urls_helpers import profile_path

VALID_TIME_ZONES = {tz for tz, _label in TIME_ZONE_CHOICES}


class RegistrationMode:
    OPEN = "open"
    APPROVAL = "approval"
    CLOSED = "closed"


MODERATOR_ABSENCE = timedelta(days=7)


def registration_mode() -> str:
    """The configured mode, except that open registration falls back to approval when the server has
    moderators and none of them has been active for 7 days (Mastodon's answer to the 2024 spam wave)."""
    mode = settings.RECONFORT_REGISTRATION_MODE
    if mode not in (RegistrationMode.OPEN, RegistrationMode.APPROVAL, RegistrationMode.CLOSED):
        return RegistrationMode.CLOSED
    if mode == RegistrationMode.OPEN and settings.RECONFORT_AUTO_APPROVAL:
        staff = User.objects.filter(Q(role__in=[Role.MODERATOR, Role.ADMIN]) | Q(is_superuser=True), is_active=True)
        recent = timezone.now() - MODERATOR_ABSENCE
        if staff.exists() and not staff.filter(Q(last_login__gte=recent) | Q(date_joined__gte=recent)).exists():
            return RegistrationMode.APPROVAL
    return mode


def _email_domain_blocked(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return any(domain == d or domain.endswith("." + d) for d in settings.RECONFORT_BLOCKED_EMAIL_DOMAINS)


def _validate_registration(username, email, password, language, time_zone, reason) -> None:
    try:
        username_validator(username)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], field="username", code="invalid_username") from exc
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError(_("This username is already taken."), field="username", code="taken")
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ServiceError(_("Enter a valid e-mail address."), field="email", code="invalid_email") from exc
    if _email_domain_blocked(email):
        raise ServiceError(
            _("Addresses from this e-mail provider cannot be used here."), field="email", code="blocked_email_domain"
        )
    if language not in Language.values:
        raise ServiceError(_("Choose French or English."), field="language")
    if time_zone not in VALID_TIME_ZONES:
        raise ServiceError(_("Unknown time zone."), field="time_zone")
    try:
        password_validation.validate_password(password, User(username=username, email=email))
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="password", code="weak_password") from exc
    if registration_mode() == RegistrationMode.APPROVAL and not (reason or "").strip():
        raise ServiceError(_("Tell the moderators why you would like to join."), field="reason")


def account_register(
    *,
    username: str,
    email: str,
    password: str,
    display_name: str = "",
    language: str = Language.FR,
    time_zone: str = "Europe/Paris",
    reason: str = "",
    address: str | None = None,
) -> User:
    """Create a member, honouring the registration mode. Refused entirely (no row) on any invalid field.

    `address` is the client's IP address: more than 5 sign-ups from one address in 30 minutes are refused.
    """
    mode = registration_mode()
    if mode == RegistrationMode.CLOSED:
        raise Forbidden(_("Registrations are closed on this server."), code="registrations_closed")
    username = (username or "").strip()
    email = (email or "").strip()
    _validate_registration(username, email, password, language, time_zone, reason)
    ratelimit.hit_address("signup_per_address", address)
    approved = mode == RegistrationMode.OPEN
    try:
        with transaction.atomic():
            user = User(
                username=username,
                email=email,
                display_name=(display_name or "").strip()[:60],
                language=language,
                time_zone=time_zone,
                approved=approved,
                is_active=approved,
                registration_reason=(reason or "").strip(),
            )
            user.set_password(password)
            user.save()
    except IntegrityError as exc:  # a concurrent sign-up took the name between the check and the insert
        raise ServiceError(_("This username is already taken."), field="username", code="taken") from exc
    return user


def _render_bio(bio: str) -> str:
    return render_plain(bio, tag_url=tag_path, mention_url=profile_path, local_domain=settings.RECONFORT_DOMAIN).html


def account_update_profile(
    user: User,
    *,
    display_name: str | None = None,
    bio: str | None = None,
    avatar=None,
    language: str | None = None,
    time_zone: str | None = None,
    locked: bool | None = None,
    discoverable: bool | None = None,
) -> User:
    if display_name is not None:
        if len(display_name) > 60:
            raise ServiceError(_("The display name has 60 characters at most."), field="display_name")
        user.display_name = display_name.strip()
    if bio is not None:
        if len(bio) > 500:
            raise ServiceError(_("The bio has 500 characters at most."), field="bio")
        user.bio = bio.strip()
        user.bio_html = _render_bio(user.bio)
    if language is not None:
        if language not in Language.values:
            raise ServiceError(_("Choose French or English."), field="language")
        user.language = language
    if time_zone is not None:
        if time_zone not in VALID_TIME_ZONES:
            raise ServiceError(_("Unknown time zone."), field="time_zone")
        user.time_zone = time_zone
    if locked is not None:
        user.locked = bool(locked)
    if discoverable is not None:
        user.discoverable = bool(discoverable)
    if avatar is not None:
        try:
            cleaned = clean_image(avatar, max_side=400, square=True)
        except ValidationError as exc:
            raise ServiceError(exc.messages[0], field="avatar", code="invalid_image") from exc
        old = user.avatar.name if user.avatar else None
        user.avatar.save(cleaned.name, cleaned, save=False)
        if old:
            user.avatar.storage.delete(old)
    user.save()
    return user


def account_change_password(user: User, *, old_password: str, new_password: str) -> None:
    ratelimit.hit_account("password_change", user)
    if not user.check_password(old_password):
        raise ServiceError(_("Your current password is not correct."), field="old_password")
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="new_password") from exc
    user.set_password(new_password)
    user.save(update_fields=["password"])


# --- Follows ------------------------------------------------------------------------------------


def _blocked_either_way(a: User, b: User) -> bool:
    return Block.objects.filter(Q(account=a, target=b) | Q(account=b, target=a)).exists()


@transaction.atomic
def follow_create(follower: User, target: User) -> Follow:
    """Follow `target`, or ask to when the account approves its followers. Idempotent."""
    if follower.pk == target.pk:
        raise ServiceError(_("You cannot follow yourself."), code="self_follow")
    if _blocked_either_way(follower, target):
        raise Forbidden(_("You cannot follow this account."), code="blocked")
    existing = Follow.objects.filter(follower=follower, target=target).first()
    if existing:
        return existing
    ratelimit.hit_account("follow", follower)
    state = Follow.State.PENDING if target.locked else Follow.State.ACCEPTED
    follow = Follow.objects.create(follower=follower, target=target, state=state)
    if state == Follow.State.ACCEPTED:
        _count_follow(follow, +1)
        events.emit(events.FOLLOW_CREATED, follower_id=follower.pk, target_id=target.pk)
    else:
        events.emit(events.FOLLOW_REQUESTED, follower_id=follower.pk, target_id=target.pk)
    return follow


def _count_follow(follow: Follow, delta: int) -> None:
    User.objects.filter(pk=follow.follower_id).update(following_count=F("following_count") + delta)
    User.objects.filter(pk=follow.target_id).update(followers_count=F("followers_count") + delta)


@transaction.atomic
def follow_request_accept(target: User, follower: User) -> Follow:
    follow = Follow.objects.select_for_update().filter(follower=follower, target=target).first()
    if follow is None:
        raise ServiceError(_("There is no such follow request."), status=404, code="not_found")
    if follow.state == Follow.State.PENDING:
        follow.state = Follow.State.ACCEPTED
        follow.save(update_fields=["state"])
        _count_follow(follow, +1)
        events.emit(events.FOLLOW_CREATED, follower_id=follower.pk, target_id=target.pk)
    return follow


@transaction.atomic
def follow_request_reject(target: User, follower: User) -> None:
    Follow.objects.filter(follower=follower, target=target, state=Follow.State.PENDING).delete()


@transaction.atomic
def follow_remove(follower: User, target: User) -> None:
    """Unfollow (or withdraw a request). Idempotent."""
    follow = Follow.objects.select_for_update().filter(follower=follower, target=target).first()
    if follow is None:
        return
    if follow.state == Follow.State.ACCEPTED:
        _count_follow(follow, -1)
    follow.delete()
    events.emit(events.FOLLOW_REMOVED, follower_id=follower.pk, target_id=target.pk)


# --- Blocks and mutes ---------------------------------------------------------------------------


@transaction.atomic
def block_create(account: User, target: User) -> Block:
    """Block hides both ways and ends follows in both directions."""
    if account.pk == target.pk:
        raise ServiceError(_("You cannot block yourself."), code="self_block")
    block, _created = Block.objects.get_or_create(account=account, target=target)
    follow_remove(account, target)
    follow_remove(target, account)
    events.emit(events.BLOCK_CREATED, account_id=account.pk, target_id=target.pk)
    return block


@transaction.atomic
def block_remove(account: User, target: User) -> None:
    Block.objects.filter(account=account, target=target).delete()


@transaction.atomic
def mute_create(account: User, target: User, *, notifications: bool = True) -> Mute:
    if account.pk == target.pk:
        raise ServiceError(_("You cannot mute yourself."), code="self_mute")
    mute, _created = Mute.objects.update_or_create(
        account=account, target=target, defaults={"hide_notifications": notifications}
    )
    return mute


@transaction.atomic
def mute_remove(account: User, target: User) -> None:
    Mute.objects.filter(account=account, target=target).delete()

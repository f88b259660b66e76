import pytest

from reconfort.accounts import services
from reconfort.accounts.models import Block, Follow, User
from reconfort.core.errors import Forbidden, ServiceError
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

GOOD = "une phrase de passe solide 7"


def register(**overrides):
    fields = {"username": "Lea_92", "email": "lea@example.org", "password": GOOD, "display_name": "Léa"}
    fields.update(overrides)
    return services.account_register(**fields)


def test_register_hashes_with_argon2_and_keeps_spelling():
    user = register()
    assert user.username == "Lea_92"
    assert user.password.startswith("argon2")
    assert user.check_password(GOOD)
    assert user.is_active and user.approved


@pytest.mark.parametrize("name", ["", "a" * 31, "léa", "with space", "dash-name", "at@sign"])
def test_register_refuses_invalid_usernames_and_writes_nothing(name):
    with pytest.raises(ServiceError) as exc:
        register(username=name)
    assert exc.value.field == "username"
    assert User.objects.count() == 0


def test_usernames_are_unique_without_regard_to_case():
    register()
    with pytest.raises(ServiceError) as exc:
        register(username="lea_92", email="other@example.org")
    assert exc.value.code == "taken"
    assert User.objects.count() == 1


def test_register_refuses_weak_password_bad_email_language_and_timezone():
    for overrides, field in [
        ({"password": "123"}, "password"),
        ({"email": "not-an-email"}, "email"),
        ({"language": "de"}, "language"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
    ]:
        with pytest.raises(ServiceError) as exc:
            register(**overrides)
        assert exc.value.field == field
    assert User.objects.count() == 0


def test_registration_modes(settings):
    settings.RECONFORT_REGISTRATION_MODE = "closed"
    with pytest.raises(Forbidden):
        register()
    settings.RECONFORT_REGISTRATION_MODE = "approval"
    with pytest.raises(ServiceError) as exc:
        register()
    assert exc.value.field == "reason"
    user = register(reason="Ma mère est décédée le mois dernier.")
    assert not user.is_active and not user.approved
    assert user.registration_reason.startswith("Ma mère")


def test_update_profile_renders_bio_and_validates(user):
    services.account_update_profile(user, display_name="Marie D.", bio="Maman de deux enfants #jeunesmamans")
    user.refresh_from_db()
    assert user.display_name == "Marie D."
    assert 'href="/tags/jeunesmamans"' in user.bio_html
    with pytest.raises(ServiceError):
        services.account_update_profile(user, display_name="x" * 61)
    with pytest.raises(ServiceError):
        services.account_update_profile(user, time_zone="Nowhere/Land")
    user.refresh_from_db()
    assert user.display_name == "Marie D."


def test_change_password_checks_the_old_one(user):
    with pytest.raises(ServiceError):
        services.account_change_password(user, old_password="wrong", new_password=GOOD)
    services.account_change_password(user, old_password=PASSWORD, new_password=GOOD)
    user.refresh_from_db()
    assert user.check_password(GOOD)


def test_follow_counts_and_is_idempotent(user, other):
    services.follow_create(other, user)
    services.follow_create(other, user)
    user.refresh_from_db()
    other.refresh_from_db()
    assert (user.followers_count, other.following_count) == (1, 1)
    services.follow_remove(other, user)
    services.follow_remove(other, user)
    user.refresh_from_db()
    assert user.followers_count == 0
    assert not Follow.objects.exists()


def test_cannot_follow_self(user):
    with pytest.raises(ServiceError):
        services.follow_create(user, user)


def test_locked_account_gets_requests_until_accepted(user, other):
    user.locked = True
    user.save()
    follow = services.follow_create(other, user)
    assert follow.state == Follow.State.PENDING
    user.refresh_from_db()
    assert user.followers_count == 0
    services.follow_request_accept(user, other)
    user.refresh_from_db()
    assert user.followers_count == 1
    assert Follow.objects.get().state == Follow.State.ACCEPTED


def test_reject_request_removes_it(user, other):
    user.locked = True
    user.save()
    services.follow_create(other, user)
    services.follow_request_reject(user, other)
    assert not Follow.objects.exists()


def test_block_removes_follows_both_ways_and_prevents_follow(user, other):
    services.follow_create(other, user)
    services.follow_create(user, other)
    services.block_create(user, other)
    assert not Follow.objects.exists()
    user.refresh_from_db()
    assert user.followers_count == 0 and user.following_count == 0
    with pytest.raises(Forbidden):
        services.follow_create(other, user)
    services.block_remove(user, other)
    assert not Block.objects.exists()
    services.follow_create(other, user)


def test_mute_is_updatable_and_removable(user, other):
    services.mute_create(user, other, notifications=False)
    mute = services.mute_create(user, other, notifications=True)
    assert mute.hide_notifications
    services.mute_remove(user, other)
    assert not user.mutes_made.exists()


def test_avatar_is_resized_and_non_images_refused(user):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (1200, 900), "#88aacc").save(buf, format="JPEG")
    services.account_update_profile(user, avatar=SimpleUploadedFile("a.jpg", buf.getvalue(), "image/jpeg"))
    user.refresh_from_db()
    assert (user.avatar.width, user.avatar.height) == (400, 400)
    with pytest.raises(ServiceError):
        services.account_update_profile(user, avatar=SimpleUploadedFile("a.jpg", b"not an image", "image/jpeg"))


def test_second_user_factory_gets_distinct_names():
    a, b = UserFactory(), UserFactory()
    assert a.username.lower() != b.username.lower()


def test_sixth_signup_from_one_address_is_refused():
    from reconfort.core.errors import RateLimited

    for i in range(5):
        register(username=f"voisin{i}", email=f"v{i}@example.org", address="203.0.113.9")
    with pytest.raises(RateLimited):
        register(username="voisin5", email="v5@example.org", address="203.0.113.9")
    register(username="ailleurs", email="a@example.org", address="198.51.100.1")
    assert User.objects.count() == 6


def test_blocked_email_domains(settings):
    settings.RECONFORT_BLOCKED_EMAIL_DOMAINS = ["yopmail.com"]
    with pytest.raises(ServiceError) as exc:
        register(email="x@yopmail.com")
    assert exc.value.code == "blocked_email_domain"
    with pytest.raises(ServiceError):
        register(email="x@mail.yopmail.com")
    assert User.objects.count() == 0


def test_open_registration_needs_approval_when_moderators_are_away():
    from datetime import timedelta

    from django.utils import timezone

    from reconfort.accounts.models import Role

    long_ago = timezone.now() - timedelta(days=10)
    UserFactory(role=Role.MODERATOR, last_login=long_ago, date_joined=long_ago)
    assert services.registration_mode() == "approval"
    User.objects.filter(role=Role.MODERATOR).update(last_login=timezone.now())
    assert services.registration_mode() == "open"


def test_follows_are_rate_limited(settings, user):
    from reconfort.core.errors import RateLimited

    settings.RECONFORT_RATE_LIMITS = {"follow": (2, 86400)}
    targets = [UserFactory() for _ in range(3)]
    services.follow_create(user, targets[0])
    services.follow_create(user, targets[1])
    services.follow_create(user, targets[1])  # already following: not counted again
    with pytest.raises(RateLimited):
        services.follow_create(user, targets[2])
    assert user.following_set.count() == 2

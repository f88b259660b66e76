"""Load the demo community (reconfort/demo/content.py) through the services.

Everything a member does goes through accounts.services and posts.services, so counters, tags, mentions,
stored home timelines and notifications are real. Background tasks run inline while loading. The one thing
no service does is set dates in the past: once loaded, the rows are spread over the last days so the
timelines read like a living community and not like a hundred posts written in the same second.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from reconfort.accounts import services as account_services
from reconfort.accounts.email_confirmation import confirmation_token, email_confirm
from reconfort.accounts.models import Follow, Role, User
from reconfort.core.errors import ServiceError
from reconfort.notifications.models import Notification, NotificationType
from reconfort.posts import services as post_services
from reconfort.posts.models import Gesture, Post, PostEdit

from . import areas
from .content import (
    ADMIN_USERNAME,
    DEMO_PASSWORD,
    DIRECT_MESSAGES,
    EDITS,
    FOLLOWS_ACCEPTED,
    MEMBERS,
    POSTS,
    RESHARES,
    DemoPost,
    Member,
)

SEED = 20131022
# Gestures a post of each kind tends to receive, the likeliest first.
GESTURES_BY_KIND = {
    "memorial": ["candle", "flowers", "prayer", "hug", "heart"],
    "support_request": ["hug", "prayer", "heart", "candle"],
    "gratitude": ["heart", "flowers", "hug"],
    "news": ["candle", "prayer", "heart", "hug"],
    "ordinary": ["heart", "hug", "flowers"],
}
MARKER_USERNAME = MEMBERS[0].username  # present once the demo has been loaded


@dataclass
class DemoResult:
    created: bool
    members: int = 0
    posts: int = 0
    reshares: int = 0
    gestures: int = 0
    admin_created: bool = False


@dataclass
class _Clock:
    """Hands out increasing moments; the whole sequence is shifted to end just before now."""

    rng: random.Random
    elapsed: timedelta = timedelta()

    def tick(self, low_minutes: float, high_minutes: float) -> timedelta:
        self.elapsed += timedelta(minutes=self.rng.uniform(low_minutes, high_minutes))
        return self.elapsed


def is_loaded() -> bool:
    return User.objects.filter(username__iexact=MARKER_USERNAME).exists()


class DemoLoader:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.clock = _Clock(self.rng)
        self.users: dict[str, User] = {}
        self.posts: dict[str, Post] = {}
        self.result = DemoResult(created=True)
        # When each thing happened, as an offset from the start (see _Clock); applied after commit.
        self.post_times: dict[int, timedelta] = {}
        self.gesture_times: dict[tuple[int, int, str], timedelta] = {}
        self.reblog_times: dict[tuple[int, int], timedelta] = {}
        self.edit_times: dict[int, timedelta] = {}

    # --- members and follows ---------------------------------------------------------------------

    def create_members(self) -> None:
        for member in MEMBERS:
            self.users[member.username] = self._register(member)
        self.result.members = len(MEMBERS)

    def _register(self, member: Member) -> User:
        user = account_services.account_register(
            username=member.username,
            email=f"{member.username}@example.org",
            password=DEMO_PASSWORD,
            display_name=member.display_name,
            language=member.language,
            time_zone=member.time_zone,
        )
        # Demo addresses are not real mailboxes: confirm them the way the e-mailed link would.
        user = email_confirm(confirmation_token(user))
        return account_services.account_update_profile(user, bio=member.bio, locked=member.locked)

    def create_admin(self) -> None:
        if User.objects.filter(username__iexact=ADMIN_USERNAME).exists():
            return  # someone already chose this name: leave their account alone
        admin = self._register(
            Member(ADMIN_USERNAME, "Administration", "fr", "Europe/Paris", "Le compte d'administration de la démo.")
        )
        # No service promotes a member to administrator (that is what createsuperuser is for).
        User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        account_services.follow_create(admin, self.users[MARKER_USERNAME])
        self.result.admin_created = True

    def create_follows(self) -> None:
        team = self.users[MARKER_USERNAME]
        members = [u for name, u in self.users.items() if name != MARKER_USERNAME]
        wanted: list[tuple[User, User]] = []
        for user in members:
            wanted.append((user, team))
            same = [m for m in members if m.language == user.language and m.pk != user.pk]
            other = [m for m in members if m.language != user.language]
            count = self.rng.randint(7, 14)
            picks = self.rng.sample(same, min(len(same), round(count * 0.75)))
            picks += self.rng.sample(other, min(len(other), count - len(picks)))
            wanted += [(user, target) for target in picks]
        for follower, target in FOLLOWS_ACCEPTED:
            wanted.append((self.users[follower], self.users[target]))
        # Whoever answers someone follows them: their replies make sense in the author's world.
        for post in POSTS:
            if post.reply_to:
                parent_author = self._post_spec(post.reply_to).author
                if parent_author != post.author:
                    wanted.append((self.users[post.author], self.users[parent_author]))

        must_accept = {(a, b) for a, b in FOLLOWS_ACCEPTED}
        must_accept |= {
            (p.author, self._post_spec(p.reply_to).author) for p in POSTS if p.reply_to and p.visibility == "private"
        }
        seen = set()
        for follower, target in wanted:
            if (follower.pk, target.pk) in seen:
                continue
            seen.add((follower.pk, target.pk))
            follow = account_services.follow_create(follower, target)
            if follow.state == Follow.State.PENDING and (
                (follower.username, target.username) in must_accept or self.rng.random() < 0.5
            ):
                account_services.follow_request_accept(target, follower)

    # --- posts, reshares, gestures -----------------------------------------------------------------

    def _post_spec(self, key: str) -> DemoPost:
        return next(p for p in POSTS if p.key == key)

    def create_posts(self) -> None:
        reshares_by_key: dict[str, list[str]] = {}
        for username, key in RESHARES:
            reshares_by_key.setdefault(key, []).append(username)
        for spec in [*POSTS, *DIRECT_MESSAGES]:
            post = self._write(spec)
            self.posts[spec.key] = post
            for username in reshares_by_key.get(spec.key, []):
                reblog = post_services.post_reblog(self.users[username], post)
                self.reblog_times[(reblog.author_id, post.pk)] = self.clock.tick(2, 40)
                self.post_times[reblog.pk] = self.clock.elapsed
                self.result.reshares += 1
            self._give_gestures(spec, post)
            if spec.key in EDITS:
                post_services.post_edit(self.users[spec.author], post, text=EDITS[spec.key])
                self.edit_times[post.pk] = self.clock.tick(5, 30)
        self.result.posts = len(POSTS) + len(DIRECT_MESSAGES)

    def _write(self, spec: DemoPost) -> Post:
        if spec.reply_to:
            self.clock.tick(10, 150)
        else:
            self.clock.tick(90, 330)
        post = post_services.post_create(
            self.users[spec.author],
            text=spec.text,
            kind=spec.kind,
            visibility=spec.visibility,
            spoiler_text=spec.spoiler_text,
            language=spec.language,
            in_reply_to_id=self.posts[spec.reply_to].pk if spec.reply_to else None,
            title=spec.title,
            is_story=bool(spec.title),
        )
        self.post_times[post.pk] = self.clock.elapsed
        return post

    def _give_gestures(self, spec: DemoPost, post: Post) -> None:
        if spec.visibility == "direct":
            return
        if spec.title:
            count = self.rng.randint(10, 20)
        elif spec.reply_to:
            count = self.rng.choice([0, 0, 1, 2, 3])
        else:
            count = self.rng.randint(3, 12)
        kinds = GESTURES_BY_KIND[spec.kind]
        weights = [len(kinds) - i for i in range(len(kinds))]
        candidates = [u for name, u in self.users.items() if name != spec.author]
        for giver in self.rng.sample(candidates, min(count, len(candidates))):
            chosen = {self.rng.choices(kinds, weights)[0]}
            if self.rng.random() < 0.25:
                chosen.add(self.rng.choice(kinds))
            for kind in sorted(chosen):
                try:
                    post_services.gesture_add(giver, post, kind)
                except ServiceError:
                    continue  # a followers-only post this member cannot see
                self.gesture_times[(post.pk, giver.pk, kind)] = self.clock.tick(1, 25)
                self.result.gestures += 1

    # --- dates ---------------------------------------------------------------------------------------

    def spread_in_time(self) -> None:
        """Move every row's date into the past, keeping their order: the last thing happened minutes ago."""
        start = timezone.now() - self.clock.elapsed - timedelta(minutes=12)

        def at(offset: timedelta) -> datetime:
            return start + offset

        posts = [Post(pk=pk, created_at=at(offset)) for pk, offset in self.post_times.items()]
        Post.objects.bulk_update(posts, ["created_at"], batch_size=200)
        for post_id, offset in self.edit_times.items():
            Post.objects.filter(pk=post_id).update(edited_at=at(offset))
            PostEdit.objects.filter(post_id=post_id).update(created_at=at(self.post_times[post_id]))

        gestures = []
        for gesture in Gesture.objects.filter(post_id__in=self.post_times).only("pk", "post_id", "account_id", "kind"):
            offset = self.gesture_times.get((gesture.post_id, gesture.account_id, gesture.kind))
            if offset is not None:
                gesture.created_at = at(offset)
                gestures.append(gesture)
        Gesture.objects.bulk_update(gestures, ["created_at"], batch_size=200)

        follows = list(Follow.objects.filter(follower__in=self.users.values()).only("pk"))
        for follow in follows:
            follow.created_at = start - timedelta(days=self.rng.uniform(1, 30))
        Follow.objects.bulk_update(follows, ["created_at"], batch_size=200)

        notifications = []
        for notification in Notification.objects.filter(recipient__in=self.users.values()):
            offset = self._notification_offset(notification)
            notification.created_at = at(offset) if offset is not None else start
            notifications.append(notification)
        Notification.objects.bulk_update(notifications, ["created_at"], batch_size=200)

        users = list(self.users.values())
        last_post = {}
        for post_id, author_id in Post.objects.filter(pk__in=self.post_times).values_list("pk", "author_id"):
            last_post[author_id] = max(last_post.get(author_id, timedelta()), self.post_times[post_id])
        for user in users:
            user.date_joined = start - timedelta(days=self.rng.uniform(30, 400))
            user.last_status_at = at(last_post[user.pk]) if user.pk in last_post else None
        User.objects.bulk_update(users, ["date_joined", "last_status_at"], batch_size=200)

    def _notification_offset(self, notification: Notification) -> timedelta | None:
        if notification.type == NotificationType.GESTURE:
            return self.gesture_times.get((notification.post_id, notification.actor_id, notification.gesture_kind))
        if notification.type == NotificationType.REBLOG:
            return self.reblog_times.get((notification.actor_id, notification.post_id))
        if notification.post_id:
            return self.post_times.get(notification.post_id)
        return None  # follows happened before the first post

    # --- the whole load ----------------------------------------------------------------------------

    def load(self) -> DemoResult:
        # The demo is set up as an administrator would: whatever the registration mode, without rate limits.
        with override_settings(RECONFORT_REGISTRATION_MODE="open", RECONFORT_RATE_LIMITS_ENABLED=False):
            with transaction.atomic():
                self.create_members()
                self.create_admin()
                self.create_follows()
                self.create_posts()
            # The events (fan-out, notifications) ran when that transaction committed.
            with transaction.atomic():
                self.spread_in_time()
            with transaction.atomic():
                areas.load_all(self.users)
        return self.result


def load_demo(seed: int = SEED) -> DemoResult:
    """Load the demo community once; a second call changes nothing."""
    if is_loaded():
        return DemoResult(created=False, members=len(MEMBERS))
    previous = HUEY.immediate
    HUEY.immediate = True  # fan-out and the other tasks run inline, so home timelines are filled now
    try:
        return DemoLoader(seed).load()
    finally:
        HUEY.immediate = previous

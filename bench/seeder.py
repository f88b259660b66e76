"""The seeding itself (see bench/seed.py). Imported once Django is set up on the benchmark database."""

from __future__ import annotations

import heapq
import random
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command, color
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from reconfort.accounts.models import User
from reconfort.hashtags.models import Tag
from reconfort.posts.models import Post, PostTag

from .environment import BENCH_PASSWORD, CELEBRITY, Tier

BATCH = 5000
WORDS_FR = (
    "merci pensée douceur courage lumière bougie câlin soutien deuil souvenir espoir ensemble famille "
    "ami cœur soir matin prière fleurs tendresse silence mémoire force chaleur"
).split()
WORDS_EN = (
    "thank thoughts gentle courage light candle hug support grief memory hope together family friend "
    "heart evening morning prayer flowers kindness quiet remember strength warmth"
).split()
FIRST_NAMES = "Camille Léa Hugo Inès Louis Jade Sarah Tom Grace Dan Mei Priya Noah Ruth Kwame Emily".split()


def log(message: str) -> None:
    print(f"[seed {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Seeder:
    def __init__(self, tier: Tier, seed: int):
        self.tier = tier
        self.rng = random.Random(seed)
        self.feed_size = settings.RECONFORT_HOME_FEED_SIZE

    # --- raw bulk insert ----------------------------------------------------------------------------

    def insert(self, table: str, columns: list[str], rows) -> int:
        """COPY on PostgreSQL, executemany on SQLite; `rows` is any iterable of tuples."""
        count = 0
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            else:
                placeholders = ", ".join(["%s"] * len(columns))
                sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
                batch = []
                for row in rows:
                    batch.append(row)
                    if len(batch) >= BATCH * 4:
                        cursor.executemany(sql, batch)
                        count += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
                    count += len(batch)
        return count

    # --- members and follows -----------------------------------------------------------------------------

    def members(self) -> list[int]:
        password = make_password(BENCH_PASSWORD)  # one hash for everyone: Argon2 is slow on purpose
        joined = timezone.now() - timedelta(days=400)
        users = [
            User(
                pk=i,
                username=f"member{i:05d}",
                email=f"member{i:05d}@bench.example",
                display_name=f"{self.rng.choice(FIRST_NAMES)} {i}",
                language="fr" if i % 2 else "en",
                password=password,
                date_joined=joined,
            )
            for i in range(1, self.tier.members + 1)
        ]
        users.append(
            User(
                pk=self.tier.members + 1,
                username=CELEBRITY,
                email="celebrity@bench.example",
                display_name="Celebrity",
                password=password,
                date_joined=joined,
            )
        )
        User.objects.bulk_create(users, batch_size=BATCH)
        return [u.pk for u in users[:-1]]

    def follows(self, member_ids: list[int]) -> dict[int, list[int]]:
        """Each member follows `follows_each` others at random, plus the celebrity. Returns follower lists."""
        celebrity = self.tier.members + 1
        now = timezone.now()
        following: dict[int, list[int]] = {}
        for member in member_ids:
            others = self.rng.sample(member_ids, min(self.tier.follows_each + 1, len(member_ids)))
            following[member] = [t for t in others if t != member][: self.tier.follows_each]
        rows = (
            (follower, target, "accepted", now)
            for follower, targets in following.items()
            for target in [*targets, celebrity]
        )
        self.insert("accounts_follow", ["follower_id", "target_id", "state", "created_at"], rows)
        return following

    # --- posts --------------------------------------------------------------------------------------------

    def posts(self, member_ids: list[int]) -> dict[int, list[int]]:
        """Posts spread over 30 days, ~10 % replies, ~12 % tagged. Returns each author's post ids (ascending)."""
        tags = {
            "réconfort": Tag.objects.create(key="réconfort", name="réconfort"),
            "deuil": Tag.objects.create(key="deuil", name="deuil"),
        }
        start = timezone.now() - timedelta(days=30)
        step = timedelta(days=30) / self.tier.posts
        by_author: dict[int, list[int]] = {m: [] for m in member_ids}
        author_of: list[int] = [0]  # index = post id
        batch: list[Post] = []
        post_tags: list[PostTag] = []
        for pk in range(1, self.tier.posts + 1):
            author = self.rng.choice(member_ids)
            french = author % 2 == 1
            words = self.rng.sample(WORDS_FR if french else WORDS_EN, 12)
            text = " ".join(words).capitalize() + "."
            tag = None
            roll = self.rng.random()
            if roll < 0.08:
                tag = "réconfort"
            elif roll < 0.12:
                tag = "deuil"
            if tag:
                text += f" #{tag}"
                post_tags.append(PostTag(post_id=pk, tag=tags[tag]))
            reply_to = self.rng.randrange(1, pk) if pk > 10 and self.rng.random() < 0.1 else None
            visibility = self.rng.choices(["public", "unlisted", "private"], [90, 5, 5])[0]
            batch.append(
                Post(
                    pk=pk,
                    author_id=author,
                    text=text,
                    content_html=f"<p>{text}</p>",
                    language="fr" if french else "en",
                    visibility=visibility,
                    in_reply_to_id=reply_to,
                    in_reply_to_account_id=author_of[reply_to] if reply_to else None,
                    thread_root_id=reply_to,
                    created_at=start + step * pk,
                    tag_names=[tag] if tag else [],
                    hug_count=self.rng.randrange(4),
                    candle_count=self.rng.randrange(3),
                    heart_count=self.rng.randrange(6),
                )
            )
            author_of.append(author)
            by_author[author].append(pk)
            if len(batch) >= BATCH:
                self._flush_posts(batch, post_tags)
                batch, post_tags = [], []
                if pk % (BATCH * 20) == 0:
                    log(f"  {pk:,} posts")
        self._flush_posts(batch, post_tags)
        return by_author

    def _flush_posts(self, batch, post_tags) -> None:
        Post.objects.bulk_create(batch, batch_size=BATCH)
        PostTag.objects.bulk_create(post_tags, batch_size=BATCH)

    # --- stored home timelines, as fan-out would have left them ----------------------------------------------

    def home_feeds(self, following: dict[int, list[int]], by_author: dict[int, list[int]]) -> int:
        """Author + followers receive every post (all our visibilities reach followers); newest N kept."""
        size = self.feed_size

        def rows():
            for member, targets in following.items():
                candidates = [by_author[member][-size:], *(by_author[t][-size:] for t in targets)]
                for post_id in heapq.nlargest(size, heapq.merge(*candidates)):
                    yield (member, post_id)

        return self.insert("timelines_homefeedentry", ["owner_id", "post_id"], rows())

    def counters(self, following: dict[int, list[int]], by_author: dict[int, list[int]]) -> None:
        followers: dict[int, int] = {}
        for targets in following.values():
            for target in targets:
                followers[target] = followers.get(target, 0) + 1
        last = dict(Post.objects.values("author_id").annotate(last=Max("created_at")).values_list("author_id", "last"))
        users = list(User.objects.all().only("pk"))
        for user in users:
            user.followers_count = followers.get(user.pk, 0)
            user.following_count = len(following.get(user.pk, [])) + (1 if user.pk in following else 0)
            user.statuses_count = len(by_author.get(user.pk, []))
            user.last_status_at = last.get(user.pk)
        celebrity = next(u for u in users if u.pk == self.tier.members + 1)
        celebrity.followers_count = len(following)
        User.objects.bulk_update(
            users, ["followers_count", "following_count", "statuses_count", "last_status_at"], batch_size=BATCH
        )

    # --- the whole seed ------------------------------------------------------------------------------------

    def run(self) -> None:
        started = time.monotonic()
        with transaction.atomic():
            member_ids = self.members()
            log(f"{len(member_ids):,} members (+ {CELEBRITY})")
            following = self.follows(member_ids)
            log(f"{sum(len(t) for t in following.values()):,} follows")
            by_author = self.posts(member_ids)
            log(f"{self.tier.posts:,} posts")
            entries = self.home_feeds(following, by_author)
            log(f"{entries:,} home timeline entries")
            self.counters(following, by_author)
            if connection.vendor == "postgresql":  # explicit ids: move the sequences past them
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(color.no_style(), [User, Post, Tag]):
                        cursor.execute(sql)
        log("ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        call_command("createcachetable", verbosity=0)
        log(f"done in {time.monotonic() - started:.0f} s")


def empty_database() -> None:

    if connection.vendor == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", interactive=False, verbosity=0)

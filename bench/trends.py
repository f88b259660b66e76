"""Trend computation over many posts in 24 hours, as a ratio to a primary-key fetch in the same run.

    .venv/bin/python bench/trends.py --posts 100000                  # small tier, SQLite in bench/data/trends/
    .venv/bin/python bench/trends.py                                 # 1 M posts in 24 h
    .venv/bin/python bench/trends.py --database-url postgres://postgres@127.0.0.1:5432/bench_trends

The database is EMPTIED first, then filled in bulk with --posts public posts spread evenly over the last 24 hours
by --members members (10 % of them joined in the last day), each post carrying one or two of --tags hashtags
(Zipf-like: a few very busy tags, a long tail), in French or English. Two bursts are added in the last hour:
#bench_burst by 300 distinct established members, #bench_bots by 300 accounts created an hour ago.

Measured (`trends.services.trends_compute`, the periodic job):
- cold: the first run, which counts every finished hour of the baseline into TagHourStat, then detects;
- one_hour: a run that has one new finished hour to count (what happens once an hour);
- warm: a run with every hour already counted (what happens every 10 minutes);
- pk: `Post.objects.get(pk=…)`, the cheapest read there is.
Ratios (run / pk p50) cancel the speed of the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.environment import RESULTS, setup_django  # noqa: E402

BATCH = 5000


def seed(posts: int, members: int, tags: int, rng: random.Random, now) -> None:
    from bench.seeder import log
    from reconfort.accounts.models import User
    from reconfort.hashtags.models import Tag
    from reconfort.posts.models import Post, PostTag

    created_field = Post._meta.get_field("created_at")
    created_field.auto_now_add = False  # the seeded times, not now
    old, young = now - timedelta(days=400), now - timedelta(hours=1)
    users = [
        User(
            username=f"m{i}",
            email=f"m{i}@bench.invalid",
            password="!",
            date_joined=young if i % 10 == 0 else old,
        )
        for i in range(members)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    ids = list(User.objects.order_by("id").values_list("id", flat=True))
    established = [pk for i, pk in enumerate(ids) if i % 10]
    youngsters = [pk for i, pk in enumerate(ids) if i % 10 == 0]
    bots = User.objects.bulk_create(
        [User(username=f"bot{i}", email=f"bot{i}@bench.invalid", password="!", date_joined=young) for i in range(300)]
    )
    names = [f"tag{i}" for i in range(tags)] + ["bench_burst", "bench_bots"]
    Tag.objects.bulk_create([Tag(key=n, name=n) for n in names], batch_size=BATCH)
    tag_ids = dict(Tag.objects.values_list("name", "id"))
    ordinary = [tag_ids[f"tag{i}"] for i in range(tags)]
    cumulative, total = [], 0.0
    for rank in range(tags):
        total += 1 / (rank + 1)
        cumulative.append(total)
    log(f"inserting {posts:,} posts over 24 h")
    span = 24 * 3600
    pending: list[tuple[Post, list[int]]] = []

    def flush():
        made = Post.objects.bulk_create([p for p, _t in pending], batch_size=BATCH)
        PostTag.objects.bulk_create(
            [PostTag(post_id=p.pk, tag_id=t) for p, (_x, ts) in zip(made, pending, strict=True) for t in ts],
            batch_size=BATCH,
        )
        pending.clear()

    authors = established + youngsters
    for i in range(posts):
        chosen = set(rng.choices(ordinary, cum_weights=cumulative, k=rng.choice((1, 1, 2))))
        at = now - timedelta(seconds=span * (i + 0.5) / posts)
        pending.append(
            (
                Post(
                    author_id=rng.choice(authors),
                    text="#x",
                    content_html="<p>#x</p>",
                    language="fr" if rng.random() < 0.6 else "en",
                    created_at=at,
                ),
                sorted(chosen),
            )
        )
        if len(pending) == BATCH:
            flush()
            if i % 100_000 < BATCH:
                log(f"  {i + 1:,}")
    for k, author in enumerate(rng.sample(established, 300)):
        at = now - timedelta(minutes=50 * k / 300 + 1)
        pending.append(
            (Post(author_id=author, text="#bench_burst", language="fr", created_at=at), [tag_ids["bench_burst"]])
        )
    for k, bot in enumerate(bots):
        at = now - timedelta(minutes=50 * k / 300 + 1)
        pending.append(
            (Post(author_id=bot.pk, text="#bench_bots", language="fr", created_at=at), [tag_ids["bench_bots"]])
        )
    flush()
    created_field.auto_now_add = True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL database to fill (EMPTIED first); default: SQLite")
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--reuse", action="store_true", help="measure the posts seeded by the previous run")
    parser.add_argument(
        "--baseline-days", type=int, default=1, help="the seeded day is the baseline (RECONFORT_TRENDS_BASELINE_DAYS)"
    )
    args = parser.parse_args(argv)
    os.environ["RECONFORT_TRENDS_BASELINE_DAYS"] = str(args.baseline_days)
    setup_django("trends", args.database_url)

    from django.db import connection
    from django.utils import timezone

    from bench.seeder import empty_database, log
    from reconfort.posts.models import Post
    from reconfort.trends import services
    from reconfort.trends.models import HourDone, TagHourStat, TrendScore

    rng = random.Random(args.seed)
    state = Path(__file__).resolve().parent / "data" / "trends" / "seeded_at.txt"
    if args.reuse and state.exists() and Post.objects.count() >= args.posts:
        from datetime import datetime

        now = datetime.fromisoformat(state.read_text().strip())
    else:
        empty_database()
        now = timezone.now().replace(microsecond=0)
        started = time.perf_counter()
        seed(args.posts, args.members, args.tags, rng, now)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        log(f"seeded in {time.perf_counter() - started:.1f} s on {connection.vendor}")
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(now.isoformat())
    TagHourStat.objects.all().delete()
    HourDone.objects.all().delete()
    TrendScore.objects.all().delete()

    def run(at) -> float:
        start = time.perf_counter()
        found = services.trends_compute(at)
        run.found = found
        return (time.perf_counter() - start) * 1000

    cold = run(now)
    bursting = sorted({str(b.tag_id) for b in run.found if b.language == ""})
    from reconfort.hashtags.models import Tag

    bursting_names = sorted(Tag.objects.filter(pk__in=bursting).values_list("name", flat=True))
    warm = [run(now) for _ in range(args.runs)]
    one_hour = []
    for _ in range(args.runs):
        HourDone.objects.filter(hour=HourDone.objects.order_by("-hour").values("hour")[:1]).delete()
        one_hour.append(run(now))

    ids = (
        list(Post.objects.order_by("?").values_list("id", flat=True)[:300])
        if connection.vendor == "postgresql"
        else [rng.randint(1, args.posts) for _ in range(300)]
    )
    pk_samples = []
    for pk in ids:
        start = time.perf_counter()
        Post.objects.filter(pk=pk).first()
        pk_samples.append((time.perf_counter() - start) * 1000)
    pk_p50 = statistics.median(pk_samples[50:])
    report = {
        "database": connection.vendor,
        "baseline_days": args.baseline_days,
        "posts": Post.objects.count(),
        "tag_hour_rows": TagHourStat.objects.count(),
        "cold_ms": round(cold, 1),
        "one_new_hour_ms": round(statistics.median(one_hour), 1),
        "warm_ms": round(statistics.median(warm), 1),
        "pk_p50_ms": round(pk_p50, 3),
        "ratio_cold_to_pk": round(cold / pk_p50),
        "ratio_one_new_hour_to_pk": round(statistics.median(one_hour) / pk_p50),
        "ratio_warm_to_pk": round(statistics.median(warm) / pk_p50),
        "bursting_all_languages": bursting_names,
    }
    print(json.dumps(report, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"trends-{connection.vendor}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    log(f"written to {out.relative_to(RESULTS.parent.parent)}")


if __name__ == "__main__":
    main()

"""Near-me search over many appeals, as a ratio to a primary-key lookup in the same run; poster generation time.

    .venv/bin/python bench/appeals_near_me.py                        # SQLite in bench/data/appeals/
    .venv/bin/python bench/appeals_near_me.py --database-url postgres://postgres@127.0.0.1:5432/bench_appeals

The database is EMPTIED first, then filled with --appeals open appeals (100,000 by default) in bulk, spread over
the gazetteer's towns (most around the big ones, jittered by up to ~20 km), by --owners members. Then, with the
same random query points for both:

- near: `appeals.selectors.appeals_near` within 25 km of a town, 50 nearest, for an anonymous visitor and for a
  signed-in member (whose blocks and follows the query must consider);
- pk: `Appeal.objects.select_related("owner").get(pk=…)`, the cheapest read there is.

Ratios (p95 near / p95 pk) are what to track: they cancel the speed of the machine. The poster (A4 page with its
QR code) is rendered through its view, without a photo.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.environment import RESULTS, setup_django  # noqa: E402
from bench.timing import summary, timed  # noqa: E402


def seed(appeals: int, owners: int, rng: random.Random) -> list:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from bench.seeder import log
    from reconfort.accounts.models import User
    from reconfort.appeals import gazetteer
    from reconfort.appeals.models import Appeal, AppealKind, Status

    places = sorted(gazetteer._index()[0].values(), key=lambda p: -p.population)
    # Big towns get more appeals: pick among the 2,000 largest, weighted by population.
    towns = places[:2000]
    weights = [p.population for p in towns]
    password = make_password("bench-password-1234")
    now = timezone.now()
    User.objects.bulk_create(
        [User(username=f"owner{i}", email=f"owner{i}@bench.invalid", password=password) for i in range(owners)],
        batch_size=2000,
    )
    owner_ids = list(User.objects.values_list("id", flat=True))
    kinds = [AppealKind.BLOOD, AppealKind.MISSING_PET, AppealKind.PRAYER, AppealKind.HELP]
    log(f"inserting {appeals:,} appeals")
    batch = []
    for i in range(appeals):
        town = rng.choices(towns, weights)[0]
        batch.append(
            Appeal(
                owner_id=rng.choice(owner_ids),
                kind=rng.choice(kinds),
                status=Status.OPEN,
                title=f"Appeal {i}",
                place_name=town.name,
                country_code=town.country_code,
                latitude=max(-90.0, min(90.0, town.latitude + rng.uniform(-0.2, 0.2))),
                longitude=((town.longitude + rng.uniform(-0.2, 0.2) + 180) % 360) - 180,
                created_at=now,
                updated_at=now,
                confirmed_at=now,
                expires_at=now + timedelta(days=30),
            )
        )
        if len(batch) == 5000:
            Appeal.objects.bulk_create(batch)
            batch = []
    Appeal.objects.bulk_create(batch)
    return towns


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL database to fill (EMPTIED first); default: SQLite")
    parser.add_argument("--appeals", type=int, default=100_000)
    parser.add_argument("--owners", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--reuse", action="store_true", help="measure the appeals seeded by the previous run")
    args = parser.parse_args(argv)
    setup_django("appeals", args.database_url)

    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import RequestFactory

    from bench.seeder import empty_database, log
    from reconfort.accounts.models import Follow, User
    from reconfort.appeals import gazetteer, selectors, views
    from reconfort.appeals.models import Appeal

    rng = random.Random(args.seed)
    if args.reuse and Appeal.objects.count() == args.appeals:
        towns = sorted(gazetteer._index()[0].values(), key=lambda p: -p.population)[:2000]
        member = User.objects.get(username="searcher")
    else:
        empty_database()
        started = time.perf_counter()
        towns = seed(args.appeals, args.owners, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        log(f"seeded in {time.perf_counter() - started:.1f} s on {connection.vendor}")
        member = User.objects.create(username="searcher", email="searcher@bench.invalid")
        owners = list(User.objects.exclude(pk=member.pk).values_list("id", flat=True)[:100])
        Follow.objects.bulk_create(
            [Follow(follower=member, target_id=pk, state=Follow.State.ACCEPTED) for pk in owners[:50]]
        )
    anonymous = AnonymousUser()
    points = [rng.choices(towns[:500], [t.population for t in towns[:500]])[0] for _ in range(args.runs)]
    ids = list(Appeal.objects.values_list("id", flat=True))
    pk_queue = [rng.choice(ids) for _ in range(args.runs + 10)]
    results_found = []

    def near_for(viewer):
        queue = list(points) + list(points[:10])

        def call():
            town = queue.pop()
            found = selectors.appeals_near(
                viewer, latitude=town.latitude, longitude=town.longitude, radius_km=25, limit=50
            )
            results_found.append(len(found))

        return call

    def pk_lookup():
        Appeal.objects.select_related("owner").get(pk=pk_queue.pop())

    pk = summary(timed(pk_lookup, args.runs))
    near_anonymous = summary(timed(near_for(anonymous), args.runs))
    near_member = summary(timed(near_for(member), args.runs))

    factory = RequestFactory()
    poster_ids = [rng.choice(ids) for _ in range(60)]

    def poster():
        request = factory.get("/")
        request.user = anonymous
        request.LANGUAGE_CODE = "en"
        views.poster(request, poster_ids.pop()).render()

    poster_times = summary(timed(poster, 50))

    report = {
        "database": connection.vendor,
        "appeals": args.appeals,
        "pk_lookup": pk,
        "near_anonymous": near_anonymous,
        "near_member": near_member,
        "mean_results": round(statistics.mean(results_found), 1),
        "ratio_p95_near_anonymous_to_pk": round(near_anonymous["p95_ms"] / pk["p95_ms"], 1),
        "ratio_p50_near_anonymous_to_pk": round(near_anonymous["p50_ms"] / pk["p50_ms"], 1),
        "ratio_p95_near_member_to_pk": round(near_member["p95_ms"] / pk["p95_ms"], 1),
        "ratio_p50_near_member_to_pk": round(near_member["p50_ms"] / pk["p50_ms"], 1),
        "poster": poster_times,
        "ratio_p95_poster_to_pk": round(poster_times["p95_ms"] / pk["p95_ms"], 1),
    }
    print(json.dumps(report, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"appeals-near-me-{connection.vendor}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    log(f"written to {out.relative_to(RESULTS.parent.parent)}")


if __name__ == "__main__":
    main()

"""Memorial benchmarks (issue 4): archive import throughput and peak memory, and pages whose query count must not
grow with their content.

    .venv/bin/python bench/memorials.py                       # SQLite in bench/data/memorials/
    .venv/bin/python bench/memorials.py --sizes 10000 100000 --database-url postgres://postgres@127.0.0.1:5432/bench_memorials

The database is EMPTIED first (a fresh SQLite file, or every table flushed on PostgreSQL). Then:

- import: an X/Twitter archive of N tweets (split in two parts, dates shuffled, a tenth of them retweets and a tenth
  replies) is uploaded through `archive_import_upload` and read by the import job itself (`importer.run`), timed
  (posts read per second) and, in a second run, traced with tracemalloc (peak Python memory). The peak must not
  grow with N: the job streams the archive item by item.
- memorial page: one memorial with 100, then 10,000 approved tributes; queries and time of GET /memorials/<key>/.
- directory: 100, then 10,000 listed memorials with last words; queries and time of GET /memorials/.

Query counts are what to track (they must be equal at both sizes); times are printed for information.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.environment import RESULTS, ROOT, setup_django  # noqa: E402


def fresh_database(database_url: str | None) -> None:
    if database_url is None:
        (ROOT / "bench" / "data" / "memorials" / "bench.sqlite3").unlink(missing_ok=True)


def migrate(database_url: str | None) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if database_url:
        call_command("flush", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)


def twitter_archive(path: Path, count: int, rng: random.Random) -> None:
    """Write an archive of `count` tweets in the real format, one item at a time (no giant string)."""
    import zipfile

    start = datetime.datetime(2012, 1, 1, tzinfo=datetime.UTC)
    words = "mer bateau amour matin vent port filets marée Bretagne mouette lumière retour".split()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data/account.js",
            "window.YTD.account.part0 = "
            + json.dumps([{"account": {"username": "yannlegall", "accountDisplayName": "Yann", "accountId": "42"}}]),
        )
        half = count // 2
        for part, (first, last) in enumerate(((0, half), (half, count))):
            name = "data/tweets.js" if part == 0 else f"data/tweets-part{part}.js"
            with archive.open(name, "w") as out:
                out.write(f"window.YTD.tweets.part{part} = [\n".encode())
                for number in range(first, last):
                    moment = start + datetime.timedelta(minutes=rng.randrange(0, 6_000_000))
                    text = " ".join(rng.choices(words, k=rng.randint(5, 25)))
                    kind = rng.random()
                    if kind < 0.1:
                        text = "RT @someone: " + text
                    item = {
                        "tweet": {
                            "id_str": str(10**15 + number),
                            "created_at": moment.strftime("%a %b %d %H:%M:%S +0000 %Y"),
                            "full_text": text,
                            "entities": {"hashtags": [], "urls": [], "user_mentions": []},
                            **(
                                {"in_reply_to_status_id_str": "7", "in_reply_to_screen_name": "other"}
                                if 0.1 <= kind < 0.2
                                else {}
                            ),
                        }
                    }
                    out.write((("," if number > first else "") + json.dumps(item) + "\n").encode())
                out.write(b"]\n")


def bench_import(owner, count: int, rng: random.Random) -> dict:
    from django.core.files import File

    from reconfort.memorials import importer, services
    from reconfort.memorials.models import ArchiveImport, ImportedPost, Memorial

    memorial = services.memorial_create(owner, full_name="Yann Le Gall", death_date=datetime.date(2024, 2, 10))
    services.memorial_set_state(owner, memorial, Memorial.State.PUBLISHED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.zip"
        twitter_archive(path, count, rng)
        size = path.stat().st_size
        result = {"posts_in_archive": count, "zip_bytes": size}
        for traced in (False, True):
            with open(path, "rb") as handle:
                job = services.archive_import_upload(owner, memorial, File(handle, name="archive.zip"))
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            importer.run(job.pk)
            elapsed = time.perf_counter() - started
            if traced:
                result["peak_python_memory_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 2)
                tracemalloc.stop()
            else:
                result["seconds"] = round(elapsed, 2)
                result["posts_per_second"] = round(count / elapsed)
            job.refresh_from_db()
            assert job.state == ArchiveImport.State.REVIEW, (job.state, job.failure)
            result["posts_kept"] = ImportedPost.objects.filter(archive_import=job).count()
            services.archive_import_discard(owner, job)
    return result


def page_queries(client, path: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm caches (the memorialised-ids cache, templates)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return {"queries": len(queries), "ms": round(elapsed * 1000, 1)}


def bench_memorial_page(owner, authors, sizes) -> dict:
    from django.test import Client

    from reconfort.memorials import services
    from reconfort.memorials.models import Memorial, Tribute

    results = {}
    for size in sizes:
        memorial = services.memorial_create(owner, full_name=f"Page {size}", death_date=datetime.date(2023, 5, 1))
        services.memorial_set_state(owner, memorial, Memorial.State.PUBLISHED)
        Tribute.objects.bulk_create(
            [
                Tribute(
                    memorial=memorial,
                    author=authors[i % len(authors)],
                    text=f"Une pensée, {i}",
                    text_html=f"<p>Une pensée, {i}</p>",
                    state=Tribute.State.APPROVED,
                )
                for i in range(size)
            ],
            batch_size=1000,
        )
        client = Client()
        client.force_login(authors[0])
        results[size] = page_queries(client, f"/memorials/{memorial.key}/")
    return results


def bench_directory(owner, sizes) -> dict:
    from django.db import transaction
    from django.test import Client

    from reconfort.memorials.models import LastWords, Memorial

    results, made = {}, 0
    for size in sizes:
        with transaction.atomic():
            batch = [
                Memorial(
                    full_name=f"Personne {i}",
                    sort_name=f"personne {i:06d}",
                    death_date=datetime.date(2000 + i % 24, 1 + i % 12, 1 + i % 28),
                    state=Memorial.State.PUBLISHED,
                    listed=True,
                    languages=["fr"],
                    created_by=owner,
                )
                for i in range(made, size)
            ]
            created = Memorial.objects.bulk_create(batch, batch_size=1000)
            if not all(m.pk for m in created):  # SQLite before RETURNING: read the ids back
                created = list(Memorial.objects.filter(full_name__startswith="Personne ").order_by("id")[made:size])
            LastWords.objects.bulk_create(
                [LastWords(memorial=m, text="Merci pour tout.", consent="family") for m in created], batch_size=1000
            )
        made = size
        results[size] = page_queries(Client(), "/memorials/")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="archive sizes (posts)")
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 10_000], help="tributes / memorials")
    args = parser.parse_args()

    fresh_database(args.database_url)
    setup_django("memorials", args.database_url)
    migrate(args.database_url)

    from django.test.utils import override_settings

    from tests.factories import UserFactory

    rng = random.Random(7)
    with override_settings(RECONFORT_RATE_LIMITS_ENABLED=False, RECONFORT_IMPORT_MAX_BYTES=2**31):
        owner = UserFactory(username="steward")
        authors = [UserFactory(username=f"proche{i}") for i in range(20)]
        report = {
            "database": "postgresql" if args.database_url else "sqlite",
            "import": [bench_import(owner, size, rng) for size in args.sizes],
            "memorial_page": bench_memorial_page(owner, authors, args.pages),
            "directory": bench_directory(owner, args.pages),
        }
    imports = report["import"]
    if len(imports) > 1:
        report["peak_memory_ratio_largest_to_smallest"] = round(
            imports[-1]["peak_python_memory_mib"] / imports[0]["peak_python_memory_mib"], 2
        )
    print(json.dumps(report, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"memorials-{report['database']}.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

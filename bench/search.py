"""Full-text search over many posts, as a ratio to a primary-key fetch in the same run.

    .venv/bin/python bench/search.py                       # SQLite in data/bench-search/
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/bench_search
    .venv/bin/python bench/search.py --posts 100000 --grow-to 1000000     # seed 100 k, copy them up to 1 M in SQL

The database is EMPTIED first (unless --reuse), then filled in bulk with --posts posts (1,000,000 by default) by
--members members: realistic French and English sentences built from word lists (grief, memories, comfort, daily
life), two thirds French, a tenth followers-only, a few direct. --grow-to copies them (new ids, same sentences) in
SQL, much faster than generating them in Python. The search index is filled the way the
`search_rebuild` command fills it (search.services.document_for, in bulk). Then, for a member who follows 100
people, blocks 5 and mutes 5:

- search: `search.selectors.post_search(member, q, limit=20)` for representative queries (a rare word, a common
  word, two words, an inflected French word without its accents, an English plural, a name);
- pk: `Post.objects.with_related().get(pk=…)`, the cheapest read there is.

Ratios (p95 search / p95 pk) are what to track: they cancel the speed of the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import RESULTS, environment  # noqa: E402
from bench.timing import summary, timed  # noqa: E402

FRENCH = {
    "openings": ["Aujourd'hui", "Ce matin", "Hier soir", "Depuis des mois", "Cette semaine", "Ce soir", "Encore"],
    "subjects": [
        "je pense à",
        "je me souviens de",
        "mes pensées vont vers",
        "je n'oublie pas",
        "je pleure",
        "j'écris à",
        "je parle de",
        "nous rendons hommage à",
    ],
    "people": [
        "ma mère",
        "mon père",
        "ma grand-mère",
        "mon grand-père",
        "mon frère",
        "ma sœur",
        "mon ami Paul",
        "ma fille",
        "mon fils",
        "notre voisine Hélène",
        "mon chat",
        "mon oncle Étienne",
    ],
    "tails": [
        "et les souvenirs reviennent",
        "le décès a tout changé",
        "la tristesse est immense",
        "merci pour votre soutien",
        "une bougie est allumée pour lui",
        "les obsèques ont eu lieu à Lyon",
        "le chagrin ne passe pas",
        "je garde ses lettres",
        "la maison est silencieuse",
        "nous avons planté un arbre",
        "le jardin fleurit encore",
        "les enfants demandent où il est",
        "je respire un peu mieux",
        "vos messages me réconfortent",
        "la douleur est plus douce",
        "un an déjà",
        "les fêtes seront difficiles",
        "je marche au bord de la mer",
    ],
}
ENGLISH = {
    "openings": ["Today", "This morning", "Last night", "For months now", "This week", "Tonight", "Again"],
    "subjects": [
        "I think of",
        "I remember",
        "my thoughts go to",
        "I will not forget",
        "I cry for",
        "I write to",
        "I talk about",
        "we honour",
    ],
    "people": [
        "my mother",
        "my father",
        "my grandmother",
        "my grandfather",
        "my brother",
        "my sister",
        "my friend Paul",
        "my daughter",
        "my son",
        "our neighbour Helen",
        "my cat",
        "my uncle Steven",
    ],
    "tails": [
        "and the memories come back",
        "the death changed everything",
        "the sadness is huge",
        "thank you for your support",
        "a candle is lit for him",
        "the funeral was held in Leeds",
        "the grief does not pass",
        "I keep their letters",
        "the house is quiet",
        "we planted a tree",
        "the garden still blooms",
        "the children ask where he is",
        "I breathe a little better",
        "your messages comfort me",
        "the pain is softer",
        "already a year",
        "the holidays will be hard",
        "I walk by the sea",
    ],
}
RARE = ["Ouessant", "harmonica", "coquelicots", "Tromsø", "accordéon", "lighthouse", "kintsugi", "mimosas"]
QUERIES = {
    "rare word": "harmonica",
    "common word": "souvenirs",
    "two words": "bougie allumée",
    "no accents, inflected": "deces tristesse",
    "english plural": "memories",
    "name": "Hélène",
}


def sentence(rng: random.Random) -> tuple[str, str]:
    french = rng.random() < 2 / 3
    words = FRENCH if french else ENGLISH
    text = f"{rng.choice(words['openings'])}, {rng.choice(words['subjects'])} {rng.choice(words['people'])} ; "
    text += ", ".join(rng.sample(words["tails"], rng.randint(1, 3)))
    if rng.random() < 0.02:
        text += f" — {rng.choice(RARE)}"
    if rng.random() < 0.1:
        text += " #" + rng.choice(["deuil", "souvenir", "réconfort", "grief", "memories"])
    return text + ".", "fr" if french else "en"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def seed(posts: int, members: int, rng: random.Random) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from reconfort.accounts.models import User
    from reconfort.posts.models import Post, Visibility
    from reconfort.search.models import PostDocument
    from reconfort.search.services import document_for

    password = make_password("bench-password-1234")
    User.objects.bulk_create(
        [User(username=f"member{i}", email=f"m{i}@bench.invalid", password=password, display_name=f"Member {i}")
         for i in range(members)],
        batch_size=2000,
    )  # fmt: skip
    author_ids = list(User.objects.values_list("id", flat=True))
    start = timezone.now() - timedelta(days=365)
    step = timedelta(days=365) / max(1, posts)
    postgres = connection.vendor == "postgresql"
    if postgres:  # bulk load first, then build the GIN index once
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_postdocument_document")
    batch_size, done = 5000, 0
    while done < posts:
        batch = []
        for i in range(done, min(posts, done + batch_size)):
            text, language = sentence(rng)
            roll = rng.random()
            visibility = Visibility.PRIVATE if roll < 0.1 else Visibility.DIRECT if roll < 0.12 else Visibility.PUBLIC
            batch.append(Post(author_id=rng.choice(author_ids), text=text, content_html=f"<p>{text}</p>",
                              language=language, visibility=visibility, created_at=start + step * i))  # fmt: skip
        with transaction.atomic():
            created = Post.objects.bulk_create(batch)
            PostDocument.objects.bulk_create([document_for(p) for p in created])
        done += len(batch)
        if done % 100_000 == 0 or done == posts:
            log(f"{done:,} posts")
    if postgres:
        log("building the GIN index")
        with connection.cursor() as cursor:
            cursor.execute("CREATE INDEX search_postdocument_document ON search_postdocument USING gin (document)")


def grow(target: int) -> None:
    """Copy the seeded posts (and their index rows) in SQL until there are `target` posts: new ids, the same
    generated sentences. Python seeding runs at ~400 posts/s on a shared machine; this keeps 1 M within reach."""
    from django.db import connection, transaction

    from reconfort.posts.models import Post

    columns = [f.column for f in Post._meta.concrete_fields if f.column != "id"]
    column_list = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        cursor.execute("SELECT MIN(id), MAX(id), COUNT(*) FROM posts_post")
        low, high, base = cursor.fetchone()
        assert high - low + 1 == base, "the seeded ids must be contiguous"
    total = base
    while total < target:
        size = min(base, target - total)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT MAX(id) FROM posts_post")
            (top,) = cursor.fetchone()
            cursor.execute(
                f"INSERT INTO posts_post ({column_list}) SELECT {column_list} FROM posts_post"
                f" WHERE id >= %s AND id < %s ORDER BY id",
                [low, low + size],
            )
            cursor.execute(
                "INSERT INTO search_postdocument (post_id, config, body)"
                " SELECT p.id, d.config, d.body FROM posts_post p"
                " JOIN search_postdocument d ON d.post_id = p.id - %s WHERE p.id > %s",
                [top + 1 - low, top],
            )
        total += size
        log(f"{total:,} posts")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL database to fill (EMPTIED first); default: SQLite")
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--reuse", action="store_true", help="measure the posts seeded by the previous run")
    parser.add_argument("--grow-to", type=int, help="then copy the seeded posts in SQL until there are this many")
    args = parser.parse_args(argv)
    env = environment("search", args.database_url)
    data_dir = ROOT / "data" / "bench-search"
    data_dir.mkdir(parents=True, exist_ok=True)
    env["RECONFORT_DATA_DIR"] = str(data_dir)
    env["DATABASE_URL"] = args.database_url or f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ.update(env)
    import django

    django.setup()

    from django.db import connection

    from bench.seeder import empty_database
    from reconfort.accounts.models import Block, Follow, Mute, User
    from reconfort.posts.models import Post
    from reconfort.search import selectors

    rng = random.Random(args.seed)
    seeded_seconds = None
    if not (args.reuse and Post.objects.count() >= min(args.posts, args.grow_to or args.posts)):
        empty_database()
        started = time.perf_counter()
        seed(args.posts, args.members, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        seeded_seconds = round(time.perf_counter() - started, 1)
        log(f"seeded in {seeded_seconds} s on {connection.vendor}")
        member = User.objects.create(username="searcher", email="searcher@bench.invalid")
        others = list(User.objects.exclude(pk=member.pk).values_list("id", flat=True)[:110])
        Follow.objects.bulk_create([Follow(follower=member, target_id=pk, state=Follow.State.ACCEPTED)
                                    for pk in others[:100]])  # fmt: skip
        Block.objects.bulk_create([Block(account=member, target_id=pk) for pk in others[100:105]])
        Mute.objects.bulk_create([Mute(account=member, target_id=pk) for pk in others[105:110]])
    if args.grow_to and Post.objects.count() < args.grow_to:
        started = time.perf_counter()
        postgres = connection.vendor == "postgresql"
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX IF EXISTS search_postdocument_document")
        grow(args.grow_to)
        with connection.cursor() as cursor:
            if postgres:
                log("building the GIN index")
                cursor.execute("CREATE INDEX search_postdocument_document ON search_postdocument USING gin (document)")
            cursor.execute("ANALYZE")
        log(f"grown in {time.perf_counter() - started:.1f} s")
    member = User.objects.get(username="searcher")
    total = Post.objects.count()
    low, high = Post.objects.order_by("pk").values_list("pk", flat=True)[0], Post.objects.latest("pk").pk
    pk_queue = [rng.randint(low, high) for _ in range(args.runs + 10)]

    def pk_lookup():
        Post.objects.with_related().filter(pk=pk_queue.pop()).first()

    report: dict = {"database": connection.vendor, "posts": total, "seeded_seconds": seeded_seconds}
    report["pk_fetch"] = pk = summary(timed(pk_lookup, args.runs, warmup=3))
    report["queries"] = {}
    for name, query in QUERIES.items():
        found: list[int] = []

        def call(query=query, found=found):
            found.append(len(selectors.post_search(member, query, limit=20)))

        result = summary(timed(call, args.runs, warmup=3))
        result["query"] = query
        result["results"] = found[-1]
        result["ratio_p95_to_pk"] = round(result["p95_ms"] / pk["p95_ms"], 1)
        report["queries"][name] = result
        log(f"{name!r}: p95 {result['p95_ms']} ms ({result['ratio_p95_to_pk']}× pk)")
    print(json.dumps(report, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"search-{connection.vendor}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    log(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Seed a benchmark database: members, follows, posts, hashtags and stored home timelines.

    .venv/bin/python bench/seed.py --tier small                      # SQLite in bench/data/small/
    .venv/bin/python bench/seed.py --tier large --database-url postgres://postgres@127.0.0.1:5432/bench

Deterministic (seeded). Rows are inserted in bulk, directly, for speed: this is the only place that bypasses
the services, and it fills the home timelines exactly the way fan-out on write would (author + followers,
newest RECONFORT_HOME_FEED_SIZE kept). ANALYZE runs at the end so the planner sees the real sizes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.environment import TIERS, setup_django  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tier", choices=sorted(TIERS), default="small")
    parser.add_argument("--database-url", help="PostgreSQL database to fill (EMPTIED first); default: SQLite")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    setup_django(args.tier, args.database_url)
    from bench import seeder  # Django models can only be imported once Django is set up

    tier = TIERS[args.tier]
    seeder.log(f"tier {tier.name}: {tier.members:,} members, {tier.posts:,} posts, {tier.follows_each} follows each")
    seeder.empty_database()
    seeder.Seeder(tier, args.seed).run()


if __name__ == "__main__":
    main()

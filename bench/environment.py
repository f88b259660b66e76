"""Shared by bench/seed.py and bench/run.py: the tiers, and Django pointed at the benchmark database.

The benchmark never touches the demo's or the tests' data: SQLite files live in bench/data/<tier>/ unless
--database-url names a PostgreSQL database (which the seeder empties first).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BENCH_PASSWORD = "bench-password-1234"
CELEBRITY = "celebrity"  # followed by every member, no seeded posts: the 10 k-follower fan-out probe


@dataclass(frozen=True)
class Tier:
    name: str
    members: int
    posts: int
    follows_each: int = 100


TIERS = {
    "small": Tier("small", members=100, posts=10_000),
    "large": Tier("large", members=10_000, posts=1_000_000),
}


def environment(tier: str, database_url: str | None, redis_url: str | None = None) -> dict[str, str]:
    """The variables both the seeder and the served application run with."""
    data_dir = ROOT / "bench" / "data" / tier
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {
        "RECONFORT_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url or f"sqlite:///{data_dir / 'bench.sqlite3'}",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdefghijklmnop",
        "RECONFORT_BENCH_ENDPOINTS": "true",
        # Thousands of posts a second from one account are the point here, not abuse.
        "RECONFORT_RATE_LIMITS_ENABLED": "false",
        "RECONFORT_DOMAIN": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "reconfort.settings",
        # Without REDIS_URL: database cache and the SQLite task queue, as in the embedded default.
        "REDIS_URL": redis_url or "",
    }
    return env


def setup_django(tier: str, database_url: str | None, redis_url: str | None = None) -> dict[str, str]:
    env = environment(tier, database_url, redis_url)
    os.environ.update(env)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django  # only now: settings read the environment when Django starts

    django.setup()
    return env

"""A week of the comfort queue, simulated: does everyone who asks get a kind reply, and how fast?

Pure Python (no database, no Django): the queue's order is reconfort.comfort.ordering.queue_key, the same order the
selectors use. The week: about 1 000 requests a day (FR and EN) arriving with evening peaks in the askers' own time
zones, 50 comforters with realistic availability (not every day; two to four short sessions, at lunch and in the
evening of their time zone), a few minutes per kind reply, some requests opened then abandoned. Two ways to reach
askers are compared on the same arrivals and the same comforters:

- queue: highest risk, then fewest kind replies, then oldest; opening a request claims it for CLAIM_MINUTES so the
  next comforter sees the next one; an abandoned claim returns to the queue when it expires;
- feed: a plain newest-first feed of requests in the comforter's languages (those with 3 replies skipped), no claims
  (two comforters may answer the same person while someone older waits).

Printed: p90 and median minutes to the first kind reply, requests unanswered after 24 h, for both, and the ratio.
Target for the queue: p90 ≤ 30 min, none unanswered at 24 h.

    python bench/comfort_simulation.py [--days 7] [--per-day 1000] [--comforters 50] [--seed 6]
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from reconfort.comfort.ordering import queue_key  # noqa: E402 - plain module, no Django needed

MINUTES_PER_DAY = 24 * 60
ENOUGH_REPLIES = 3  # RECONFORT_COMFORT_KIND_REPLIES
CLAIM_MINUTES = 10  # RECONFORT_COMFORT_CLAIM_MINUTES
DAILY_CLAIMS = 30  # RECONFORT_COMFORT_DAILY_CLAIMS
SESSION_MIN, SESSION_MAX = 30, 75  # minutes a comforter stays when they come (two to four times on most days)
FEED_DEPTH = 300  # how far down a newest-first feed a comforter scrolls

# Relative arrival rate per local hour: quiet before dawn, a lunch bump, the evening peak (21–23 h), a tail of
# sleepless nights.
ASK_BY_HOUR = [3, 2, 1.5, 1, 1, 1, 1.5, 2, 3, 3.5, 3.5, 4, 5, 4.5, 4, 4, 4.5, 5, 6, 7.5, 9, 10, 9, 6]
# When comforters start a session, by local hour: lunch and evenings, a little in the morning, a few night owls.
SESSION_BY_HOUR = [0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 1.5, 2, 1.5, 1, 1.5,
                   3, 3, 1.5, 1, 1.5, 2.5, 3.5, 4.5, 5.5, 5.5, 4, 1.5]  # fmt: skip
# Askers and comforters: (language, UTC offset in hours, share).
ASKER_ZONES = [("fr", 1, 0.55), ("fr", -5, 0.05), ("en", 0, 0.18), ("en", -5, 0.14), ("en", -8, 0.08)]


@dataclass
class Request:
    ident: int
    language: str
    created: int  # minute of the week
    risk: int
    replies: int = 0
    first_reply: int | None = None
    claimed_until: int = -1  # the queue's claim
    writers: set = field(default_factory=set)


@dataclass
class Comforter:
    ident: int
    languages: tuple
    offset: int  # UTC offset, hours
    sessions: list  # [(start minute, end minute)]
    busy_until: int = 0
    claims_today: dict = field(default_factory=dict)  # day -> count


def _weighted_hour(rng: random.Random, weights: list[float]) -> int:
    return rng.choices(range(24), weights=weights)[0]


def make_requests(rng: random.Random, days: int, per_day: int) -> list[Request]:
    """Poisson arrivals per minute, shaped by each zone's local hour."""
    total_weight = sum(ASK_BY_HOUR)
    requests: list[Request] = []
    for minute in range(days * MINUTES_PER_DAY):
        for language, offset, share in ASKER_ZONES:
            local_hour = ((minute // 60) + offset) % 24
            rate = per_day * share * ASK_BY_HOUR[local_hour] / total_weight / 60  # per minute
            for _ in range(_poisson(rng, rate)):
                risk = 0 if rng.random() < 0.03 else 4
                requests.append(Request(len(requests), language, minute, risk))
    return requests


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def make_comforters(rng: random.Random, days: int, count: int) -> list[Comforter]:
    """Comforters where the askers are (about as many per language and time zone as requests), some bilingual, in
    Paris, Montréal, London, New York and California; a few night owls."""
    profiles = (
        [(("fr",), 1)] * 21  # Paris
        + [(("fr", "en"), 1)] * 6
        + [(("fr",), -5)] * 3  # Montréal: awake when Paris sleeps
        + [(("en",), 0)] * 6  # London
        + [(("fr", "en"), 0)] * 3
        + [(("en",), -5)] * 7  # New York
        + [(("en",), -8)] * 4  # California
    )
    comforters = []
    for ident in range(count):
        languages, offset = profiles[ident % len(profiles)]
        sessions = []
        for day in range(days + 1):
            if rng.random() > 0.85:  # a day off
                continue
            for _ in range(rng.choice((2, 3, 3, 4, 4))):
                local_hour = _weighted_hour(rng, SESSION_BY_HOUR)
                start = day * MINUTES_PER_DAY + (local_hour - offset) * 60 + rng.randrange(60)
                sessions.append((start, start + rng.randint(SESSION_MIN, SESSION_MAX)))
        comforters.append(Comforter(ident, languages, offset, sorted(sessions)))
    return comforters


def _online(comforter: Comforter, minute: int) -> bool:
    return any(start <= minute < end for start, end in comforter.sessions)


def simulate(strategy: str, requests: list[Request], comforters: list[Comforter], days: int, seed: int) -> dict:
    rng = random.Random(seed)  # the same writing times and abandons for both strategies
    reqs = [Request(r.ident, r.language, r.created, r.risk) for r in requests]
    for c in comforters:
        c.busy_until, c.claims_today = 0, {}
    pending: list[tuple[int, int, int, bool]] = []  # (done at, comforter, request, abandoned)
    arrived = 0
    open_by_lang: dict[str, list[Request]] = {"fr": [], "en": []}
    end = (days + 1) * MINUTES_PER_DAY  # one more day with no new requests, to see who is still waiting
    for minute in range(end):
        while arrived < len(reqs) and reqs[arrived].created <= minute:
            open_by_lang[reqs[arrived].language].append(reqs[arrived])
            arrived += 1
        while pending and pending[0][0] <= minute:
            _done, cid, rid, abandoned = heapq.heappop(pending)
            request = reqs[rid]
            if not abandoned:
                request.replies += 1
                request.writers.add(cid)
                if request.first_reply is None:
                    request.first_reply = minute
        if minute % 10 == 0:
            for lang in open_by_lang:
                open_by_lang[lang] = [r for r in open_by_lang[lang] if r.replies < ENOUGH_REPLIES]
        for c in comforters:
            if c.busy_until > minute or not _online(c, minute):
                continue
            day = minute // MINUTES_PER_DAY
            if c.claims_today.get(day, 0) >= DAILY_CLAIMS:
                continue
            chosen = _pick(strategy, c, open_by_lang, minute)
            if chosen is None:
                continue
            c.claims_today[day] = c.claims_today.get(day, 0) + 1
            abandoned = rng.random() < 0.08
            writing = rng.randint(1, 3) if abandoned else rng.randint(2, 6)  # a few warm sentences
            done = minute + writing
            c.busy_until = done
            chosen.writers.add(c.ident)  # they will not pick it again
            if strategy == "queue":
                # Claimed until the reply is sent; an abandoned claim expires CLAIM_MINUTES after it was taken.
                chosen.claimed_until = minute + CLAIM_MINUTES if abandoned else done
            heapq.heappush(pending, (done, c.ident, chosen.ident, abandoned))
    measured = [r for r in reqs if r.created <= days * MINUTES_PER_DAY]  # the week's requests, a day to answer
    waits = sorted(_wait(r) for r in measured)
    unanswered_24h = sum(1 for w in waits if w > MINUTES_PER_DAY)
    return {
        "requests": len(measured),
        "median": _pct(waits, 50),
        "p90": _pct(waits, 90),
        "p99": _pct(waits, 99),
        "unanswered_24h": unanswered_24h,
        "answered_1h": sum(1 for w in waits if w <= 60) / len(waits),
        "urgent_p90": _pct(sorted(_wait(r) for r in measured if r.risk == 0), 90),
        "three_replies": sum(1 for r in measured if r.replies >= ENOUGH_REPLIES) / len(measured),
    }


def _wait(r: Request) -> float:
    return (r.first_reply - r.created) if r.first_reply is not None else math.inf


def _eligible(r: Request, c: Comforter, minute: int, *, claims: bool) -> bool:
    if r.replies >= ENOUGH_REPLIES or c.ident in r.writers:
        return False
    return not claims or r.claimed_until <= minute


def _pick(strategy: str, c: Comforter, open_by_lang: dict, minute: int) -> Request | None:
    """The queue: the smallest queue_key among unclaimed requests. The feed: the newest one (lists are in order of
    arrival), as far as a person scrolls (FEED_DEPTH)."""
    best = None
    for lang in c.languages:
        items = open_by_lang[lang]
        if strategy == "queue":
            for r in items:
                if _eligible(r, c, minute, claims=True):
                    key = queue_key(r.risk, r.replies, r.created, r.ident)
                    if best is None or key < best[0]:
                        best = (key, r)
                    if r.risk == 0 and r.replies == 0:
                        break  # nothing in this language can come before it
        else:
            for r in reversed(items[-FEED_DEPTH:]):
                if _eligible(r, c, minute, claims=False):
                    key = (r.created, r.ident)
                    if best is None or key > best[0]:
                        best = (key, r)
                    break
    return best[1] if best else None


def _pct(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(len(sorted_values) * q / 100))
    return sorted_values[rank - 1]


def _fmt(value: float) -> str:
    return "never" if math.isinf(value) else f"{value:.0f} min"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--comforters", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--daily-limit", type=int, default=DAILY_CLAIMS, help="claims per comforter and day")
    parser.add_argument("--session-max", type=int, default=SESSION_MAX, help="longest session, minutes")
    args = parser.parse_args(argv)
    globals().update(DAILY_CLAIMS=args.daily_limit, SESSION_MAX=args.session_max)
    rng = random.Random(args.seed)
    requests = make_requests(rng, args.days, args.per_day)
    comforters = make_comforters(rng, args.days, args.comforters)
    fr = sum(1 for r in requests if r.language == "fr")
    online = sum(end - start for c in comforters for start, end in c.sessions) / len(comforters) / (args.days + 1)
    print(
        f"{len(requests)} requests in {args.days} days ({fr} FR, {len(requests) - fr} EN), "
        f"{args.comforters} comforters, {ENOUGH_REPLIES} kind replies wanted, claims of {CLAIM_MINUTES} min, "
        f"at most {DAILY_CLAIMS} a day each; {online:.0f} min online a day per comforter on average"
    )
    results = {name: simulate(name, requests, comforters, args.days, args.seed) for name in ("queue", "feed")}
    for name, r in results.items():
        print(
            f"{name:5}: first kind reply median {_fmt(r['median'])}, p90 {_fmt(r['p90'])}, p99 {_fmt(r['p99'])}; "
            f"within 1 h {r['answered_1h']:.1%}; unanswered at 24 h: {r['unanswered_24h']}; "
            f"with {ENOUGH_REPLIES} replies: {r['three_replies']:.1%}"
        )
    q, f = results["queue"], results["feed"]
    ratio = "∞" if math.isinf(f["p90"]) else f"{f['p90'] / q['p90']:.1f}" if q["p90"] else "n/a"
    print(
        f"feed p90 / queue p90 = {ratio}; unanswered at 24 h: queue {q['unanswered_24h']}, feed {f['unanswered_24h']}"
    )
    ok = q["p90"] <= 30 and q["unanswered_24h"] == 0
    print("target (queue p90 ≤ 30 min, none unanswered at 24 h):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

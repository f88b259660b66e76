"""A week of the comfort queue, simulated: does everyone who asks get a kind reply, and how fast?

Pure Python (no database, no Django): the queue's order is reconfort.comfort.ordering.queue_key and the call-outs'
rules are reconfort.comfort.oncall (which request is called for, who may be called, least recently called first),
the same functions the product uses. The week: about 1 000 requests a day (FR and EN) arriving with evening peaks
in the askers' own time zones, 50 comforters with realistic availability (not every day; two to four short
sessions, at lunch and in the evening of their time zone), a few minutes per kind reply, some requests opened then
abandoned. Two ways to reach askers are compared on the same arrivals and the same comforters:

- queue: highest risk, then fewest kind replies, then oldest; opening a request claims it for CLAIM_MINUTES so the
  next comforter sees the next one; an abandoned claim returns to the queue when it expires;
- feed: a plain newest-first feed of requests in the comforter's languages (those with 3 replies skipped), no claims
  (two comforters may answer the same person while someone older waits).

Each is run without and with call-outs. The product's rules and defaults (settings and comfort/oncall.py): every
EVERY_MINUTES, per language, the most urgent then oldest request with no kind reply, not claimed, waiting for
CALL_AFTER_MINUTES and not called for in the last half hour, calls ONE on-call comforter: in their hours, at most
CALLS_PER_DAY calls in 24 h and three hours apart, no claim in the last 30 min, under the daily limit, least
recently called first. The daily limit counts the requests taken on in the last 24 hours (rolling, as
comfort/limits.py). What the product cannot know is assumed, conservatively (stated, not tuned to meet the target):

- ON_CALL_SHARE: 40 % of comforters choose to be called (it is optional and off by default);
- they keep the default hours, 9:00 to 21:00 in their time zone (so nobody is woken up: call-outs do not help at
  night);
- ANSWER_PROBABILITY: 30 % of calls are answered (phones in pockets, dinners, work); the others change nothing;
- those who answer open the queue 5 to 20 minutes after the call and stay 15 to 30 minutes.

A capacity check follows: per UTC hour of the day (mean over the week), the writing minutes first replies need
against the minutes comforters are online in each language, and online with room left under the daily limit; and
an idealised queue (a fluid: every online comforter writes first replies non-stop, nothing abandoned or lost to
claims, bilingual comforters where the oldest request waits), first come first served and in the order that answers
the most requests within 30 minutes: if even that order answers fewer than 90 % within 30 minutes, no ordering can
meet the target with these comforters.

Printed: p90 and median minutes to the first kind reply, requests unanswered after 24 h, for each run, call-outs
sent and answered. Target for the queue: p90 ≤ 30 min, none unanswered at 24 h.

    python bench/comfort_simulation.py [--days 7] [--per-day 1000] [--comforters 50] [--seed 6]
                                       [--callouts | --no-callouts] [--daily-limit 30] [--session-max 75]
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Plain modules, no Django needed: the queue's order and the call-outs' rules, as in the product.
from reconfort.comfort import oncall  # noqa: E402
from reconfort.comfort.ordering import queue_key  # noqa: E402

MINUTES_PER_DAY = 24 * 60
ENOUGH_REPLIES = 3  # RECONFORT_COMFORT_KIND_REPLIES
CLAIM_MINUTES = 10  # RECONFORT_COMFORT_CLAIM_MINUTES
DAILY_CLAIMS = 30  # RECONFORT_COMFORT_DAILY_CLAIMS
CALL_AFTER_MINUTES = 15  # RECONFORT_COMFORT_CALL_AFTER_MINUTES
CALLS_PER_DAY = 2  # RECONFORT_COMFORT_CALLS_PER_DAY
CALL_FROM_HOUR, CALL_UNTIL_HOUR = 9, 21  # Comforter.call_from_hour / call_until_hour defaults
REQUESTS_TRIED = 10  # comfort.callouts.REQUESTS_TRIED
SESSION_MIN, SESSION_MAX = 30, 75  # minutes a comforter stays when they come (two to four times on most days)
FEED_DEPTH = 300  # how far down a newest-first feed a comforter scrolls
ABANDON = 0.08  # share of opened requests left without a reply
WRITE_MIN, WRITE_MAX = 2, 6  # minutes to write a kind reply
ABANDON_MIN, ABANDON_MAX = 1, 3  # minutes spent on a request before leaving it
# Writing minutes one first reply costs on average, counting the abandoned openings before it.
MINUTES_PER_FIRST_REPLY = ((1 - ABANDON) * (WRITE_MIN + WRITE_MAX) / 2 + ABANDON * (ABANDON_MIN + ABANDON_MAX) / 2) / (
    1 - ABANDON
)
# Assumptions about call-outs (see the docstring).
ON_CALL_SHARE = 0.4
ANSWER_PROBABILITY = 0.3
ANSWER_DELAY = (5, 20)
ANSWER_STAY = (15, 30)

# Relative arrival rate per local hour: quiet before dawn, a lunch bump, the evening peak (21–23 h), a tail of
# sleepless nights.
ASK_BY_HOUR = [3, 2, 1.5, 1, 1, 1, 1.5, 2, 3, 3.5, 3.5, 4, 5, 4.5, 4, 4, 4.5, 5, 6, 7.5, 9, 10, 9, 6]
# When comforters start a session, by local hour: lunch and evenings, a little in the morning, a few night owls.
SESSION_BY_HOUR = [0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 1.5, 2, 1.5, 1, 1.5,
                   3, 3, 1.5, 1, 1.5, 2.5, 3.5, 4.5, 5.5, 5.5, 4, 1.5]  # fmt: skip
# Askers and comforters: (language, UTC offset in hours, share).
ASKER_ZONES = [("fr", 1, 0.55), ("fr", -5, 0.05), ("en", 0, 0.18), ("en", -5, 0.14), ("en", -8, 0.08)]
LANGUAGES = ("fr", "en")  # the order the product's job goes through them (accounts.models.Language)


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
    on_call: bool = False
    busy_until: int = 0
    claims: list = field(default_factory=list)  # minutes at which they claimed (each a different request)
    recent: deque = field(default_factory=deque)  # claims of the last 24 hours (the daily limit)
    calls: list = field(default_factory=list)  # minutes at which they were called

    def taken_on(self, minute: int) -> int:
        """Requests taken on in the last 24 hours (comfort/limits.py counts each request once)."""
        while self.recent and self.recent[0] <= minute - MINUTES_PER_DAY:
            self.recent.popleft()
        return len(self.recent)


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


def make_comforters(rng: random.Random, days: int, count: int, seed: int) -> list[Comforter]:
    """Comforters where the askers are (about as many per language and time zone as requests), some bilingual, in
    Paris, Montréal, London, New York and California; a few night owls. ON_CALL_SHARE of them chose call-outs (drawn
    apart, so the sessions are the same with and without call-outs)."""
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
    chooser = random.Random(seed + 2)
    for c in comforters:
        c.on_call = chooser.random() < ON_CALL_SHARE
    return comforters


def _online(comforter: Comforter, minute: int) -> bool:
    return any(start <= minute < end for start, end in comforter.sessions)


# --- call-outs, with the product's rules (reconfort.comfort.oncall) ------------------------------------------


def _on_call_facts(c: Comforter, minute: int) -> oncall.OnCall:
    last_claim = c.claims[-1] if c.claims else None
    return oncall.OnCall(
        ident=c.ident,
        on_call=c.on_call,
        languages=c.languages,
        topics=(),
        local_hour=((minute // 60) + c.offset) % 24,
        from_hour=CALL_FROM_HOUR,
        until_hour=CALL_UNTIL_HOUR,
        calls_last_day=sum(1 for t in c.calls if t > minute - MINUTES_PER_DAY),
        minutes_since_last_call=(minute - c.calls[-1]) if c.calls else None,
        minutes_since_last_claim=(minute - last_claim) if last_claim is not None else None,
    )


def call_out(minute: int, open_by_lang: dict, comforters: list[Comforter], called_for: dict, rng, log: list) -> None:
    """What comfort.callouts.calls_send does at this minute: at most one call per language."""
    for lang in LANGUAGES:
        waiting = [
            r
            for r in open_by_lang[lang]
            if oncall.needs_a_call(
                minutes_waiting=minute - r.created,
                kind_replies=r.replies,
                claimed=r.claimed_until > minute,
                minutes_since_called_for=(minute - called_for[r.ident]) if r.ident in called_for else None,
                after_minutes=CALL_AFTER_MINUTES,
            )
        ]
        if not waiting:
            continue
        waiting.sort(key=lambda r: oncall.call_order_key(r.risk, r.created, r.ident))
        facts = [_on_call_facts(c, minute) for c in comforters if c.on_call]
        chosen = None
        for request in waiting[:REQUESTS_TRIED]:
            for one in oncall.in_rotation(facts, language=lang, topic="other", per_day=CALLS_PER_DAY):
                c = comforters[one.ident]
                allowed = oncall.not_allowed(
                    can_comfort=True,  # assumed: old enough, not limited, no block or mute with the asker
                    comforted_today=c.taken_on(minute),
                    daily_limit=DAILY_CLAIMS,
                    is_asker=False,
                    kept_apart=False,
                    can_see=True,
                )
                if allowed is None:
                    chosen = (request, c)
                    break
            if chosen:
                break
        if chosen is None:
            continue
        request, c = chosen
        c.calls.append(minute)
        called_for[request.ident] = minute
        answered = rng.random() < ANSWER_PROBABILITY
        if answered:
            start = minute + rng.randint(*ANSWER_DELAY)
            c.sessions.append((start, start + rng.randint(*ANSWER_STAY)))
        log.append((minute, c.ident, answered))


# --- the week ----------------------------------------------------------------------------------------------


def simulate(
    strategy: str, requests: list[Request], comforters: list[Comforter], days: int, seed: int, *, callouts: bool
) -> dict:
    rng = random.Random(seed)  # the same writing times and abandons for every run (until runs diverge)
    call_rng = random.Random(seed + 1)
    reqs = [Request(r.ident, r.language, r.created, r.risk) for r in requests]
    saved_sessions = [list(c.sessions) for c in comforters]
    for c in comforters:
        c.busy_until, c.claims, c.recent, c.calls = 0, [], deque(), []
    pending: list[tuple[int, int, int, bool]] = []  # (done at, comforter, request, abandoned)
    arrived = 0
    open_by_lang: dict[str, list[Request]] = {lang: [] for lang in LANGUAGES}
    called_for: dict[int, int] = {}
    calls: list[tuple[int, int, bool]] = []  # (minute, comforter, answered)
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
        if callouts and minute % oncall.EVERY_MINUTES == 0:
            call_out(minute, open_by_lang, comforters, called_for, call_rng, calls)
        for c in comforters:
            if c.busy_until > minute or not _online(c, minute):
                continue
            if c.taken_on(minute) >= DAILY_CLAIMS:
                continue
            chosen = _pick(strategy, c, open_by_lang, minute)
            if chosen is None:
                continue
            c.claims.append(minute)
            c.recent.append(minute)
            abandoned = rng.random() < ABANDON
            writing = rng.randint(ABANDON_MIN, ABANDON_MAX) if abandoned else rng.randint(WRITE_MIN, WRITE_MAX)
            done = minute + writing
            c.busy_until = done
            chosen.writers.add(c.ident)  # they will not pick it again
            if strategy == "queue":
                # Claimed until the reply is sent; an abandoned claim expires CLAIM_MINUTES after it was taken.
                chosen.claimed_until = minute + CLAIM_MINUTES if abandoned else done
            heapq.heappush(pending, (done, c.ident, chosen.ident, abandoned))
    extra_sessions = [c.sessions[len(saved) :] for c, saved in zip(comforters, saved_sessions, strict=True)]
    for c, saved in zip(comforters, saved_sessions, strict=True):
        c.sessions = saved
    measured = [r for r in reqs if r.created <= days * MINUTES_PER_DAY]  # the week's requests, a day to answer
    waits = sorted(_wait(r) for r in measured)
    claimed_soon = sum(
        1
        for minute, cid, _answered in calls
        if any(minute <= t <= minute + oncall.LED_TO_CLAIM_MINUTES for t in comforters[cid].claims)
    )
    return {
        "requests": len(measured),
        "median": _pct(waits, 50),
        "p90": _pct(waits, 90),
        "p99": _pct(waits, 99),
        "unanswered_24h": sum(1 for w in waits if w > MINUTES_PER_DAY),
        "answered_30min": sum(1 for w in waits if w <= 30) / len(waits),
        "answered_1h": sum(1 for w in waits if w <= 60) / len(waits),
        "urgent_p90": _pct(sorted(_wait(r) for r in measured if r.risk == 0), 90),
        "three_replies": sum(1 for r in measured if r.replies >= ENOUGH_REPLIES) / len(measured),
        "calls": len(calls),
        "calls_answered": sum(1 for _m, _c, answered in calls if answered),
        "calls_claimed": claimed_soon,
        "extra_sessions": extra_sessions,
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


# --- capacity: could any ordering meet the target? ------------------------------------------------------------


def capacity(
    requests: list[Request], comforters: list[Comforter], days: int, *, order: str = "fifo", extra_sessions=None
) -> dict:
    """An idealised queue, minute by minute (a fluid: optimistic on purpose). Every online comforter with room under
    the daily limit writes first replies non-stop, MINUTES_PER_FIRST_REPLY each, nothing lost to claims, several
    comforters may share one reply, a bilingual comforter writes where the oldest request waits. Two orders:

    - "fifo": first come first served;
    - "best30": the order that answers the most requests within 30 minutes: the oldest request that can still be
      answered within 30 minutes first, those that cannot wait for spare minutes (earliest deadline first, dropping
      missed deadlines, is optimal when every request has the same window and the same need).

    Since no real queue does better than this fluid, if "best30" answers fewer than 90 % within 30 minutes, no
    ordering can meet p90 ≤ 30 min with these comforters. Returns per-minute need, online and room per language,
    the backlog, and each request's wait."""
    end = (days + 1) * MINUTES_PER_DAY
    extra = extra_sessions or {}
    budget = DAILY_CLAIMS * MINUTES_PER_FIRST_REPLY  # writing minutes a comforter may spend in 24 hours
    online = {lang: [0] * end for lang in LANGUAGES}
    room_by = {lang: [0.0] * end for lang in LANGUAGES}
    need = {lang: [0.0] * end for lang in LANGUAGES}
    backlog_at = {lang: [0.0] * end for lang in LANGUAGES}
    arrivals: list[list[Request]] = [[] for _ in range(end)]
    for r in requests:
        need[r.language][r.created] += MINUTES_PER_FIRST_REPLY
        arrivals[r.created].append(r)
    online_at: list[list[int]] = [[] for _ in range(end)]
    for i, c in enumerate(comforters):
        minutes = set()
        for start, stop in list(c.sessions) + list(extra.get(c.ident, ())):
            minutes.update(range(max(0, start), min(end, stop)))
        for m in minutes:
            online_at[m].append(i)
    written = [deque() for _ in comforters]  # (minute, writing minutes) of the last 24 hours
    used = [0.0] * len(comforters)
    on_time = {lang: deque() for lang in LANGUAGES}  # [created, remaining minutes], oldest first
    late = {lang: deque() for lang in LANGUAGES}  # best30: those that can no longer be answered within 30 min
    wait_by: dict[int, float] = {}
    for m in range(end):
        for r in arrivals[m]:
            on_time[r.language].append([r.created, MINUTES_PER_FIRST_REPLY, r.ident])
        if order == "best30":
            for lang in LANGUAGES:
                while on_time[lang] and on_time[lang][0][0] + 30 <= m:  # finishing now would take over 30 min
                    late[lang].append(on_time[lang].popleft())
        for i in online_at[m]:
            c = comforters[i]
            for lang in c.languages:
                online[lang][m] += 1
            while written[i] and written[i][0][0] <= m - MINUTES_PER_DAY:
                used[i] -= written[i].popleft()[1]
            room = min(1.0, budget - used[i])
            if room <= 1e-9:
                continue
            for lang in c.languages:
                room_by[lang][m] += room
            work = room
            for pile in (on_time, late):
                while work > 1e-9:
                    heads = [lang for lang in c.languages if pile[lang]]
                    if not heads:
                        break
                    lang = min(heads, key=lambda lg: pile[lg][0][0])
                    head = pile[lang][0]
                    step = min(work, head[1])
                    head[1] -= step
                    work -= step
                    if head[1] <= 1e-9:
                        pile[lang].popleft()
                        wait_by[head[2]] = m + 1 - head[0]
            if room - work > 0:
                used[i] += room - work
                written[i].append((m, room - work))
        for lang in LANGUAGES:
            backlog_at[lang][m] = sum(x[1] for x in on_time[lang]) + sum(x[1] for x in late[lang])
    waits = sorted(wait_by.get(r.ident, math.inf) for r in requests)
    return {"need": need, "online": online, "room": room_by, "backlog": backlog_at, "waits": waits, "wait_by": wait_by}


def print_capacity(fifo: dict, best: dict, requests: list[Request], days: int) -> None:
    """The table per UTC hour of the day, mean over the week's days."""
    print()
    print(
        "Capacity per UTC hour (mean of the week's days; minutes per hour): writing minutes first replies need;\n"
        "comforter-minutes online, and online with room left under the daily limit; the idealised first-come queue's\n"
        "backlog at the end of the hour (requests); and the share of that hour's askers the best possible order\n"
        "answers within 30 min. Bilingual comforters count in both languages for 'online' and 'room'."
    )
    print(f"{'UTC':>3} {'Paris':>5} | {'FR need':>7} {'online':>6} {'room':>5} {'backlog':>7} {'≤30':>4} "
          f"| {'EN need':>7} {'online':>6} {'room':>5} {'backlog':>7} {'≤30':>4} |")  # fmt: skip
    within = {}  # (language, hour) -> [asked, answered within 30 min by the best order]
    for r in requests:
        cell = within.setdefault((r.language, (r.created // 60) % 24), [0, 0])
        cell[0] += 1
        cell[1] += int(best["wait_by"].get(r.ident, math.inf) <= 30)
    for hour in range(24):
        cells = []
        for lang in LANGUAGES:
            spans = [range(d * MINUTES_PER_DAY + hour * 60, d * MINUTES_PER_DAY + hour * 60 + 60) for d in range(days)]
            need = sum(fifo["need"][lang][m] for span in spans for m in span) / days
            online = sum(fifo["online"][lang][m] for span in spans for m in span) / days
            room = sum(fifo["room"][lang][m] for span in spans for m in span) / days
            backlog = sum(fifo["backlog"][lang][span[-1]] for span in spans) / days / MINUTES_PER_FIRST_REPLY
            asked, answered = within.get((lang, hour), [0, 0])
            share = f"{answered / asked:.0%}" if asked else "–"
            cells.append(f"{need:7.0f} {online:6.0f} {room:5.0f} {backlog:7.1f} {share:>4}")
        print(f"{hour:3d} {(hour + 1) % 24:5d} | {' | '.join(cells)} |")


def _pct(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(len(sorted_values) * q / 100))
    return sorted_values[rank - 1]


def _share(sorted_values: list[float], minutes: float) -> float:
    return sum(1 for v in sorted_values if v <= minutes) / len(sorted_values)


def _fmt(value: float) -> str:
    return "never" if math.isinf(value) else f"{value:.0f} min"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--comforters", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--daily-limit", type=int, default=DAILY_CLAIMS, help="requests per comforter and 24 h")
    parser.add_argument("--session-max", type=int, default=SESSION_MAX, help="longest session, minutes")
    parser.add_argument(
        "--callouts",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="only with (--callouts) or only without (--no-callouts); both by default",
    )
    args = parser.parse_args(argv)
    globals().update(DAILY_CLAIMS=args.daily_limit, SESSION_MAX=args.session_max)
    rng = random.Random(args.seed)
    requests = make_requests(rng, args.days, args.per_day)
    comforters = make_comforters(rng, args.days, args.comforters, args.seed)
    fr = sum(1 for r in requests if r.language == "fr")
    online = sum(end - start for c in comforters for start, end in c.sessions) / len(comforters) / (args.days + 1)
    print(
        f"{len(requests)} requests in {args.days} days ({fr} FR, {len(requests) - fr} EN), "
        f"{args.comforters} comforters, {ENOUGH_REPLIES} kind replies wanted, claims of {CLAIM_MINUTES} min, "
        f"at most {DAILY_CLAIMS} requests each in 24 h; {online:.0f} min online a day per comforter on average"
    )
    on_call = sum(1 for c in comforters if c.on_call)
    print(
        f"call-outs: {on_call} of {len(comforters)} comforters on call ({ON_CALL_SHARE:.0%} assumed), "
        f"{CALL_FROM_HOUR}:00–{CALL_UNTIL_HOUR}:00 local, after {CALL_AFTER_MINUTES} min of waiting, at most "
        f"{CALLS_PER_DAY} calls a day and {oncall.GAP_MINUTES // 60} h apart; {ANSWER_PROBABILITY:.0%} answered, "
        f"{ANSWER_DELAY[0]}–{ANSWER_DELAY[1]} min later, staying {ANSWER_STAY[0]}–{ANSWER_STAY[1]} min (assumed)"
    )
    modes = [False, True] if args.callouts is None else [args.callouts]
    results = {}
    for callouts in modes:
        for strategy in ("queue", "feed"):
            r = simulate(strategy, requests, comforters, args.days, args.seed, callouts=callouts)
            results[(strategy, callouts)] = r
            label = f"{strategy:5} {'with' if callouts else 'without'} call-outs"
            print(
                f"{label:28}: first kind reply median {_fmt(r['median'])}, p90 {_fmt(r['p90'])}, "
                f"p99 {_fmt(r['p99'])}; within 30 min {r['answered_30min']:.1%}, 1 h {r['answered_1h']:.1%}; "
                f"unanswered at 24 h: {r['unanswered_24h']}; with {ENOUGH_REPLIES} replies: {r['three_replies']:.1%}"
            )
            if callouts:
                days = args.days + 1
                print(
                    f"{'':28}  {r['calls']} calls ({r['calls'] / days:.0f} a day), {r['calls_answered']} answered, "
                    f"{r['calls_claimed']} followed by a claim within {oncall.LED_TO_CLAIM_MINUTES} min"
                )
    fifo = capacity(requests, comforters, args.days)
    best = capacity(requests, comforters, args.days, order="best30")
    print_capacity(fifo, best, requests, args.days)
    best_share = _share(best["waits"], 30)
    print(
        f"idealised queue, first come first served: median {_fmt(_pct(fifo['waits'], 50))}, p90 "
        f"{_fmt(_pct(fifo['waits'], 90))}, within 30 min {_share(fifo['waits'], 30):.1%}; the best possible order "
        f"answers at most {best_share:.1%} within 30 min (p90 ≤ 30 min needs 90%)"
    )
    if ("queue", True) in results:
        extra = {c.ident: s for c, s in zip(comforters, results[("queue", True)]["extra_sessions"], strict=True)}
        added = sum(e - s for spans in extra.values() for s, e in spans) / (args.days + 1)
        best_calls = capacity(requests, comforters, args.days, order="best30", extra_sessions=extra)["waits"]
        best_share = _share(best_calls, 30)  # what the product's configuration could reach at best
        print(
            f"with the sessions the queue's call-outs added ({added:.0f} comforter-minutes a day): the best possible "
            f"order answers at most {best_share:.1%} within 30 min"
        )
    product = results.get(("queue", True)) or results[("queue", False)]
    ok = product["p90"] <= 30 and product["unanswered_24h"] == 0
    which = "with call-outs" if ("queue", True) in results else "without call-outs"
    print(f"target (queue {which}: p90 ≤ 30 min, none unanswered at 24 h):", "met" if ok else "NOT met")
    if not ok and best_share < 0.9:
        print(
            "  no ordering could meet it: at night and in the troughs there are not enough comforter-minutes online "
            "(with room under the daily limit); more comforters then, or a higher daily limit, not another order."
        )
    elif not ok:
        print(
            "  an idealised order could, in principle: the queue loses minutes to claims, abandons, second and third "
            "replies, and the daily limit those replies use up before the busy hours."
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

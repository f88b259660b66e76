"""Benchmark a seeded database served as in production (see docs/performance.md). Not a test.

    .venv/bin/python bench/seed.py --tier small
    .venv/bin/python bench/run.py --tier small [--cycles 5] [--duration 5]

Starts `reconfort serve --workers 2` (granian WSGI + the background worker) with the reference endpoints on,
then, on 127.0.0.1 only:
1. reads: F0 (hello world), F1 (a member's 20 newest posts through the production serializer) and each endpoint
   under test, back to back on the same server, A/B/A/B for --cycles cycles, with wrk -c16 (throughput) and
   wrk -c1 --latency (latency); each reported as the ratio of its median to F1's, with the min–max of the
   per-cycle ratios;
2. writes: POST /api/v1/statuses throughput (fan-out to ~100 followers), fan-out lag at half that rate,
   and a post from the member everyone follows reaching every home timeline;
3. memory: PSS of each web worker after warm-up and at the end.
Results go to bench/results/<tier>-<database>-<time>.json and are printed as a table.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import wrk  # noqa: E402
from bench.environment import BENCH_PASSWORD, RESULTS, ROOT, TIERS, setup_django  # noqa: E402

THROUGHPUT_CONNECTIONS = 16


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the server ---------------------------------------------------------------------------------------


class Server:
    def __init__(self, env: dict[str, str], port: int, workers: int, threads: int):
        self.base = f"http://127.0.0.1:{port}"
        command = [str(ROOT / ".venv" / "bin" / "reconfort"), "serve", "--port", str(port)]
        command += ["--workers", str(workers), "--threads", str(threads)]
        self.process = subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/api/bench/f0", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the server did not start")

    def web_main(self) -> list[int]:
        """granian's main process (it holds the preloaded application the workers fork from)."""
        return [pid for pid in _children(self.process.pid) if "reconfort.cli.web" in _cmdline(pid)]

    def web_workers(self) -> list[int]:
        """The granian worker processes: children of granian's main process."""
        return [pid for parent in self.web_main() for pid in _children(parent)]

    def task_worker(self) -> list[int]:
        return [pid for pid in _children(self.process.pid) if "run_huey" in _cmdline(pid)]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def pss_mib(pid: int) -> float:
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    return int(re.search(r"^Pss:\s+(\d+) kB", text, re.M).group(1)) / 1024


# --- signing in -----------------------------------------------------------------------------------------


def session_cookie(base: str, username: str) -> str:
    """Sign in through the real login page and keep the session cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/accounts/login/", timeout=10).read()
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    body = urllib.parse.urlencode({"username": username, "password": BENCH_PASSWORD, "csrfmiddlewaretoken": csrf})
    opener.open(base + "/accounts/login/", data=body.encode(), timeout=10).read()
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    if not session:
        raise RuntimeError("could not sign in through /accounts/login/")
    return f"sessionid={session}; csrftoken={csrf}"


def check(url: str, headers: dict[str, str]) -> None:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
    if response.status != 200 or response.geturl() != url:
        raise RuntimeError(f"{url} answered {response.status} at {response.geturl()}")
    if "json" in response.headers.get("Content-Type", "") and body.startswith(b"[") and body.strip() == b"[]":
        raise RuntimeError(f"{url} answered an empty list: the benchmark would measure nothing")


def settle(base: str, timeout: float = 30) -> None:
    """Wait until the server has finished what the previous run left queued (a WSGI request cannot be
    cancelled when wrk hangs up), so no run pays for the one before it."""
    deadline = time.monotonic() + timeout
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        with urllib.request.urlopen(base + "/api/bench/f0", timeout=timeout) as response:
            response.read()
        quick = quick + 1 if time.monotonic() - started < 0.02 else 0


# --- reads ----------------------------------------------------------------------------------------------


def read_benchmark(base: str, endpoints: dict, cycles: int, duration: int, on_cycle) -> dict:
    runs: dict[str, dict[str, list]] = {name: {"rps": [], "p99": [], "p50": [], "errors": []} for name in endpoints}
    for cycle in range(1, cycles + 1):
        for name, (url, headers) in endpoints.items():
            settle(base)
            result = wrk.run(url, connections=THROUGHPUT_CONNECTIONS, duration=duration, headers=headers)
            runs[name]["rps"].append(result.requests_per_second)
            runs[name]["errors"].append(result.errors)
        for name, (url, headers) in endpoints.items():
            settle(base)
            result = wrk.run(url, connections=1, duration=duration, headers=headers)
            runs[name]["p50"].append(result.p50_ms)
            runs[name]["p99"].append(result.p99_ms)
            runs[name]["errors"].append(result.errors)
        log(
            f"cycle {cycle}/{cycles}: "
            + ", ".join(f"{name} {runs[name]['rps'][-1]:.0f}/s p99 {runs[name]['p99'][-1]:.1f}ms" for name in runs)
        )
        on_cycle(cycle)
    summary = {}
    f1 = runs["F1"]
    for name, values in runs.items():
        rps_ratios = [a / b for a, b in zip(values["rps"], f1["rps"], strict=True)]
        p99_ratios = [a / b for a, b in zip(values["p99"], f1["p99"], strict=True)]
        summary[name] = {
            "rps_median": statistics.median(values["rps"]),
            "p50_ms_median": statistics.median(values["p50"]),
            "p99_ms_median": statistics.median(values["p99"]),
            "rps_ratio_to_f1": statistics.median(values["rps"]) / statistics.median(f1["rps"]),
            "rps_ratio_min_max": [min(rps_ratios), max(rps_ratios)],
            "p99_ratio_to_f1": statistics.median(values["p99"]) / statistics.median(f1["p99"]),
            "p99_ratio_min_max": [min(p99_ratios), max(p99_ratios)],
            "errors": sum(values["errors"]),
            "runs": values,
        }
    return summary


# --- writes ---------------------------------------------------------------------------------------------

POST_SCRIPT = """
counter = 0
request = function()
  counter = counter + 1
  local body = "status=Une+pens%C3%A9e+pour+vous+" .. counter .. "+" .. math.random(1000000000) .. "+%23r%C3%A9confort"
  return wrk.format("POST", "/api/v1/statuses", nil, body)
end
"""


def wait_fanout(probes, post_ids: list[int], expected: int, timeout: float) -> float | None:
    """Seconds until every post in `post_ids` reached `expected` home timelines (None if it never did)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        counts = probes.delivered(post_ids)
        if len(counts) == len(post_ids) and all(n >= expected for n in counts.values()):
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def post_throughput(base: str, token: str, probes, poster, duration: float) -> dict:
    expected = probes.followers_count(poster) + 1
    before = probes.newest_post_id()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/x-www-form-urlencoded"}
    result = wrk.run(
        base + "/api/v1/statuses",
        connections=THROUGHPUT_CONNECTIONS,
        duration=duration,
        headers=headers,
        script=POST_SCRIPT,
    )
    ids = probes.post_ids_by(poster, before)
    drained = wait_fanout(probes, ids, expected, timeout=300)
    return {
        "posts_per_second": result.requests_per_second,
        "posts": len(ids),
        "errors": result.errors,
        "p99_ms_at_c16": result.p99_ms,
        "recipients_per_post": expected,
        "fanout_drained_after_s": drained,
    }


def fanout_lag(base: str, token: str, probes, poster, rate: float, duration: float) -> dict:
    """Post at a steady `rate` from several threads; lag = answer received → last home timeline written."""
    expected = probes.followers_count(poster) + 1
    answered: dict[int, float] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + duration
    threads = 8

    def send(offset: int) -> None:
        interval = threads / rate
        next_at = time.monotonic() + offset * interval / threads
        sequence = 0
        while next_at < stop_at:
            time.sleep(max(0.0, next_at - time.monotonic()))
            sequence += 1
            body = urllib.parse.urlencode({"status": f"Lag probe {offset}-{sequence} #réconfort"}).encode()
            request = urllib.request.Request(
                base + "/api/v1/statuses", data=body, headers={"Authorization": f"Bearer {token}"}
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                post_id = int(json.loads(response.read())["id"])
            with lock:
                answered[post_id] = time.monotonic()
            next_at += interval

    workers = [threading.Thread(target=send, args=(i,)) for i in range(threads)]
    for thread in workers:
        thread.start()
    completed: dict[int, float] = {}
    while any(t.is_alive() for t in workers) or len(completed) < len(answered):
        with lock:
            pending = [pid for pid in answered if pid not in completed]
        if pending:
            for post_id, count in probes.delivered(pending).items():
                if count >= expected:
                    completed[post_id] = time.monotonic()
        if time.monotonic() > stop_at + 120:
            break
        time.sleep(0.02)
    lags = sorted(completed[pid] - answered[pid] for pid in completed)
    return {
        "rate_per_second": rate,
        "posts": len(answered),
        "completed": len(completed),
        "lag_p50_s": statistics.median(lags) if lags else None,
        "lag_p99_s": lags[min(len(lags) - 1, int(len(lags) * 0.99))] if lags else None,
        "lag_max_s": lags[-1] if lags else None,
    }


def celebrity_post(base: str, token: str, probes, celebrity) -> dict:
    expected = probes.followers_count(celebrity) + 1
    before = probes.newest_post_id()
    body = urllib.parse.urlencode({"status": "Merci à tous pour votre soutien. #réconfort"}).encode()
    request = urllib.request.Request(base + "/api/v1/statuses", data=body, headers={"Authorization": f"Bearer {token}"})
    started = time.monotonic()
    urllib.request.urlopen(request, timeout=30).read()
    answered = time.monotonic() - started
    ids = probes.post_ids_by(celebrity, before)
    reached = wait_fanout(probes, ids, expected, timeout=120)
    return {"followers": expected - 1, "answered_s": answered, "all_home_timelines_after_s": reached}


# --- the whole run ----------------------------------------------------------------------------------------


def versions() -> dict:
    import django
    import granian

    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else "unknown",
        "python": sys.version.split()[0],
        "django": django.get_version(),
        "granian": granian.__version__,
        "wrk": wrk_version.strip(),
        "kernel": os.uname().release,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tier", choices=sorted(TIERS), default="small")
    parser.add_argument("--database-url", help="the PostgreSQL database bench/seed.py filled; default: SQLite")
    parser.add_argument("--redis-url", help="run the cache and job queue in Redis (with PostgreSQL)")
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="request threads per web worker")
    parser.add_argument("--skip-writes", action="store_true", help="reads and memory only (keeps the DB as seeded)")
    args = parser.parse_args(argv)

    env = setup_django(args.tier, args.database_url, args.redis_url)
    from django.db import connection

    from bench import probes  # Django models can only be imported once Django is set up

    database = connection.vendor
    viewer, f1_account, poster = probes.viewer(), probes.f1_account(), probes.poster()
    token = probes.bearer_token(viewer)
    poster_token = probes.bearer_token(poster)
    post = probes.public_post_of(f1_account)

    server = Server(env, free_port(), args.workers, args.threads)
    results: dict = {"tier": args.tier, "database": database, "redis": bool(args.redis_url), "machine": versions()}
    results["settings"] = {"workers": args.workers, "threads": args.threads, "cycles": args.cycles}
    results["settings"]["duration_s"] = args.duration
    try:
        server.wait_ready()
        base = server.base
        bearer = {"Authorization": f"Bearer {token}"}
        cookie = {"Cookie": session_cookie(base, viewer.username)}
        endpoints = {
            "F0": (base + "/api/bench/f0", {}),
            "F1": (base + f"/api/bench/f1?account={f1_account.pk}", {}),
            "api_home": (base + "/api/v1/timelines/home", bearer),
            "api_public": (base + "/api/v1/timelines/public", bearer),
            "api_tag": (base + "/api/v1/timelines/tag/" + urllib.parse.quote("réconfort"), bearer),
            "html_home": (base + "/", cookie),
            "html_post": (base + f"/@{f1_account.username}/{post.pk}", cookie),
        }
        for url, headers in endpoints.values():
            check(url, headers)
        log(f"serving {args.tier} on {database} at {base}; warming up")
        for url, headers in endpoints.values():
            wrk.run(url, connections=THROUGHPUT_CONNECTIONS, duration=2, headers=headers)
        memory = {"after_warmup": {pid: pss_mib(pid) for pid in server.web_workers()}}

        def note_memory(cycle: int) -> None:
            memory[f"after_cycle_{cycle}"] = {pid: pss_mib(pid) for pid in server.web_workers()}

        results["reads"] = read_benchmark(base, endpoints, args.cycles, args.duration, note_memory)
        results["requests_served"] = sum(
            run * args.duration for values in results["reads"].values() for run in values["runs"]["rps"]
        )
        if not args.skip_writes:
            settle(base)
            log("writes: POST /api/v1/statuses at -c16")
            results["post"] = post_throughput(base, poster_token, probes, poster, duration=args.duration)
            rate = max(1.0, results["post"]["posts_per_second"] / 2)
            log(f"writes: fan-out lag at {rate:.0f} posts/s")
            results["fanout_lag"] = fanout_lag(base, poster_token, probes, poster, rate, duration=args.duration)
            celebrity = probes.celebrity()
            results["celebrity"] = celebrity_post(base, probes.bearer_token(celebrity), probes, celebrity)
        memory["at_end"] = {pid: pss_mib(pid) for pid in server.web_workers()}
        memory["web_main_at_end"] = {pid: pss_mib(pid) for pid in server.web_main()}
        memory["task_worker_at_end"] = {pid: pss_mib(pid) for pid in server.task_worker()}
        results["memory_pss_mib"] = memory
    finally:
        server.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    label = database + ("+redis" if args.redis_url else "")
    path = RESULTS / f"{args.tier}-{label}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, default=str))
    print_report(results)
    log(f"results written to {path.relative_to(ROOT)}")


def print_report(results: dict) -> None:
    print(f"\n{results['tier']} tier on {results['database']}{' + Redis' if results['redis'] else ''}")
    columns = ("endpoint", "req/s", "× F1", "min–max", "p99 c1", "× F1", "min–max", "err")
    print("{:<11} {:>8} {:>6} {:>12} {:>8} {:>6} {:>12} {:>4}".format(*columns))
    for name, row in results["reads"].items():
        low, high = row["rps_ratio_min_max"]
        p_low, p_high = row["p99_ratio_min_max"]
        print(
            f"{name:<11} {row['rps_median']:>8.0f} {row['rps_ratio_to_f1']:>6.2f} {low:>5.2f}–{high:<6.2f}"
            f"{row['p99_ms_median']:>7.1f}ms {row['p99_ratio_to_f1']:>5.2f} {p_low:>5.2f}–{p_high:<6.2f}"
            f" {row['errors']:>4}"
        )
    for key in ("post", "fanout_lag", "celebrity"):
        if key in results:
            print(f"{key}: {json.dumps(results[key], default=str)}")
    memory = results["memory_pss_mib"]
    print("web worker PSS (MiB): " + ", ".join(f"{k} {sorted(v.values())}" for k, v in memory.items() if v))
    print(f"requests served: {results['requests_served']:,.0f}")


if __name__ == "__main__":
    main()

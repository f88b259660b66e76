"""Running wrk (Debian's package) and reading its report."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class WrkResult:
    requests_per_second: float
    requests: int
    p50_ms: float | None
    p99_ms: float | None
    errors: int  # non-2xx/3xx answers plus socket errors


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * UNITS[unit]


def parse(output: str) -> WrkResult:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = re.search(r"^\s+50%\s+([\d.]+\w+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+\w+)", output, re.M)
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(g) for g in match.groups())
    return WrkResult(rps, requests, _ms(p50.group(1)) if p50 else None, _ms(p99.group(1)) if p99 else None, errors)


def run(
    url: str,
    *,
    connections: int,
    duration: int,
    headers: dict[str, str] | None = None,
    script: str | None = None,
) -> WrkResult:
    """One wrk run against `url` (only 127.0.0.1 is ever targeted by bench/run.py)."""
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("the benchmark only targets 127.0.0.1")
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{int(duration)}s", "--latency"]
    command += ["--timeout", "10s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    with tempfile.TemporaryDirectory() as tmp:
        if script:
            path = Path(tmp) / "script.lua"
            path.write_text(script)
            command += ["-s", str(path)]
        command.append(url)
        output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=duration + 60).stdout
    return parse(output)

"""Shared by the benchmarks: time a call many times and summarise the samples (p50, p95)."""

from __future__ import annotations

import statistics
import time


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(function, runs: int, *, warmup: int = 10) -> list[float]:
    """Milliseconds per call, after a few warm-up calls."""
    for _ in range(min(warmup, runs)):
        function()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p95_ms": round(percentile(samples, 0.95), 3),
        "runs": len(samples),
    }

"""Production load test (``quyche bench --load``): ``quyche serve`` on 127.0.0.1 in a
subprocess, N concurrent httpx clients posting gold questions to ``/api/ask``.

Every loop is bounded by a request count and a time cap, and the server is stopped at
the end whatever happens.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
from pydantic import BaseModel, ConfigDict
from tqdm import tqdm

from eval.gold_set import GoldItem
from eval.metrics import percentile

HOST = "127.0.0.1"
STARTUP_TIMEOUT_S = 180.0


class LoadResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    clients: int
    query_cache: bool = True  # False: the server embedded every question afresh
    requests: int
    errors: int
    seconds: float
    throughput: float  # successful answers per second
    p50_ms: float
    p95_ms: float
    p99_ms: float


class RssPoint(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: int
    rss_mb: float


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident set size of a process from /proc (0 when unreadable)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


@contextmanager
def running_server(
    home: Path, log_file: Path, extra_env: dict[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``quyche serve`` on a free loopback port; yields the process and its base URL."""
    port = free_port()
    env = {**os.environ, "QUYCHE_HOME": str(home), "QUYCHE_LOG_QUESTIONS": "false"}
    env.update(extra_env or {})
    cmd = [sys.executable, "-m", "app.cli", "serve", "--home", str(home)]
    cmd += ["--host", HOST, "--port", str(port)]
    with log_file.open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        base = f"http://{HOST}:{port}"
        try:
            wait_ready(proc, base)
            yield proc, base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def wait_ready(proc: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"quyche serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"quyche serve not ready after {STARTUP_TIMEOUT_S:.0f} s")


def payload(item: GoldItem, n: int) -> dict[str, object]:
    return {
        "question": item.question,
        "history": [t.model_dump() for t in item.history],
        "document_ids": None,
        "id": f"{item.id}-{n}",
    }


def run_clients(
    base: str, items: Sequence[GoldItem], clients: int, requests: int, cap_s: float
) -> LoadResult:
    """``clients`` threads share ``requests`` questions; stop early at ``cap_s``."""
    lock = threading.Lock()
    counter = iter(range(requests))
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + cap_s
    bar = tqdm(total=requests, desc=f"load N={clients}", unit="req", leave=False)

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=60.0) as client:
            while time.monotonic() < deadline:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                item = items[n % len(items)]
                started = time.perf_counter()
                try:
                    ok = client.post("/api/ask", json=payload(item, n)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed * 1000)
                    else:
                        errors += 1
                    bar.update(1)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=cap_s + 70)
    seconds = time.perf_counter() - started
    bar.close()
    return LoadResult(
        clients=clients,
        requests=len(latencies) + errors,
        errors=errors,
        seconds=seconds,
        throughput=len(latencies) / seconds if seconds else 0.0,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
    )


class LoadReport(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    results: tuple[LoadResult, ...]
    rss: tuple[RssPoint, ...]


def load_test(
    home: Path,
    items: Sequence[GoldItem],
    client_counts: Sequence[int] = (1, 8, 32),
    requests: int = 200,
    cap_s: float = 60.0,
    rss_marks: tuple[int, ...] = (100, 1000, 2000),
    uncached_clients: int = 32,
) -> LoadReport:
    """Start the server, warm it with ``rss_marks[0]`` questions, measure each client
    count, then top up to each later mark; RSS is read at every mark (flat between the
    last two marks = memory is stable once the caches are full).

    The question pool is small, so after the warm-up every question vector comes from
    the server's cache (as when many staff ask the same thing). A last run at
    ``uncached_clients`` (0 = skip) uses a second server with that cache off: the cost of
    questions nobody asked before."""
    pool = list(items)
    rss: list[RssPoint] = []
    results: list[LoadResult] = []
    with running_server(home, home / "serve.log") as (proc, base):
        rss.append(RssPoint(questions=0, rss_mb=rss_mb(proc.pid)))
        done = run_clients(base, pool, 8, rss_marks[0], cap_s * 2).requests
        rss.append(RssPoint(questions=done, rss_mb=rss_mb(proc.pid)))
        for clients in client_counts:
            result = run_clients(base, pool, clients, requests, cap_s)
            results.append(result)
            done += result.requests
        for mark in rss_marks[1:]:
            if done < mark:
                done += run_clients(base, pool, 8, mark - done, cap_s * 3).requests
            rss.append(RssPoint(questions=done, rss_mb=rss_mb(proc.pid)))
    if uncached_clients > 0:
        off = {"QUYCHE_QUERY_CACHE_SIZE": "0"}
        with running_server(home, home / "serve-uncached.log", off) as (_, base):
            # Warm like a server that has been up a while (clause profiles built); only
            # the question vectors stay uncached.
            run_clients(base, pool, 8, len(pool), cap_s * 2)
            result = run_clients(base, pool, uncached_clients, requests, cap_s)
            results.append(result.model_copy(update={"query_cache": False}))
    return LoadReport(results=tuple(results), rss=tuple(rss))


__all__ = [
    "LoadReport",
    "LoadResult",
    "RssPoint",
    "free_port",
    "load_test",
    "rss_mb",
    "run_clients",
    "running_server",
]

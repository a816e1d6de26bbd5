"""A bounded load generator for `rectify serve` on loopback: N client threads for T seconds.

Each client posts, in turn, real-size notices (they must come back converted) and hostile files
(they must be refused with 413/422), and a probe thread asks /healthz throughout.  Used by
tests/serve/test_load.py (which asserts the outcome) and bench/bench_serve.py (which prints the
figures).  Only 127.0.0.1 is ever contacted; the loops stop by themselves at the deadline.
"""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Case:
    name: str
    path: str
    body: bytes
    good: bool  # True: must be answered 200; False: must be refused (413/422)


@dataclass
class Stats:
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    health_failures: int = 0
    health_probes: int = 0

    def percentile(self, p: float, good: bool | None = None, cases: list[Case] | None = None) -> float:
        names = {c.name for c in cases or [] if good is None or c.good == good}
        values = sorted(v for k, vs in self.latencies.items() if not cases or k in names for v in vs)
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(p / 100 * len(values)))]

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    def median(self, name: str) -> float:
        return statistics.median(self.latencies[name]) if self.latencies.get(name) else float("nan")


def _post(host: str, port: int, case: Case) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("POST", case.path, body=case.body, headers={"Content-Type": "application/octet-stream"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def run_load(base: str, cases: list[Case], *, clients: int = 50, seconds: float = 30.0,
             check: dict[str, bytes] | None = None) -> Stats:
    """Hammer ``base`` and return what happened; ``check`` maps case names to the exact expected body."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    assert host in ("127.0.0.1", "localhost", "::1"), "the load test only ever targets this machine"
    stats = Stats()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        i = offset
        while time.monotonic() < deadline:
            case = cases[i % len(cases)]
            i += 1
            started = time.monotonic()
            try:
                status, body = _post(host, port, case)
            except OSError as exc:
                status, body = 0, str(exc).encode()
            elapsed = time.monotonic() - started
            with lock:
                stats.statuses[(case.name, status)] += 1
                if status == 503:
                    continue
                stats.latencies.setdefault(case.name, []).append(elapsed)
                if case.good and (status != 200 or (check and case.name in check and body != check[case.name])):
                    stats.wrong.append(f"{case.name}: {status} {body[:200]!r}")
                if not case.good and status not in (413, 422):
                    stats.wrong.append(f"{case.name}: hostile answered {status} {body[:200]!r}")
            if status == 503:
                time.sleep(0.05)

    def probe() -> None:
        while time.monotonic() < deadline:
            conn = http.client.HTTPConnection(host, port, timeout=10)
            try:
                conn.request("GET", "/healthz")
                ok = conn.getresponse().status == 200
            except OSError:
                ok = False
            finally:
                conn.close()
            with lock:
                stats.health_probes += 1
                stats.health_failures += 0 if ok else 1
            time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    threads.append(threading.Thread(target=probe, daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    stats.seconds = time.monotonic() - started
    return stats


def rss_kib(pid: int) -> int:
    """Resident memory of a process (Linux /proc), in KiB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


__all__ = ["Case", "Stats", "rss_kib", "run_load"]

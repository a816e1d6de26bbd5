"""Load and fault test: 50 concurrent clients for 30 s against a real `rectify serve` on loopback,
posting a mix of real-size notices and hostile files (bounded in count and time)."""

from __future__ import annotations

import time

from rectify_core import api
from tests.corpus import seed
from tests.docx.hostile import zip_bomb
from tests.xml import hostile as xml_hostile

from .helpers import EXAMPLE, live_server, require_serve_extra
from .load import Case, rss_kib, run_load

CLIENTS = 50
SECONDS = 30.0


def cases() -> tuple[list[Case], dict[str, bytes]]:
    s000, s002 = seed("000").read_bytes(), seed("002").read_bytes()
    mix = [
        Case("example→docx", "/convert?to=docx&filename=shili.json", EXAMPLE.read_bytes(), True),
        Case("seed002→json", "/convert?to=json&filename=002.txt", s002, True),
        Case("seed000→html", "/convert?to=html&filename=000.txt", s000, True),
        Case("zip bomb", "/convert?to=json&filename=bomb.docx", zip_bomb(300), False),
        Case("billion laughs", "/convert?to=json&filename=laughs.xml", xml_hostile.billion_laughs(), False),
        Case("too large", "/convert?to=json&filename=big.txt", b"x" * (9 * 2**20), False),
    ]
    expected = {
        "example→docx": api.write_bytes(api.read(EXAMPLE.read_bytes()).document, "docx"),
        "seed002→json": api.write_bytes(api.read(s002, name="002.txt").document, "json"),
        "seed000→html": api.write_bytes(api.read(s000, name="000.txt").document, "html"),
    }
    return mix, expected


def test_fifty_clients_for_thirty_seconds():
    require_serve_extra()
    mix, expected = cases()
    with live_server("--workers", "2", "--queue", "16", "--max-body", "8M") as (base, proc):
        run_load(base, mix, clients=len(mix), seconds=3.0)  # warm-up: one of each, imports and caches
        time.sleep(1.0)
        baseline = rss_kib(proc.pid)
        stats = run_load(base, mix, clients=CLIENTS, seconds=SECONDS, check=expected)
        time.sleep(2.0)
        after = rss_kib(proc.pid)
    statuses = {status for (_, status) in stats.statuses}
    assert statuses <= {200, 413, 422, 503}, stats.statuses  # no 5xx but 503 under overload, no dropped socket
    assert stats.wrong == [], stats.wrong[:5]  # every good request converted exactly, every hostile refused
    for case in mix:
        answered = sum(n for (name, status), n in stats.statuses.items() if name == case.name and status != 503)
        assert answered > 0, f"{case.name} was never served"
    assert stats.health_probes > 0 and stats.health_failures == 0
    assert after <= baseline + 64 * 1024, f"server memory {baseline} KiB → {after} KiB after the load"

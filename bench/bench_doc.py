"""Reading .doc and .wps: LibreOffice single runs against one long-lived LibreOffice, beside the docx read.

    python bench/bench_doc.py [--files N]

Makes seed 002's docx with rectify and a .doc and .wps of it with LibreOffice (as the tests do),
then, each in a fresh process (so the single-run figure really is a cold start): reading the docx
(the anchor: what is left once LibreOffice is done); ``soffice --convert-to docx`` alone (the
floor of a single run); reading N .doc files one after another with every conversion a single
soffice run (RECTIFY_SOFFICE_SERVER=never); and the same N files as a batch (auto: the first
file a single run, the second starts unoserver, every later one goes through it).  Figures are
recorded in docs/doc.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from rectify_core import api
paths = sys.argv[1:]
times = []
for path in paths:
    t = time.perf_counter()
    api.read(path)
    times.append(time.perf_counter() - t)
t = time.perf_counter()
from rectify_legacy import server
server.stop()
print(json.dumps({"times": times, "stop": time.perf_counter() - t}))
"""


def child(paths: list[Path], mode: str) -> dict[str, object]:
    env = {**os.environ, "RECTIFY_SOFFICE_SERVER": mode}
    done = subprocess.run([sys.executable, "-c", _CHILD, *map(str, paths)], capture_output=True, text=True,
                          env=env, check=True, cwd=ROOT)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from rectify_core import api

    seed = sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("002_*.txt"))[0]
    folder = Path(tempfile.mkdtemp(prefix="bench-doc-"))
    docx = folder / "seed.docx"
    docx.write_bytes(api.write_bytes(api.read(seed).document, "docx"))
    profile = (folder / "profile").as_uri()
    for kind in ("doc", "wps"):
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind,
                        "--outdir", str(folder), str(docx)], check=True, capture_output=True)
    copies = []
    for i in range(args.files):
        path = folder / f"n{i}.{'doc' if i % 2 == 0 else 'wps'}"
        path.write_bytes((folder / f"seed.{path.suffix[1:]}").read_bytes())
        copies.append(path)

    anchor = child([docx] * 3, "never")["times"]
    t = time.perf_counter()
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'p2').as_uri()}", "--headless", "--convert-to",
                    "docx", "--outdir", str(folder / "o"), str(folder / "seed.doc")], check=True, capture_output=True)
    floor = time.perf_counter() - t
    single = child(copies, "never")
    batch = child(copies, "auto")
    s_times, b_times = single["times"], batch["times"]
    assert isinstance(s_times, list) and isinstance(b_times, list) and isinstance(anchor, list)
    print(f"seed 002 docx read (anchor): {min(anchor) * 1000:.0f} ms")
    print(f"soffice --convert-to docx alone, cold profile: {floor:.2f} s")
    print(f"{args.files} .doc/.wps files, every one a single soffice run: total {sum(s_times):.1f} s, "
          f"per file {' '.join(f'{x:.2f}' for x in s_times)}")
    print(f"{args.files} .doc/.wps files as a batch (server from the 2nd): total {sum(b_times):.1f} s "
          f"+ stop {batch['stop']:.2f} s, per file {' '.join(f'{x:.2f}' for x in b_times)}")
    if len(b_times) > 2:
        later = sorted(b_times[2:])
        print(f"  through the running server: median {later[len(later) // 2]:.2f} s a file; "
              f"starting it (2nd file) {b_times[1]:.2f} s")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()

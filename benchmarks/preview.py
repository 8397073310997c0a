"""Print how long `brief preview` takes to show a change: from saving the overrides file to
the page's server announcing it (the event the page reloads on) and to the new page.

    python benchmarks/preview.py [--runs N]

Target (issue 15): within a second of the change, on a 2-core machine. The browser adds the
swap of the page's parts (tens of milliseconds) to the second figure.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "lavrov-pakistan-2021"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    from brief.preview import server

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "sources").mkdir()
        for suffix in (".txt", ".yaml"):
            shutil.copy(ROOT / "sources" / (NAME + suffix), project / "sources")
        httpd = server.start(project)
        httpd.preview.watcher.start()
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        port = httpd.server_address[1]
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        events.request("GET", "/events")
        stream = events.getresponse()
        while not stream.readline().startswith(b"data:"):
            pass
        overrides = project / "sources" / f"{NAME}.yaml"
        original = overrides.read_text()
        noticed, shown = [], []
        for run in range(runs):
            started = time.perf_counter()
            overrides.write_text(original + f"subtitle: 'Change {run}'\n")
            while not stream.readline().startswith(b"data:"):
                pass
            noticed.append(time.perf_counter() - started)
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            page.request("GET", f"/source/{NAME}.txt")
            text = page.getresponse().read().decode()
            assert f"Change {run}" in text
            shown.append(time.perf_counter() - started)
            time.sleep(0.3)
        httpd.shutdown()
        httpd.preview.watcher.stop()
    for label, times in (("change noticed", noticed), ("new page served", shown)):
        print(f"{label}: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms ({runs} runs)")


if __name__ == "__main__":
    sys.exit(main())

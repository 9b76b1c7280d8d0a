"""`make run-edge`: gunicorn on 127.0.0.1:8001 and Varnish in front of it on 127.0.0.1:8000,
with this project's VCL, purged by the site after every public change. Ctrl-C stops both."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATE = ROOT / ".data" / "varnish"
EDGE, ORIGIN = 8000, 8001


def main():
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        sys.exit("make run-edge needs Varnish: apt-get install varnish varnish-modules")
    STATE.mkdir(parents=True, exist_ok=True)
    (STATE / "backend.vcl").write_text(
        f'backend default {{ .host = "127.0.0.1"; .port = "{ORIGIN}"; }}\n'
    )
    env = {**os.environ, "EDGE_URLS": f"http://127.0.0.1:{EDGE}/"}
    origin = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cstonews.wsgi", "--bind", f"127.0.0.1:{ORIGIN}",
         "--workers", "2", "--no-control-socket"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    edge = subprocess.Popen(
        [varnishd, "-F", "-j", "none", "-n", str(STATE / "instance"), "-a",
         f"127.0.0.1:{EDGE}", "-f", str(ROOT / "tools" / "varnish" / "default.vcl"),
         "-p", f"vcl_path={STATE}:{ROOT / 'tools' / 'varnish'}", "-s", "malloc,128m"],
    )  # fmt: skip
    print(f"Edge on http://127.0.0.1:{EDGE}/ (Varnish), origin on http://127.0.0.1:{ORIGIN}/")

    def stop(*_args):
        for process in (edge, origin):
            if process.poll() is None:
                process.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while edge.poll() is None and origin.poll() is None:
            time.sleep(0.5)
    finally:
        stop()
        for process in (edge, origin):
            process.wait(timeout=30)


if __name__ == "__main__":
    main()

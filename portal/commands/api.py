"""``parkbench api``: the read API (Datasette on the published release) without the portal."""

from __future__ import annotations

from pathlib import Path

import click

from data.errors import ReleaseError
from data.release.baked import bake_release, default_cache_dir
from data.release.formats import SQLITE_NAME
from portal.commands._options import db_option
from usecases.release import verify as verify_release


def _release_file(release_dir: str) -> Path:
    root = Path(release_dir)
    path = root / "sqlite" / SQLITE_NAME
    if not path.is_file():
        raise ReleaseError(
            f"{root} holds no sqlite/{SQLITE_NAME}; export it with `--format ...,sqlite`"
        )
    bad = verify_release(root)
    if bad:
        raise ReleaseError(f"release {root} does not match SHA256SUMS: {', '.join(bad)}")
    return path


@click.command("api")
@db_option
@click.option(
    "--release",
    "release_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Serve this exported release (`parkbench export --format ...,sqlite`) instead of DB.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False),
    help="Folder of baked releases (default $PARKBENCH_API_CACHE or api/ beside DB).",
)
@click.option("--port", type=int, default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="localhost", show_default=True, help="Address to bind.")
def command(
    db_path: str, release_dir: str | None, cache_dir: str | None, port: int, host: str
) -> None:
    """Serve the published release of DB read-only as JSON/CSV at http://HOST:PORT/api/."""
    import uvicorn

    from portal.api import ReleaseApi, standalone_app

    if release_dir is not None:
        path = _release_file(release_dir)
        api = ReleaseApi(release_file=path)
        what = f"release {release_dir}"
    else:
        cache = Path(cache_dir) if cache_dir else default_cache_dir(db_path)
        path = bake_release(db_path, cache)  # fail early, with one line, on a missing database
        api = ReleaseApi(db_path, cache)
        what = f"published release of {db_path}"
    click.echo(f"ParkBench API on http://{host}:{port}/api/{path.stem} ({what})")
    uvicorn.run(standalone_app(api), host=host, port=port, log_level="warning")

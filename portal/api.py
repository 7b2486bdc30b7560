"""The read API: Datasette on the published release, mounted at ``/api/``.

:class:`ReleaseApi` is an ASGI app. For every request it looks at the data version of the
working store (:func:`data.release.baked.data_version`, two ``stat`` calls); when it changed it
bakes the release again (:func:`data.release.baked.bake_release`, once per version, in a worker
thread) and serves it through a new Datasette instance that opens the file immutable. With
``release_file`` it serves that file as it is (a release exported earlier, ``parkbench api
--release DIR``) and never looks at a working store.

The portal mounts it in its own server (``portal/server.py``); ``parkbench api`` runs it alone
(:func:`standalone_app`). Both serve under ``/api/`` so the same URLs work behind a proxy.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import anyio
from datasette.app import Datasette
from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Mount, Route

from data.errors import ParkBenchError, ReleaseError
from data.release.api_config import API_PREFIX as PREFIX
from data.release.api_config import SETTINGS, api_metadata
from data.release.baked import bake_release, data_version
from data.store.engine import is_postgres


def _quiet_error_pages() -> None:
    """Stop Datasette printing a rich traceback with every local for each error response.

    Datasette 0.65 does so for a 404 or an interrupted query too: slow, synchronous on the
    server's event loop (which the portal shares) and noisy. Errors still get their JSON or
    HTML answer; real failures (500) still print their traceback. Imported here, after
    ``datasette.app``: importing the module first breaks Datasette's plugin registration.
    """
    import datasette.handle_exception

    datasette.handle_exception.rich = None


def make_datasette(path: Path, version: str | None = None) -> Datasette:
    """A Datasette instance serving the release SQLite at ``path`` read-only (immutable)."""
    _quiet_error_pages()
    return Datasette(
        immutables=[str(path)],
        metadata=api_metadata(path.stem, version),
        settings=dict(SETTINGS),
        cors=True,
        version_note=f"ParkBench data {version}" if version else "ParkBench release",
    )


class ReleaseApi:
    """ASGI app serving the baked release of ``db_path`` (or ``release_file``) with Datasette."""

    def __init__(
        self,
        db_path: str | Path | None = None,
        cache_dir: str | Path | None = None,
        *,
        release_file: str | Path | None = None,
    ) -> None:
        if (db_path is None) == (release_file is None):
            raise ValueError("give either db_path or release_file")
        self.db_path = db_path if db_path is None or is_postgres(db_path) else Path(db_path)
        self.cache_dir = cache_dir
        self.release_file = Path(release_file) if release_file is not None else None
        self._version: str | None = None
        self._app = None
        self._datasette: Datasette | None = None
        self._retired: Datasette | None = None
        self._lock: asyncio.Lock | None = None

    def _serve(self, ds: Datasette) -> None:
        # the instance before the previous one has had a whole version to finish its requests:
        # stop its query threads (they hold connections to a file that may be pruned)
        if self._retired is not None and self._retired.executor is not None:
            self._retired.executor.shutdown(wait=False)
        self._retired = self._datasette
        self._datasette = ds
        self._app = ds.app()

    def current(self) -> tuple[str | None, object]:
        """Bake if needed and return ``(version, datasette asgi app)`` (blocking)."""
        if self.release_file is not None:
            if self._app is None:
                if not self.release_file.is_file():
                    raise ReleaseError(f"release file {self.release_file} does not exist")
                self._serve(make_datasette(self.release_file))
            return None, self._app
        version = data_version(self.db_path)
        if version != self._version or self._app is None:
            path = bake_release(self.db_path, self.cache_dir)
            self._serve(make_datasette(path, version))
            self._version = version
        return self._version, self._app

    async def _current_async(self):
        if (
            self.release_file is None
            and self._app is not None
            and data_version(self.db_path) == self._version
        ):
            return self._app
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            _, app = await anyio.to_thread.run_sync(self.current)
        return app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        try:
            app = await self._current_async()
        except ParkBenchError as exc:
            if scope["type"] == "http":
                await _error(send, 503, str(exc))
            return
        await app(scope, receive, send)


async def _lifespan(receive, send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _error(send, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "error": message, "status": status}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def api_routes(api: ReleaseApi) -> list:
    """Starlette routes that serve ``api`` under ``/api/`` (``/api`` redirects there)."""

    async def to_index(request):
        return RedirectResponse(f"{PREFIX}/")

    return [Route(PREFIX, to_index), Mount(PREFIX, app=api)]


def standalone_app(api: ReleaseApi) -> Starlette:
    """The API alone (``parkbench api``): ``/api/...``, and ``/`` redirecting to ``/api/``."""

    async def to_api(request):
        return RedirectResponse(f"{PREFIX}/")

    return Starlette(routes=[Route("/", to_api), *api_routes(api)])

"""The team deployment of docs/deployment.md, run for real on this machine.

The nginx configuration printed in the doc (only its addresses changed) in front of two
read-only portal replicas (`parkbench serve`) on one published copy of the database and one
`parkbench api --release` on an exported release: the portal, its websocket and the API all
answer through the proxy, and `/api/` reaches the API pool (it serves the release file).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser_support import REPO, free_port, portal_env
from tests.portal.test_api_server import api, cli, running

pytestmark = pytest.mark.slow

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
if not Path(NGINX).exists():  # `make system` installs nginx-light
    pytest.skip("needs nginx (make system)", allow_module_level=True)

DOC = (REPO / "docs" / "deployment.md").read_text(encoding="utf-8")


def doc_nginx_config() -> str:
    block = re.search(r"```nginx\n(.*?)```", DOC, re.S)
    assert block, "docs/deployment.md has no nginx example"
    return block.group(1)


def local_config(text: str, root: Path, listen: int, portals: list[int], apis: list[int]) -> str:
    """The doc's configuration with local addresses, wrapped as a whole nginx.conf."""

    def servers(upstream: str, ports: list[int]) -> None:
        nonlocal text
        pattern = re.compile(rf"(upstream {upstream} \{{.*?)((?:\s*server [^;]+;[^\n]*)+)", re.S)
        lines = "".join(f"\n    server 127.0.0.1:{p};" for p in ports)
        text, n = pattern.subn(lambda m: m.group(1) + lines, text)
        assert n == 1, upstream

    servers("parkbench_portal", portals)
    servers("parkbench_api", apis)
    text, n = re.subn(r"listen 443 ssl;", f"listen 127.0.0.1:{listen};", text)
    assert n == 1
    temp = "".join(
        f"    {kind}_temp_path {root / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"pid {root / 'nginx.pid'};\nerror_log {root / 'error.log'};\nevents {{}}\n"
        f"http {{\n    access_log {root / 'access.log'};\n{temp}{text}}}\n"
    )


def websocket_handshake(port: int, path: str) -> str:
    """The status line the proxy answers a websocket upgrade of ``path`` with."""
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        f"Sec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(request.encode("ascii"))
        return s.recv(4096).decode("latin-1").splitlines()[0]


def test_doc_nginx_config_serves_replicas_and_the_api_pool(tmp_path):
    env = portal_env()
    work = tmp_path / "work.sqlite"
    assert cli("build", "--db", str(work), env=env).returncode == 0
    # 2. publish, as the doc says: a consistent copy, and a release
    public = tmp_path / "public" / "parkbench.sqlite"
    public.parent.mkdir()
    src = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
    dst = sqlite3.connect(public)
    src.backup(dst)
    dst.close()
    src.close()
    release = tmp_path / "releases" / "1.0.0"
    done = cli(
        "export", "--out", str(release), "--format", "csv,sqlite", "--db", str(work), env=env
    )
    assert done.returncode == 0, done.stderr

    replica_env = {**env, "PARKBENCH_DB": str(public)}
    ports = [free_port(), free_port()]
    api_port, listen = free_port(), free_port()
    root = tmp_path / "nginx"
    root.mkdir()
    (root / "nginx.conf").write_text(
        local_config(doc_nginx_config(), root, listen, ports, [api_port]), encoding="utf-8"
    )
    test = subprocess.run(
        [NGINX, "-t", "-p", str(root), "-c", str(root / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert test.returncode == 0, test.stderr

    base = f"http://127.0.0.1:{listen}"
    with (
        running(
            ["serve", "--host", "127.0.0.1", "--port", str(ports[0])],
            f"http://127.0.0.1:{ports[0]}/_stcore/health",
            {**replica_env, "PARKBENCH_API_CACHE": str(tmp_path / "cache1")},
        ),
        running(
            ["serve", "--host", "127.0.0.1", "--port", str(ports[1])],
            f"http://127.0.0.1:{ports[1]}/_stcore/health",
            {**replica_env, "PARKBENCH_API_CACHE": str(tmp_path / "cache2")},
        ),
        running(
            ["api", "--release", str(release), "--host", "127.0.0.1", "--port", str(api_port)],
            f"http://127.0.0.1:{api_port}/api/parkbench.json",
            env,
        ),
    ):
        proc = subprocess.Popen(
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=5) as r:
                        assert r.read() == b"ok"
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            with urllib.request.urlopen(f"{base}/data", timeout=30) as r:
                assert r.status == 200
            assert websocket_handshake(listen, "/_stcore/stream").split()[1] == "101"
            status, centers = api(base, "/centers.json", _shape="array")
            assert status == 200 and centers
            status, databases = urllib_json(f"{base}/api/-/databases.json")
            assert status == 200
            assert [d["path"] for d in databases] == [str(release / "sqlite" / "parkbench.sqlite")]
            status, found = api(base, "/search.json", q="密云", _shape="array")
            assert status == 200 and any(r["table_name"] == "parks" for r in found)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)


def urllib_json(url: str):
    import json

    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, json.loads(r.read().decode("utf-8"))

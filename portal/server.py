"""The portal's server: the Streamlit app (``portal/app.py``) plus the read API at ``/api/``.

``parkbench serve`` runs ``streamlit run portal/server.py``; Streamlit finds the ``st.App``
below and serves it with uvicorn, so the pages and ``/api/<db>/<table>.json`` share one port.
The API serves the published release of ``$PARKBENCH_DB`` (see :mod:`portal.api`), baked
into ``$PARKBENCH_API_CACHE`` (default: ``api/`` beside the database).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run portal/server.py` puts portal/ first
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from data.store.database import default_db_path  # noqa: E402
from portal.api import ReleaseApi, api_routes  # noqa: E402

app = st.App(
    Path(__file__).resolve().parent / "app.py",
    routes=api_routes(ReleaseApi(default_db_path())),
)

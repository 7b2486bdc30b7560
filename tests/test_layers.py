"""The one-way data flow of STYLE.md, checked on the imports of every module.

sources -> scrapers/ and data/ -> SQLite -> models/ (pure) -> portal/. So: models import neither
data (except its error base class), portal, scrapers, sqlite nor streamlit; data never imports
portal or streamlit; scrapers never import portal or streamlit nor write SQL themselves; only
portal/services.py may use Streamlit's cache decorators.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted(p for p in (REPO / package).rglob("*.py") if "static" not in p.parts)


FORBIDDEN = {
    "models": ("portal", "scrapers", "sqlite3", "sqlite_utils", "streamlit", "scrapy", "requests", "folium"),
    "data": ("portal", "streamlit", "models.", "scrapy"),
    "scrapers": ("portal", "streamlit", "sqlite3", "sqlite_utils"),
}
ALLOWED = {"models": {"data.errors"}}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_against_the_flow(package):
    bad = []
    for path in modules(package):
        for name in imports_of(path):
            if name in ALLOWED.get(package, set()):
                continue
            if package == "models" and (name == "data" or name.startswith("data.")):
                bad.append(f"{path.relative_to(REPO)} imports {name}")
            for prefix in FORBIDDEN[package]:
                if name == prefix.rstrip(".") or name.startswith(prefix if prefix.endswith(".") else prefix + "."):
                    bad.append(f"{path.relative_to(REPO)} imports {name}")
    assert not bad, "\n".join(bad)


def test_streamlit_caching_lives_in_services_only():
    offenders = [
        str(p.relative_to(REPO))
        for p in modules("portal")
        if p.name != "services.py" and ("st.cache_data" in p.read_text() or "st.cache_resource" in p.read_text())
    ]
    assert not offenders


def test_layers_test_sees_the_packages():
    # guard against this test passing vacuously
    assert len(modules("data")) >= 5 and modules("portal")

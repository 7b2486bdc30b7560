"""The one-way data flow of STYLE.md, checked on the imports of every module.

sources -> scrapers/ and data/ -> SQLite -> models/ (pure) -> usecases/ -> portal/. So: models
import neither data (except its error base class and the coded note), portal, scrapers, sqlite
nor streamlit; data never imports portal or streamlit; usecases import data and models, never
portal, streamlit or click; the portal reaches the tasks (cost inputs, criteria table,
incentive rule, queue models, interval plans) through usecases; scrapers never import portal
or streamlit nor write SQL themselves; only portal/services.py may use Streamlit's cache
decorators.
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
    "models": (
        "portal",
        "scrapers",
        "sqlite3",
        "sqlite_utils",
        "streamlit",
        "scrapy",
        "requests",
        "folium",
    ),
    "data": ("portal", "streamlit", "models.", "scrapy"),
    "scrapers": ("portal", "streamlit", "sqlite3", "sqlite_utils"),
    "usecases": ("portal", "streamlit", "click", "scrapers", "scrapy"),
}
ALLOWED = {"models": {"data.errors", "data.notes"}}


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
                if name == prefix.rstrip(".") or name.startswith(
                    prefix if prefix.endswith(".") else prefix + "."
                ):
                    bad.append(f"{path.relative_to(REPO)} imports {name}")
    assert not bad, "\n".join(bad)


def test_streamlit_caching_lives_in_services_only():
    offenders = [
        str(p.relative_to(REPO))
        for p in modules("portal")
        if p.name != "services.py"
        and ("st.cache_data" in p.read_text() or "st.cache_resource" in p.read_text())
    ]
    assert not offenders


def test_layers_test_sees_the_packages():
    # guard against this test passing vacuously
    assert len(modules("data")) >= 5 and modules("portal")


#: modules a page or a command must not call itself: the use cases combine them
TASK_MODULES = (
    "data.inputs.cost",
    "data.inputs.score",
    "data.inputs.incentives",
    "data.inputs.interval_plan",
    "data.release.package",
    "models.erlang_c",
    "models.erlang_a",
    "models.interval_plan",
    "models.incentives",
    "models.capacity",
)


def test_the_portal_reaches_the_tasks_through_usecases():
    bad = [
        f"{path.relative_to(REPO)} imports {name}"
        for path in modules("portal")
        for name in imports_of(path)
        if name in TASK_MODULES
    ]
    assert not bad, "\n".join(bad)
    # the CLI commands and the services of the pages do call the use cases
    users = {
        p.name for p in modules("portal") if any(n.startswith("usecases") for n in imports_of(p))
    }
    assert {
        "cost.py",
        "score.py",
        "benchmark.py",
        "awards.py",
        "staffing.py",
        "import_file.py",
        "export.py",
        "report.py",
        "services.py",
        "compare.py",
        "admin.py",
    } <= users


def test_usecases_import_data_and_models():
    names = {n for p in modules("usecases") for n in imports_of(p)}
    assert any(n.startswith("data.") for n in names) and any(n.startswith("models.") for n in names)

"""No import cycles anywhere in the project, counting imports inside functions too.

A cycle hidden in a function body (``geo_build`` <-> ``geo_joins``, ``articles`` <-> ``articles_en``)
still ties two modules together: neither can be read, tested or moved alone.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("data", "models", "portal", "scrapers")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(p): p
        for pkg in PACKAGES
        for p in (REPO / pkg).rglob("*.py")
        if "static" not in p.parts
    }


def import_graph() -> dict[str, set[str]]:
    mods = project_modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        is_pkg = path.name == "__init__.py"
        base = name if is_pkg else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mod = node.module or ""
                if node.level:
                    anchor = base.split(".")[: len(base.split(".")) - (node.level - 1)]
                    mod = ".".join([*anchor, mod] if mod else anchor)
                targets = [
                    f"{mod}.{a.name}" if f"{mod}.{a.name}" in mods else mod for a in node.names
                ]
            for t in targets:
                if t in mods and t != name:
                    graph[name].add(t)
    return graph


def test_the_project_has_no_import_cycle():
    graph = import_graph()
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        raise AssertionError(f"import cycle: {' -> '.join(err.args[1])}") from None


def test_the_cycle_check_sees_the_whole_project():
    graph = import_graph()
    assert len(graph) > 100
    assert "data.geo.coords" in graph["data.geo.joins"]  # imports inside functions count too


def test_a_cycle_would_be_found():
    graph = {"a": {"b"}, "b": {"a"}}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError:
        return
    raise AssertionError("graphlib did not report the cycle")

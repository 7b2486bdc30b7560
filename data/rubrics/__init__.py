"""Award rubrics as YAML data files; :func:`load_rubric` reads one by name."""

from __future__ import annotations

from pathlib import Path

import yaml

from data.errors import ParkBenchError
from data.paths import RUBRIC_DIR


def rubric_names() -> list[str]:
    """Names of the rubrics shipped with ParkBench."""
    return sorted(p.stem for p in RUBRIC_DIR.glob("*.yaml"))


def load_rubric(name_or_path: str | Path) -> dict:
    """The rubric ``name`` (a file of this folder) or a YAML file path, as a plain dict."""
    path = Path(name_or_path)
    if not path.suffix:
        path = RUBRIC_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        raise ParkBenchError(
            f"no rubric {name_or_path!r}; shipped rubrics: {', '.join(rubric_names())}"
        )
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)

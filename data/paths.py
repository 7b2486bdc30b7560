"""Where the project's data files live: one module, so no other module computes a path."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
CURATED_DIR = DATA_DIR / "curated"
REFERENCE_DIR = DATA_DIR / "reference"
RUBRIC_DIR = DATA_DIR / "rubrics"
COST_DEFAULTS_PATH = REFERENCE_DIR / "cost_defaults.yaml"
INDUSTRY_KPIS_PATH = REFERENCE_DIR / "industry_kpis" / "industry_kpis.csv"

"""The Jinja environment of the reports (``portal/templates``, autoescaped)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    keep_trailing_newline=True,
)


def render(name: str, **context) -> str:
    """Template ``name`` of ``portal/templates`` rendered with ``context``."""
    return _ENV.get_template(name).render(**context)

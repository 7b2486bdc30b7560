"""Read ``key=value,key=value`` options (weights, typed-in KPIs)."""

from __future__ import annotations

import click


def parse_pairs(text: str | None, option: str) -> dict[str, float]:
    """Read ``k=v,k=v`` into a dict of floats, or raise a click usage error."""
    out: dict[str, float] = {}
    if not text:
        return out
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{part!r} is not key=value", param_hint=option)
        try:
            out[key.strip()] = float(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a number", param_hint=option) from None
    return out

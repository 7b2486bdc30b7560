"""Differences between two releases and the semantic-version rule.

Rows are matched by primary key. A row is *changed* when any column both releases have differs;
columns added or removed are reported per table, not as row changes.

Version rule (semantic versioning of the data package): **major** when a table or a column is
removed (a rename is a removal plus an addition), **minor** when a table or column is added,
**patch** otherwise (rows added, removed or changed, or nothing at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from data.errors import ReleaseError

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.2.3"`` -> ``(1, 2, 3)``; anything else raises :class:`ReleaseError`."""
    m = SEMVER.match(text or "")
    if not m:
        raise ReleaseError(f"version {text!r} is not a semantic version MAJOR.MINOR.PATCH")
    return int(m[1]), int(m[2]), int(m[3])


@dataclass
class TableDiff:
    """Changes of one table between two releases (ids in primary-key order)."""

    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in ("added", "removed", "changed")}

    @property
    def empty(self) -> bool:
        return not (
            self.added or self.removed or self.changed or self.columns_added or self.columns_removed
        )


@dataclass
class ReleaseDiff:
    """Changes between a previous release and the new one."""

    previous_version: str
    tables_added: list[str] = field(default_factory=list)
    tables_removed: list[str] = field(default_factory=list)
    tables: dict[str, TableDiff] = field(default_factory=dict)

    @property
    def level(self) -> str:
        """``"major"``, ``"minor"`` or ``"patch"`` by the version rule."""
        if self.tables_removed or any(d.columns_removed for d in self.tables.values()):
            return "major"
        if self.tables_added or any(d.columns_added for d in self.tables.values()):
            return "minor"
        return "patch"

    def summary(self) -> dict:
        """Plain counts per table (what ``parkbench export --compare`` prints)."""
        return {
            "previous_version": self.previous_version,
            "level": self.level,
            "tables_added": self.tables_added,
            "tables_removed": self.tables_removed,
            "tables": {
                name: {
                    **d.counts,
                    "columns_added": d.columns_added,
                    "columns_removed": d.columns_removed,
                }
                for name, d in self.tables.items()
            },
        }


def bump(previous: str, level: str) -> str:
    """The next version after ``previous`` at ``level`` (major, minor or patch)."""
    major, minor, patch = parse_version(previous)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def diff_tables(
    old: dict[str, tuple[list[str], str, list[dict]]],
    new: dict[str, tuple[list[str], str, list[dict]]],
    previous_version: str,
) -> ReleaseDiff:
    """Compare releases given as ``{table: (columns, primary key, rows)}``."""
    out = ReleaseDiff(
        previous_version=previous_version,
        tables_added=sorted(set(new) - set(old)),
        tables_removed=sorted(set(old) - set(new)),
    )
    for name in sorted(set(old) & set(new)):
        old_cols, old_pk, old_rows = old[name]
        new_cols, new_pk, new_rows = new[name]
        d = TableDiff(
            name,
            columns_added=[c for c in new_cols if c not in old_cols],
            columns_removed=[c for c in old_cols if c not in new_cols],
        )
        common = [c for c in new_cols if c in old_cols]
        before = {str(r[old_pk]): r for r in old_rows}
        after = {str(r[new_pk]): r for r in new_rows}
        d.added = sorted(set(after) - set(before))
        d.removed = sorted(set(before) - set(after))
        d.changed = sorted(
            k
            for k in set(before) & set(after)
            if any(before[k].get(c) != after[k].get(c) for c in common)
        )
        out.tables[name] = d
    return out


def render_changelog(diff: ReleaseDiff, version: str, created: str) -> str:
    """CHANGELOG.md of a release: counts per table, then the ids added, removed and changed."""
    lines = [
        "# 变更记录 / Changelog",
        "",
        f"## {version} ({created[:10]})",
        "",
        f"相对于 {diff.previous_version} 的变化（{diff.level}）。 "
        f"Changes since {diff.previous_version} ({diff.level}).",
        "",
    ]
    if diff.tables_added:
        lines.append("新增表 Tables added: " + ", ".join(f"`{t}`" for t in diff.tables_added))
    if diff.tables_removed:
        lines.append("删除表 Tables removed: " + ", ".join(f"`{t}`" for t in diff.tables_removed))
    lines += [
        "",
        "| 表 Table | 新增 Added | 删除 Removed | 修改 Changed | 列变化 Columns |",
        "|---|---:|---:|---:|---|",
    ]
    for name, d in diff.tables.items():
        cols = [f"+{c}" for c in d.columns_added] + [f"-{c}" for c in d.columns_removed]
        lines.append(
            f"| `{name}` | {len(d.added)} | {len(d.removed)} | {len(d.changed)} | {' '.join(cols)} |"
        )
    for name, d in diff.tables.items():
        if not (d.added or d.removed or d.changed):
            continue
        lines += ["", f"### `{name}`"]
        for label, ids in (
            ("新增 Added", d.added),
            ("删除 Removed", d.removed),
            ("修改 Changed", d.changed),
        ):
            if ids:
                lines += ["", f"{label} ({len(ids)}):", ""] + [f"- `{i}`" for i in ids]
    return "\n".join(lines) + "\n"

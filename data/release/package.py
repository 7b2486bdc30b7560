"""Data releases: a directory a journal's data editor would accept, and the way back into a store.

:func:`export_release` writes, for the published rows of a store (:mod:`data.release.collect`)::

    OUT/
      datapackage.json        Frictionless Data Package (v1 tabular): typed schema, keys,
                              licences and sources per resource, version, created, hashes
      csv/<table>.csv         one file per table and format chosen with ``formats``
      parquet/<table>.parquet
      xlsx/<table>.xlsx       sheets ``data`` and ``dictionary``
      geojson/<table>.geojson geographic tables with lat/lon (points)
      sqlite/parkbench.sqlite the release tables in one SQLite file
      dictionary.md / .csv    bilingual data dictionary of every column
      CITATION.cff / .md      how to cite, in Chinese and English
      CHANGELOG.md            with ``compare_dir``: rows added, removed, changed per table
      SHA256SUMS              SHA-256 of every other file (``sha256sum -c SHA256SUMS``)

Data files are deterministic: export -> :func:`load_release` -> export gives the same bytes.
The only time in the package is the descriptor's ``created`` (and the same instant in the
XLSX document properties), which defaults to the newest ``retrieved_at`` of the published
sources, so it too is a function of the data.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlite_utils

from data.errors import ReleaseError
from data.release import formats as rf
from data.release.citation import (
    ABSTRACT,
    AUTHOR_EN,
    KEYWORDS,
    TITLE_EN,
    render_cff,
    render_citation_md,
)
from data.release.collect import (
    FIELD_SOURCES,
    ReleaseData,
    collect_release,
    facts_from_field_sources,
)
from data.release.compare import ReleaseDiff, bump, diff_tables, parse_version, render_changelog
from data.schema.dictionary import (
    build_dictionary,
    field_type,
    render_dictionary_csv,
    render_dictionary_markdown,
)
from data.schema.tables import TABLES, Table
from data.store.database import _load_schema_modules, utc_now

FIRST_VERSION = "1.0.0"
PACKAGE_NAME = "parkbench"
#: the format whose files are the data package's resources, first available wins
_PRIMARY = ("csv", "parquet", "xlsx")
_MEDIA = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}
_READERS = {"csv": rf.read_csv, "parquet": rf.read_parquet, "xlsx": rf.read_xlsx}
_SPDX_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")


@dataclass
class ReleaseManifest:
    """What an export wrote: version, created, rows per resource, every file with its SHA-256."""

    out_dir: Path
    version: str
    created: str
    formats: tuple[str, ...]
    rows: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256 hex
    diff: ReleaseDiff | None = None

    def as_dict(self) -> dict:
        return {
            "out_dir": str(self.out_dir),
            "version": self.version,
            "created": self.created,
            "formats": list(self.formats),
            "rows": self.rows,
            "files": self.files,
            "changes": self.diff.summary() if self.diff else None,
        }


def parse_formats(formats: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """``"csv,parquet"`` or a list -> a tuple in canonical order; unknown names raise."""
    if formats is None:
        return rf.FORMATS
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    chosen = {f.strip().lower() for f in items if f.strip()}
    unknown = sorted(chosen - set(rf.FORMATS))
    if unknown:
        raise ReleaseError(
            f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(rf.FORMATS)}"
        )
    if not chosen & set(_PRIMARY):
        raise ReleaseError(
            "a release needs at least one of csv, parquet or xlsx for its data package"
        )
    return tuple(f for f in rf.FORMATS if f in chosen)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _check_created(created: str) -> str:
    try:
        datetime.fromisoformat(created.replace("Z", "+00:00"))
    except (ValueError, AttributeError) as exc:
        raise ReleaseError(f"created {created!r} is not an ISO 8601 time") from exc
    return created


def _licence(text: str) -> dict:
    if _SPDX_ID.match(text):
        return {"name": text, "path": f"https://spdx.org/licenses/{text}.html", "title": text}
    # a compound or free-text licence as the source states it: an SPDX LicenseRef with its text
    ref = "LicenseRef-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return {"name": ref, "title": text}


def _schema(table: Table, names: set[str]) -> dict:
    fields = []
    for c in table.all_columns():
        f = {"name": c.name, "type": field_type(c), "title": c.en, "description": c.zh}
        if c.unit:
            f["unit"] = c.unit
        if c.required and c.name != table.pk:
            f["constraints"] = {"required": True}
        fields.append(f)
    schema = {"fields": fields, "missingValues": [""], "primaryKey": [table.pk]}
    fks = [
        {"fields": [col], "reference": {"resource": other, "fields": [other_col]}}
        for col, other, other_col in table.foreign_keys
        if other in names
    ]
    if fks:
        schema["foreignKeys"] = fks
    return schema


def _resource_licences(table: Table, data: ReleaseData, sources: dict[str, dict]) -> list[dict]:
    texts = [table.licence]
    if table.name == "sources":  # a catalogue of the sources, not their content
        return [_licence(table.licence)]
    for sid in data.sources_by_table.get(table.name, []):
        text = (sources.get(sid) or {}).get("licence")
        if text and text not in texts:
            texts.append(text)
    return [_licence(t) for t in texts]


def _source_entry(s: dict) -> dict:
    entry = {"title": s.get("title") or s.get("url") or s["id"]}
    if s.get("url"):
        entry["path"] = s["url"]
    return entry


def _describe(
    data: ReleaseData,
    formats: tuple[str, ...],
    files: dict[str, str],
    out: Path,
    version: str,
    created: str,
) -> dict:
    names = {t.name for t in data.tables}
    sources = {s["id"]: s for s in data.rows["sources"]}
    primary = next(f for f in _PRIMARY if f in formats)
    resources = []
    for table in data.tables:
        path = f"{primary}/{table.name}.{primary}"
        res = {
            "name": table.name,
            "title": table.en,
            "description": f"{table.zh} / {table.en}",
            "profile": "tabular-data-resource",
            "path": path,
            "format": primary,
            "mediatype": _MEDIA[primary],
        }
        if primary == "csv":
            res["encoding"] = "utf-8"
        res["bytes"] = (out / path).stat().st_size
        res["hash"] = f"sha256:{files[path]}"
        res["schema"] = _schema(table, names)
        res["licenses"] = _resource_licences(table, data, sources)
        res["sources"] = [
            _source_entry(sources[sid])
            for sid in data.sources_by_table.get(table.name, [])
            if sid in sources
        ]
        res["rows"] = len(data.rows[table.name])
        alternates = [
            {"format": f, "path": p, "mediatype": _MEDIA[f], "hash": f"sha256:{files[p]}"}
            for f in formats
            if f != primary and (p := f"{f}/{table.name}.{f}") in files
        ]
        outline = rf.boundary_name(table)
        if outline and (p := f"geojson/{outline}.geojson") in files:
            alternates.append(
                {
                    "format": "geojson",
                    "path": p,
                    "mediatype": _MEDIA["geojson"],
                    "geometry": "polygon",
                    "hash": f"sha256:{files[p]}",
                }
            )
        if "sqlite" in formats:
            alternates.append(
                {
                    "format": "sqlite",
                    "path": f"sqlite/{rf.SQLITE_NAME}",
                    "table": table.name,
                    "mediatype": "application/vnd.sqlite3",
                    "hash": f"sha256:{files[f'sqlite/{rf.SQLITE_NAME}']}",
                }
            )
        if alternates:
            res["alternates"] = alternates
        resources.append(res)
    licences = sorted({t.licence for t in data.tables})
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": TITLE_EN,
        "description": ABSTRACT,
        "version": version,
        "created": created,
        "keywords": list(KEYWORDS),
        "contributors": [{"title": AUTHOR_EN, "role": "author"}],
        "licenses": [_licence(t) for t in licences],
        "sources": [_source_entry(s) for s in data.rows["sources"]],
        "resources": resources,
    }


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _release_rows(data: ReleaseData) -> dict[str, tuple[list[str], str, list[dict]]]:
    return {t.name: (t.column_names, t.pk, data.rows[t.name]) for t in data.tables}


def export_release(
    db: sqlite_utils.Database,
    out_dir: str | Path,
    formats: str | list[str] | tuple[str, ...] | None = None,
    version: str | None = None,
    compare_dir: str | Path | None = None,
    created: str | None = None,
) -> ReleaseManifest:
    """Write a release of the published data of ``db`` into ``out_dir`` (new or empty).

    ``version`` defaults to the previous release's version bumped by the change level when
    ``compare_dir`` is given (see :mod:`data.release.compare`), else :data:`FIRST_VERSION`.
    ``created`` (ISO 8601) defaults to the newest ``retrieved_at`` of the published sources.
    The release is written next to ``out_dir`` and moved into place when complete.
    """
    chosen = parse_formats(formats)
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ReleaseError(f"{out} exists and is not an empty directory; releases are immutable")
    data = collect_release(db)
    if created is None:
        stamps = [s["retrieved_at"] for s in data.rows["sources"] if s.get("retrieved_at")]
        created = max(stamps) if stamps else utc_now()
    _check_created(created)

    diff = None
    if compare_dir is not None:
        old_desc, old_rows = read_release(compare_dir)
        previous = old_desc.get("version") or "0.0.0"
        diff = diff_tables(old_rows, _release_rows(data), previous)
        if version is None:
            version = bump(previous, diff.level)
        elif parse_version(version) <= parse_version(previous):
            raise ReleaseError(f"version {version} must be greater than the previous {previous}")
    version = version or FIRST_VERSION
    parse_version(version)

    tmp = out.with_name(out.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        files = _write_files(data, chosen, tmp, created)
        dictionary = build_dictionary(data.tables)
        _write_text(tmp / "dictionary.md", render_dictionary_markdown(dictionary))
        _write_text(tmp / "dictionary.csv", render_dictionary_csv(dictionary))
        if diff is not None:
            _write_text(tmp / "CHANGELOG.md", render_changelog(diff, version, created))
        descriptor = _describe(data, chosen, files, tmp, version, created)
        _write_text(
            tmp / "datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
        )
        spdx = sorted({t.licence for t in data.tables if _SPDX_ID.match(t.licence)})
        _write_text(tmp / "CITATION.cff", render_cff(version, created, spdx))
        _write_text(tmp / "CITATION.md", render_citation_md(version, created))
        every = {
            p.relative_to(tmp).as_posix(): sha256_file(p)
            for p in sorted(tmp.rglob("*"))
            if p.is_file()
        }
        _write_text(tmp / "SHA256SUMS", "".join(f"{h}  {p}\n" for p, h in sorted(every.items())))
        if out.exists():
            out.rmdir()
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return ReleaseManifest(
        out_dir=out,
        version=version,
        created=created,
        formats=chosen,
        rows={name: len(rows) for name, rows in data.rows.items()},
        files={**every, "SHA256SUMS": sha256_file(out / "SHA256SUMS")},
        diff=diff,
    )


def release_sqlite_bytes(db: sqlite_utils.Database) -> bytes:
    """The ``sqlite/parkbench.sqlite`` file a release of ``db`` holds, as bytes.

    Same rows (:func:`data.release.collect.collect_release`) and same writer
    (:func:`data.release.formats.write_sqlite`) as ``parkbench export``: the public download
    of the whole database is the published release, never the working store.
    """
    import tempfile

    data = collect_release(db)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / rf.SQLITE_NAME
        rf.write_sqlite(data.tables, data.rows, path)
        return path.read_bytes()


def _write_files(
    data: ReleaseData, formats: tuple[str, ...], out: Path, created: str
) -> dict[str, str]:
    files: dict[str, str] = {}
    for fmt in formats:
        if fmt == "sqlite":
            (out / "sqlite").mkdir()
            path = out / "sqlite" / rf.SQLITE_NAME
            rf.write_sqlite(data.tables, data.rows, path)
            files[f"sqlite/{rf.SQLITE_NAME}"] = sha256_file(path)
            continue
        (out / fmt).mkdir()
        for table in data.tables:
            if fmt == "geojson" and not rf.is_point_table(table):
                continue
            rows = data.rows[table.name]
            path = out / fmt / f"{table.name}.{fmt}"
            if fmt == "csv":
                rf.write_csv(table, rows, path)
            elif fmt == "parquet":
                rf.write_parquet(table, rows, path)
            elif fmt == "xlsx":
                rf.write_xlsx(table, rows, path, created)
            else:
                rf.write_geojson(table, rows, path)
                outline = rf.boundary_name(table)
                if outline:
                    shapes = out / fmt / f"{outline}.geojson"
                    rf.write_boundaries(table, rows, shapes)
                    files[f"{fmt}/{outline}.geojson"] = sha256_file(shapes)
            files[f"{fmt}/{table.name}.{fmt}"] = sha256_file(path)
    return files


# -- reading a release ---------------------------------------------------------------------------


def verify_release(release_dir: str | Path) -> list[str]:
    """Paths whose SHA-256 differs from ``SHA256SUMS`` (or are missing); empty when intact."""
    root = Path(release_dir)
    sums = root / "SHA256SUMS"
    if not sums.is_file():
        raise ReleaseError(f"{root} has no SHA256SUMS; is it a ParkBench release?")
    bad = []
    for line in sums.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, _, rel = line.partition("  ")
        path = root / rel
        if not path.is_file() or sha256_file(path) != digest:
            bad.append(rel)
    return bad


def read_release(
    release_dir: str | Path,
) -> tuple[dict, dict[str, tuple[list[str], str, list[dict]]]]:
    """The descriptor and ``{resource: (columns, primary key, rows)}`` of a release."""
    root = Path(release_dir)
    path = root / "datapackage.json"
    if not path.is_file():
        raise ReleaseError(f"{root} has no datapackage.json; is it a ParkBench release?")
    bad = verify_release(root)
    if bad:
        raise ReleaseError(f"{root}: checksum mismatch for {', '.join(bad[:5])}")
    desc = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for res in desc.get("resources", []):
        fields = res["schema"]["fields"]
        types = {f["name"]: f["type"] for f in fields}
        reader = _READERS.get(res.get("format", ""))
        if reader is None:
            raise ReleaseError(f"resource {res['name']}: cannot read format {res.get('format')!r}")
        rows = reader(types, root / res["path"])
        out[res["name"]] = ([f["name"] for f in fields], res["schema"]["primaryKey"][0], rows)
    return desc, out


def load_release(release_dir: str | Path, db: sqlite_utils.Database) -> dict[str, int]:
    """Load a release into a store (normally a fresh one); returns rows loaded per table.

    Tables are filled as published; ``field_sources`` becomes ``facts`` again (their
    ``recorded_at`` is the release's ``created``). Checksums are verified first. Resources
    this version of ParkBench does not declare raise :class:`ReleaseError`.
    """
    _load_schema_modules()
    desc, resources = read_release(release_dir)
    unknown = sorted(n for n in resources if n not in TABLES and n != FIELD_SOURCES.name)
    if unknown:
        raise ReleaseError(f"release has tables this ParkBench does not know: {', '.join(unknown)}")
    counts: dict[str, int] = {}
    with db.atomic():
        for name, (_, _, rows) in resources.items():
            if name == FIELD_SOURCES.name:
                name, rows = "facts", facts_from_field_sources(rows, desc.get("created"))
            table = TABLES[name]
            if rows:
                db[name].insert_all(rows, pk=table.pk, replace=True)
            counts[name] = len(rows)
    return counts

"""Reading CSV and XLSX files as tables of strings, with encoding detection and clear errors.

CSV files may come in UTF-8 (with or without BOM), GBK/GB2312/GB18030 or Big5 — Chinese office
software still writes GBK by default. Each candidate encoding is tried strictly; when several
decode, the one whose header row reads as known column names wins, then the one
charset-normalizer prefers. Anything that is not a table (empty, binary, undecodable, too
large) raises :class:`data.errors.TableReadError` with a one-line reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from data.errors import TableReadError

#: largest file an import accepts (bytes); override with PARKBENCH_MAX_IMPORT_BYTES
MAX_IMPORT_BYTES = int(os.environ.get("PARKBENCH_MAX_IMPORT_BYTES", 50 * 1024 * 1024))

#: limits checked before a file is loaded: name -> (environment variable, default, what)
LIMITS = {
    "unzipped_bytes": ("PARKBENCH_MAX_UNZIPPED_BYTES", 200 * 1024 * 1024, "bytes unzipped"),
    "zip_entries": ("PARKBENCH_MAX_ZIP_ENTRIES", 1000, "files inside the workbook"),
    "rows": ("PARKBENCH_MAX_ROWS", 1_000_000, "rows"),
    "columns": ("PARKBENCH_MAX_COLUMNS", 500, "columns"),
    "cell_chars": ("PARKBENCH_MAX_CELL_CHARS", 32_767, "characters in a cell"),
}


def limit(name: str) -> int:
    """The current value of a limit of :data:`LIMITS` (its environment variable, else default)."""
    env, default, _ = LIMITS[name]
    text = os.environ.get(env)
    if not text:
        return default
    try:
        return int(text)
    except ValueError as exc:
        raise TableReadError(f"{env}={text!r} is not a whole number") from exc


def _over(name: str, file: str, found: str) -> TableReadError:
    env, _, what = LIMITS[name]
    return TableReadError(
        f"{file}: {found}; the limit is {limit(name):,} {what} (set {env} to change it)"
    )


CANDIDATE_ENCODINGS = ("utf-8-sig", "gb18030", "big5")
#: share of "messy" characters above which decoded bytes are judged not to be text
MAX_CHAOS = 0.3


@dataclass
class RawTable:
    """A file read as text cells: header row, data rows (with their file row numbers)."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the file, header = 1; cells)
    encoding: str | None
    sha256: str
    blank_rows: int = 0
    content: bytes = b""


def read_bytes(path: str | Path) -> bytes:
    """Read a file, refusing what is missing, empty or larger than MAX_IMPORT_BYTES."""
    path = Path(path)
    if not path.is_file():
        raise TableReadError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise TableReadError(
            f"{path.name}: {size / 1e6:.1f} MB is larger than the {MAX_IMPORT_BYTES / 1e6:.0f} MB import limit"
        )
    return path.read_bytes()


def read_table(
    content: bytes,
    name: str,
    *,
    score_headers: Callable[[list[str]], int] | None = None,
    lazy: bool = False,
) -> RawTable:
    """Parse ``content`` (CSV or XLSX bytes) named ``name`` into a RawTable.

    Every row is read and checked against the limits at once. With ``lazy`` the rows are not
    kept: ``rows`` is a :class:`LazyRows` that reads them again, one at a time, on each pass
    (a large import then holds the file and its text, not millions of cell strings).
    """
    if len(content) > MAX_IMPORT_BYTES:
        raise TableReadError(
            f"{name}: larger than the {MAX_IMPORT_BYTES / 1e6:.0f} MB import limit"
        )
    if not content.strip():
        raise TableReadError(f"{name}: the file is empty")
    sha = hashlib.sha256(content).hexdigest()
    if content[:4] == b"PK\x03\x04":
        headers, rows, blanks = _read_xlsx(content, name, lazy)
        encoding = None
    elif content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableReadError(
            f"{name}: old binary Excel (.xls) is not supported; save it as .xlsx or CSV"
        )
    else:
        if b"\x00" in content[:8192] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise TableReadError(f"{name}: a binary file, not a CSV table")
        text, encoding = decode_text(content, name, score_headers)
        headers, rows, blanks = _read_csv(text, name, lazy)
    if not headers or not any(h.strip() for h in headers):
        raise TableReadError(f"{name}: no header row")
    return RawTable(name, headers, rows, encoding, sha, blanks, content)


def decode_text(
    content: bytes, name: str, score_headers: Callable[[list[str]], int] | None = None
) -> tuple[str, str]:
    """Decode CSV bytes; return (text, encoding name)."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise TableReadError(f"{name}: broken UTF-16 text ({exc.reason})") from exc
    decoded: list[tuple[str, str]] = []
    for enc in CANDIDATE_ENCODINGS:
        try:
            decoded.append((content.decode(enc), enc))
        except UnicodeDecodeError:
            continue
        if enc == "utf-8-sig":
            break  # valid UTF-8 is almost never an accident
    if not decoded:
        raise TableReadError(
            f"{name}: unknown text encoding (not UTF-8, GBK/GB18030 or Big5); save it as UTF-8 CSV"
        )
    if decoded[0][1] == "utf-8-sig":
        return decoded[0][0], _label(decoded[0][1])
    if score_headers is None:
        return _normalizer_choice(content, decoded, name)
    scored = [
        (score_headers(_first_row(text)), -i, text, enc) for i, (text, enc) in enumerate(decoded)
    ]
    best = max(scored)
    if best[0] == 0:
        return _normalizer_choice(content, decoded, name)
    return best[2], _label(best[3])


def _label(enc: str) -> str:
    return {"utf-8-sig": "utf-8", "gb18030": "gb18030", "big5": "big5"}.get(enc, enc)


def _normalizer_choice(
    content: bytes, decoded: list[tuple[str, str]], name: str
) -> tuple[str, str]:
    """No header is recognised in any decoding: let charset-normalizer judge which reads as text.

    GB18030 decodes almost any byte string, so "it decodes" proves nothing; charset-normalizer
    measures how much of the result looks like language ("chaos") and gives up on noise.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(content, cp_isolation=["gb18030", "big5"]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise TableReadError(
            f"{name}: unknown text encoding (not UTF-8, GBK/GB18030 or Big5); save it as UTF-8 CSV"
        )
    for text, enc in decoded:
        if enc.replace("-", "_") == best.encoding.replace("-", "_"):
            return text, _label(enc)
    return decoded[0][0], _label(decoded[0][1])


def _first_row(text: str) -> list[str]:
    for row in csv.reader(io.StringIO(text[:4096])):
        if any(c.strip() for c in row):
            return row
    return []


def _read_csv(text: str, name: str, lazy: bool = False):
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    max_cell = limit("cell_chars")
    csv.field_size_limit(max(max_cell + 1, 1024))

    def cells():
        reader = csv.reader(_lines(text), dialect)
        return _checked_csv_rows(reader, dialect.delimiter, name)

    headers, rows, blanks = _split_header(cells(), name, keep=not lazy)
    return headers, (LazyRows(cells, rows) if lazy else rows), blanks


def _lines(text: str):
    """The lines of ``text`` with their ends, one at a time (``io.StringIO`` would copy the
    whole text into a 4-byte-per-character buffer)."""
    if "\n" not in text:
        yield from io.StringIO(text, newline="")  # old Mac line ends: small files in practice
        return
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _checked_csv_rows(reader, delimiter: str, name: str):
    """Rows of ``reader``, refusing a quote left open (it would swallow the rows after it)."""
    last_line = 0
    try:
        for cells in reader:
            first_line, last_line = last_line + 1, reader.line_num
            if last_line > first_line:
                for cell in cells:
                    tail = cell.split("\n", 1)[1:] or cell.split("\r", 1)[1:]
                    if tail and delimiter in tail[0]:
                        raise TableReadError(
                            f'{name}: line {first_line}: a quote (") opened on this line is '
                            f"not closed where the line ends, so lines {first_line}-{last_line} "
                            "would be read as one row; close or remove the quote"
                        )
            yield cells
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _over("cell_chars", name, f"line {reader.line_num} has a longer cell") from exc
        raise TableReadError(
            f"{name}: line {reader.line_num}: not a readable CSV table ({exc})"
        ) from exc


def _split_header(all_rows, name: str, keep: bool = True):
    """Header row, data rows and blank rows, enforcing the row, column and cell-length limits
    as rows come; with ``keep=False`` the data rows are counted, not kept."""
    max_rows, max_cols, max_cell = limit("rows"), limit("columns"), limit("cell_chars")
    headers: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    count = 0
    blanks = 0
    for number, cells in enumerate(all_rows, start=1):
        if len(cells) > max_cols:
            while cells and (cells[-1] is None or cells[-1] == ""):
                cells = cells[:-1]  # a workbook row may carry empty cells far to the right
            if len(cells) > max_cols:
                raise _over("columns", name, f"row {number} has {len(cells):,} columns")
        cells = ["" if c is None else str(c) for c in cells]
        if not any(c.strip() for c in cells):
            if headers:
                blanks += 1
            continue
        for i, c in enumerate(cells):
            if len(c) > max_cell:
                raise _over(
                    "cell_chars", name, f"row {number} column {i + 1} has {len(c):,} characters"
                )
        if not headers:
            headers = [c.strip() for c in cells]
            continue
        if count >= max_rows:
            raise _over("rows", name, f"more than {max_rows:,} data rows")
        count += 1
        if keep:
            rows.append((number, cells))
    return headers, (rows if keep else count), blanks


def _data_rows(all_rows):
    """``(row number, cells)`` of the data rows (after the header, blank rows skipped)."""
    header_seen = False
    for number, cells in enumerate(all_rows, start=1):
        cells = ["" if c is None else str(c) for c in cells]
        if not any(c.strip() for c in cells):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield number, cells


class LazyRows:
    """Data rows read again from the file on every pass (``len`` known from the first read)."""

    def __init__(self, open_rows: Callable[[], object], count: int) -> None:
        self._open_rows = open_rows
        self._count = count

    def __iter__(self):
        return _data_rows(self._open_rows())

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, list | LazyRows) else NotImplemented

    __hash__ = None


def check_workbook(content: bytes, name: str) -> None:
    """Refuse a workbook whose unzipped size or number of parts is over the limits.

    The sizes come from the zip directory, read before anything is inflated; ``zipfile``
    stops inflating an entry at its declared size, so a lying directory cannot get past this.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TableReadError(f"{name}: not a readable XLSX workbook ({_why(exc)})") from exc
    if len(entries) > limit("zip_entries"):
        raise _over("zip_entries", name, f"the workbook holds {len(entries):,} files")
    total = sum(e.file_size for e in entries)
    if total > limit("unzipped_bytes"):
        raise _over(
            "unzipped_bytes",
            name,
            f"the workbook unzips to {total / 1e6:,.0f} MB ({len(content) / 1e6:.1f} MB zipped)",
        )


def _read_xlsx(content: bytes, name: str, lazy: bool = False):
    check_workbook(content, name)  # before openpyxl inflates anything

    def cells():
        try:
            import openpyxl

            wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise TableReadError(f"{name}: not a readable XLSX workbook ({_why(exc)})") from exc
        try:
            if not wb.worksheets:
                raise TableReadError(f"{name}: the workbook has no sheets")
            for row in wb.worksheets[0].iter_rows(values_only=True):
                yield [_cell(v) for v in row]
        except TableReadError:
            raise
        except Exception as exc:
            raise TableReadError(f"{name}: not a readable XLSX workbook ({_why(exc)})") from exc
        finally:
            wb.close()

    headers, rows, blanks = _split_header(cells(), name, keep=not lazy)
    return headers, (LazyRows(cells, rows) if lazy else rows), blanks


def _why(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)

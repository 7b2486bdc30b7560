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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from data.errors import TableReadError

#: largest file an import accepts (bytes); override with PARKBENCH_MAX_IMPORT_BYTES
MAX_IMPORT_BYTES = int(os.environ.get("PARKBENCH_MAX_IMPORT_BYTES", 50 * 1024 * 1024))

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
    content: bytes, name: str, *, score_headers: Callable[[list[str]], int] | None = None
) -> RawTable:
    """Parse ``content`` (CSV or XLSX bytes) named ``name`` into a RawTable."""
    if len(content) > MAX_IMPORT_BYTES:
        raise TableReadError(
            f"{name}: larger than the {MAX_IMPORT_BYTES / 1e6:.0f} MB import limit"
        )
    if not content.strip():
        raise TableReadError(f"{name}: the file is empty")
    sha = hashlib.sha256(content).hexdigest()
    if content[:4] == b"PK\x03\x04":
        headers, rows, blanks = _read_xlsx(content, name)
        encoding = None
    elif content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableReadError(
            f"{name}: old binary Excel (.xls) is not supported; save it as .xlsx or CSV"
        )
    else:
        if b"\x00" in content[:8192] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise TableReadError(f"{name}: a binary file, not a CSV table")
        text, encoding = decode_text(content, name, score_headers)
        headers, rows, blanks = _read_csv(text, name)
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


def _read_csv(text: str, name: str) -> tuple[list[str], list[tuple[int, list[str]]], int]:
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        all_rows = list(reader)
    except csv.Error as exc:
        raise TableReadError(f"{name}: not a readable CSV table ({exc})") from exc
    return _split_header(all_rows)


def _split_header(all_rows: list[list[str]]) -> tuple[list[str], list[tuple[int, list[str]]], int]:
    headers: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    blanks = 0
    for number, cells in enumerate(all_rows, start=1):
        cells = ["" if c is None else str(c) for c in cells]
        if not any(c.strip() for c in cells):
            if headers:
                blanks += 1
            continue
        if not headers:
            headers = [c.strip() for c in cells]
            continue
        rows.append((number, cells))
    return headers, rows, blanks


def _read_xlsx(content: bytes, name: str):
    try:
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise TableReadError(f"{name}: not a readable XLSX workbook ({_why(exc)})") from exc
    try:
        if not wb.worksheets:
            raise TableReadError(f"{name}: the workbook has no sheets")
        ws = wb.worksheets[0]
        all_rows = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    except TableReadError:
        raise
    except Exception as exc:
        raise TableReadError(f"{name}: not a readable XLSX workbook ({_why(exc)})") from exc
    finally:
        wb.close()
    return _split_header(all_rows)


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

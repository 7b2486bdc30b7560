"""Spreadsheet-safe cells: the OWASP CSV-injection rule for every CSV and XLSX ParkBench writes.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``). Every CSV cell we write
goes through :func:`csv_cell`: such text gets a leading ``'`` (which spreadsheets show as
"this is text"); real numbers, including negative ones, stay numbers. A text that already
starts with ``'`` followed by such a character gets one more ``'``, so :func:`csv_uncell`
gives back exactly the original text (release files round-trip).

XLSX cells are typed: :func:`text_cells` marks every string cell of a sheet as text, so a
value like ``=1+1`` is stored as the string it is and never as a formula.

Examples
--------
>>> csv_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cell("-5"), csv_cell(-5), csv_cell("-x")
('-5', '-5', "'-x")
>>> csv_uncell(csv_cell("'=a")) == "'=a"
True
"""

from __future__ import annotations

import re

#: first characters that make a spreadsheet read a cell as a formula (OWASP)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def needs_quote(text: str) -> bool:
    """True when ``text`` would start a formula (ignoring leading ``'``) and is not a number."""
    head = text.lstrip("'")
    return head[:1] in FORMULA_START and not (head == text and _NUMBER.fullmatch(text))


def csv_text(text: str) -> str:
    """``text`` safe for a CSV cell: a leading ``'`` when it would start a formula."""
    return "'" + text if needs_quote(text) else text


def csv_cell(value: object) -> str:
    """One CSV cell: None as empty, floats as their shortest repr, text made formula-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return csv_text(str(value))


def csv_uncell(text: str) -> str:
    """The original text of a cell :func:`csv_cell` wrote (removes the added ``'``)."""
    if text.startswith("'") and needs_quote(text[1:]):
        return text[1:]
    return text


def text_cells(ws) -> None:
    """Mark every string cell of an openpyxl worksheet as text (never a formula)."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"

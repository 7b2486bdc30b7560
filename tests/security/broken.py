"""Broken and hostile files for the security tests, made here (nothing downloaded)."""

from __future__ import annotations

import io
import re
import zipfile


def workbook_without_sheets() -> bytes:
    """A real XLSX whose workbook lists no sheet (Excel refuses to save one; others do not)."""
    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheet [^>]*/>", b"", data)
            dst.writestr(info.filename, data)
    return out.getvalue()

"""Layout parsers: read ``label -> value`` pairs and body text from profile pages.

Layouts seen on trade-press and award pages, all read by :func:`read_layout`:

* two-, four- (or six-) column tables: label cell, value cell, label cell, value cell;
* definition lists (``<dt>`` label, ``<dd>`` value);
* ``标签：值`` text lines (full- or half-width colon) separated by ``<br>`` or ``<p>``, with
  several pairs on one line allowed (``企业所处行业: 电信 企业性质: 国有企业单位``);
* English ``Label: value`` lists (``<li>`` or lines).

Every pair keeps the line it came from as evidence. Lines without a known label are body text,
where :mod:`scrapers.extract.kpis` looks for KPI sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from scrapers.extract.labels import field_for_label

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "td",
    "th",
}
_SKIP = {"script", "style", "noscript", "head", "template", "iframe", "object"}
_SPACE = re.compile(r"[ \t\u00a0\u3000\r\f\v]+")
# a colon that ends a label: not between digits (8:00) and not inside a URL (http://)
_COLON = re.compile(r"(?<![0-9])[:：](?!//)")
_VALUE_TRIM = " \t\u3000,，;；。、|"


@dataclass
class Pair:
    """A labelled value found on the page."""

    field: str
    label: str
    value: str
    evidence: str


@dataclass
class Layout:
    """What a page holds: labelled pairs in page order, body lines, title and headings."""

    pairs: list[Pair] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    title: str = ""
    headings: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    items: list[str | list[Pair]] = field(default_factory=list)  # lines and pair groups in order


def clean(text: str) -> str:
    """Collapse spaces (incl. ideographic and no-break) and strip."""
    return _SPACE.sub(" ", text).strip()


def _text(el: etree._Element) -> str:
    return clean(" ".join(el.itertext()))


def split_line(line: str) -> tuple[list[Pair], str]:
    """Read ``label: value`` pairs of one line; returns the pairs and the unlabelled rest.

    Examples
    --------
    >>> pairs, rest = split_line("企业所处行业: 电信 企业性质: 国有企业单位")
    >>> [(p.field, p.value) for p in pairs], rest
    ([('industry', '电信'), ('ownership', '国有企业单位')], '')
    >>> [(p.field, p.value) for p in split_line("Opening hours: 8:00-20:00, Mon-Sat")[0]]
    [('hours', '8:00-20:00, Mon-Sat')]
    """
    marks: list[tuple[int, int, str | None, str]] = []  # label start, value start, field, label
    for m in _COLON.finditer(line):
        before = line[: m.start()]
        prev_end = marks[-1][1] if marks else 0
        found = _label_before(before, prev_end)
        if found is None:
            continue
        start, fld, label = found
        marks.append((start, m.end(), fld, label))
    if not marks:
        return [], line
    pairs = []
    rest = line[: marks[0][0]].strip()
    for i, (_start, vstart, fld, label) in enumerate(marks):
        vend = marks[i + 1][0] if i + 1 < len(marks) else len(line)
        value = line[vstart:vend].strip(_VALUE_TRIM)
        if fld is not None and value:
            pairs.append(Pair(fld, label, value, line))
    return pairs, rest


def _label_before(before: str, floor: int) -> tuple[int, str | None, str] | None:
    """The label that ends at the end of ``before``: (start, field or None, label)."""
    tail = before[floor:].rstrip()
    if not tail or tail[-1].isdigit():
        return None
    words = tail.split(" ")
    # longest known label made of the last 1-4 words (English labels have spaces)
    for n in range(min(4, len(words)), 0, -1):
        label = " ".join(words[-n:])
        fld = field_for_label(label)
        if fld is not None:
            return floor + len(tail) - len(label), fld, label
    last = words[-1]
    # Chinese labels glued to the previous value: longest known suffix of the last word
    for k in range(min(len(last), 12), 1, -1):
        fld = field_for_label(last[-k:])
        if fld is not None and not last[-k:].isascii():
            return floor + len(tail) - k, fld, last[-k:]
    # an unknown label still ends the previous value when it looks like one
    if (
        1 < len(last) <= 10
        and not any(c.isdigit() for c in last)
        and (len(words) > 1 or floor == 0)
    ):
        if len(words) == 1 and floor == 0 and len(tail) != len(last):
            return None
        return floor + len(tail) - len(last), None, last
    return None


def _stream(root: etree._Element, prose: bool = False) -> list[str | list[Pair]]:
    """Page content in order: text lines (split at blocks and ``<br>``) and the pairs of tables
    and definition lists, which are read whole. With ``prose``, a table without known labels is
    read row by row as ``label：value`` lines (a park profile's ``规划面积 | 1.5平方公里``)."""
    out: list[str | list[Pair]] = []
    buf: list[str] = []

    def flush() -> None:
        text = clean("".join(buf))
        if text:
            out.extend(t for t in (clean(x) for x in text.split("\n")) if t)
        buf.clear()

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                buf.append(el.tail)
            return
        pairs = None
        if tag == "table" and el.find(".//table") is None:
            pairs = _table_pairs(el)
        elif tag == "dl":
            pairs = _dl_pairs(el)
        if tag == "table" and prose and el.find(".//table") is None:
            flush()
            out.extend(_row_lines(el))
            if el.tail:
                buf.append(el.tail)
            return
        if pairs:
            flush()
            out.append(pairs)
            if el.tail:
                buf.append(el.tail)
            return
        if tag in _BLOCK:
            flush()
        if el.text and tag:
            buf.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return out


def _row_lines(table: etree._Element) -> list[str]:
    """Rows of a table as text: even rows as ``label：value`` pairs, others cells joined."""
    lines = []
    for tr in table.iter("tr"):
        cells = [_text(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if len(cells) >= 2 and len(cells) % 2 == 0:
            lines.append(
                " ".join(f"{a}：{b}" for a, b in zip(cells[::2], cells[1::2], strict=True))
            )
        elif cells:
            lines.append(" ".join(cells))
    return lines


def _header_fields(rows: list[list[str]]) -> list[str | None] | None:
    """Fields of a header row when the table is a listing (one center per row), else ``None``.

    A listing's first row names a center column and at least one more known column, and no
    cell of it is a value of a known label (which would make it a label/value row)."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    fields = [field_for_label(t) for t in rows[0]]
    if "name" not in fields or sum(f is not None for f in fields) < 2:
        return None
    if len(rows[0]) % 2 == 0 and all(f is not None for f in fields[::2]) and None in fields[1::2]:
        return None  # label, value, label, value
    if not any(len(r) == len(rows[0]) for r in rows[1:]):
        return None
    return fields


def _listing_pairs(rows: list[list[str]], fields: list[str | None]) -> list[Pair]:
    pairs = []
    header = rows[0]
    order = sorted(range(len(fields)), key=lambda i: fields[i] != "name")  # name first
    for row in rows[1:]:
        if len(row) != len(header):
            continue
        evidence = " | ".join(f"{h}: {v}" for h, v in zip(header, row, strict=True))
        for i in order:
            value = row[i].strip(_VALUE_TRIM)
            if fields[i] is not None and value:
                pairs.append(Pair(fields[i], header[i], value, evidence))
    return pairs


def _table_pairs(table: etree._Element) -> list[Pair]:
    rows = []
    for tr in table.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        rows.append([_text(c) for c in cells])
    fields = _header_fields(rows)
    if fields is not None:
        return _listing_pairs(rows, fields)
    pairs = []
    for texts in rows:
        if len(texts) < 2 or len(texts) % 2:
            continue
        row = " ".join(texts)
        for label, value in zip(texts[::2], texts[1::2], strict=True):
            fld = field_for_label(label)
            value = value.strip(_VALUE_TRIM)
            if fld is not None and value:
                pairs.append(Pair(fld, label, value, row))
    return pairs


def _dl_pairs(dl: etree._Element) -> list[Pair]:
    pairs = []
    for dt in dl.iter("dt"):
        dd = dt.getnext()
        if dd is None or dd.tag != "dd":
            continue
        label, value = _text(dt), _text(dd).strip(_VALUE_TRIM)
        fld = field_for_label(label)
        if fld is not None and value:
            pairs.append(Pair(fld, label, value, f"{label}: {value}"))
    return pairs


def read_layout(text: str) -> Layout:
    """Parse page text (HTML) into labelled pairs and body lines, in page order.

    Examples
    --------
    >>> page = "<table><tr><td>座席數量</td><td>120席</td><td>City</td><td>青島</td></tr></table>"
    >>> [(p.field, p.value) for p in read_layout(page).pairs]
    [('seats', '120席'), ('city', '青島')]
    """
    layout = Layout()
    if not text.strip():
        return layout
    root = lxml.html.document_fromstring(text)
    title = root.find(".//title")
    layout.title = _text(title) if title is not None else ""
    layout.headings = [_text(h) for h in root.iter("h1", "h2") if _text(h)]
    body = root.find("body")
    for item in _stream(root if body is None else body):
        if isinstance(item, list):
            layout.pairs.extend(item)
            layout.kinds.add(
                "table" if item[0].evidence != f"{item[0].label}: {item[0].value}" else "dl"
            )
            layout.items.append(item)
            continue
        pairs, rest = split_line(item)
        if pairs:
            layout.kinds.add("lines")
            layout.pairs.extend(pairs)
            layout.items.append(pairs)
        if rest or not pairs:
            layout.lines.append(rest or item)
            layout.items.append(rest or item)
    return layout


def text_lines(text: str) -> tuple[str, list[str]]:
    """Title and text lines of a page in order (tables and lists read as lines), for prose.

    >>> text_lines("<title>T</title><h1>标题</h1><p>第一段。</p><table><tr><td>甲</td></tr></table>")
    ('T', ['标题', '第一段。', '甲'])
    """
    if not text.strip():
        return "", []
    root = lxml.html.document_fromstring(text)
    title = root.find(".//title")
    body = root.find("body")
    lines: list[str] = []
    for item in _stream(root if body is None else body, prose=True):
        if isinstance(item, list):
            lines.extend(p.evidence for p in item)
        else:
            lines.append(item)
    return (_text(title) if title is not None else ""), lines

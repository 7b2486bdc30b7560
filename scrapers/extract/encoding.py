"""Decode page bytes to text: BOM, declared charset, ``<meta>``, then detection.

The cascade is w3lib's (the one Scrapy uses for ``response.text``): a byte-order mark wins,
then the HTTP ``Content-Type`` charset, then ``<meta charset>`` / ``http-equiv``; w3lib already
reads GB2312 and GBK as GB18030 (their superset) and Big5 as Big5-HKSCS. Pages that declare
nothing go to :func:`detect_encoding`: strict UTF-8 first, then charset-normalizer restricted
to the encodings Chinese pages use.
"""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, read_bom

from scrapers.extract.errors import NotHtmlError

#: encodings tried on undeclared pages that are not valid UTF-8
CANDIDATES = ("gb18030", "big5hkscs", "utf_8")

#: leading bytes of files that are not HTML pages
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


@dataclass(frozen=True)
class Decoded:
    """Page text with the encoding used and where it came from (bom, declared, detected)."""

    text: str
    encoding: str
    how: str


def detect_encoding(body: bytes) -> str | None:
    """Best encoding for bytes that declare none; ``None`` when nothing fits.

    Examples
    --------
    >>> detect_encoding("客服中心座席数量".encode("gbk") * 4)
    'gb18030'
    """
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = from_bytes(body, cp_isolation=list(CANDIDATES)).best()
    return None if best is None else best.encoding


def decode_page(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML page; raises :class:`NotHtmlError` for binary files.

    Parameters
    ----------
    body : bytes
        The page as fetched or saved.
    content_type : str, optional
        The HTTP ``Content-Type`` header, when there is one.
    """
    head = body.lstrip()[:8]
    if (
        any(head.startswith(m) for m in _BINARY_MAGIC)
        or b"\x00" in body[:1024]
        and read_bom(body)[0] is None
    ):
        raise NotHtmlError("not an HTML page (binary content)")
    if content_type and "html" not in content_type and "text" not in content_type:
        raise NotHtmlError(f"not an HTML page (Content-Type {content_type})")
    if read_bom(body)[0] is not None:
        how = "bom"
    elif content_type and "charset=" in content_type.lower() or html_body_declared_encoding(body):
        how = "declared"
    else:
        how = "detected"
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=detect_encoding)
    return Decoded(text=text, encoding=encoding, how=how)

"""Column headers of import files: Chinese (Simplified or Traditional) and English synonyms.

The headers are declared with each column (``Column.headers`` in :mod:`data.schema.tables`);
this module derives the lookup. A header is matched after normalisation (NFKC, Traditional -> Simplified, lower case, units in
brackets and punctuation removed), so ``座席數量（個）``, ``座席数量`` and ``Seats`` all mean
``seats``. The first name of each list is the template's Chinese header, the second its English.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import data.schema  # noqa: F401  (registers every table)
from data.normalise import values as nz
from data.schema.tables import TABLES, Table


class _ByKind(Mapping):
    """A read-only mapping kind -> value, derived from the schema each time it is read."""

    def __init__(self, derive):
        self._derive = derive

    def __getitem__(self, kind: str):
        table = TABLES.get(kind)
        if table is None or not table.importable:
            raise KeyError(kind)
        return self._derive(table)

    def __iter__(self):
        return (name for name, table in TABLES.items() if table.importable)

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: kind -> {field: import headers}: the Chinese template header first, then its synonyms
SYNONYMS: Mapping[str, dict[str, list[str]]] = _ByKind(
    lambda table: {f.name: list(f.headers) for f in table.import_fields()}
)

#: kind -> the fields an import file must have
REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = _ByKind(
    lambda table: tuple(
        n for n in table.required_raw() if n in {f.name for f in table.import_fields()}
    )
)


def header_key(text: str) -> str:
    """Normalise a header cell for matching: ``座席數量（個）`` -> ``座席数量``."""
    text = nz.clean_text(str(text)) or ""
    text = nz.to_simplified(text).lower()
    text = re.sub(r"[(\[（【].*?[)\]）】]", "", text)
    return re.sub(r"[\s_\-:：*·.、/]+", "", text)


@functools.cache
def _index(table: Table) -> dict[str, str]:
    return {header_key(h): f.name for f in table.import_fields() for h in (*f.headers, f.name)}


def match_header(kind: str, header: str) -> str | None:
    """The field a header means for ``kind``, or None."""
    return _index(TABLES[kind]).get(header_key(header))


def template_headers(kind: str, lang: str) -> list[str]:
    """Template headers in ``zh`` (first synonym) or ``en`` (the field name)."""
    return [names[0] if lang == "zh" else f for f, names in SYNONYMS[kind].items()]

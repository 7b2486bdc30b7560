"""Coded notes: how the models and the cost inputs explain themselves, in no language.

A :class:`Note` is a code plus parameters, e.g. ``Note("filled", crit="rent", n=3,
rule="median", fill=52.0, unit="CNY/m2/month")``. The models and ``data.inputs.cost`` return
notes, never sentences; one bilingual catalogue (``portal/strings/notes.py``, rendered by
``portal.notes.note_text``) turns a note into Chinese or English for the pages, the
CLI and the reports. Like ``data/errors.py``, this module is shared by every layer (the models
may import it).
"""

from __future__ import annotations

from typing import Any


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


class Note:
    """One note: a ``code`` (a key of the catalogue) and its parameters (plain values).

    Immutable and hashable; parameters read as ``note["n"]`` or ``note.params``.

    Examples
    --------
    >>> n = Note("dropped", crit="center_count")
    >>> n.code, n["crit"]
    ('dropped', 'center_count')
    >>> n == Note("dropped", crit="center_count")
    True
    >>> n.to_dict()
    {'code': 'dropped', 'crit': 'center_count'}
    """

    __slots__ = ("code", "_params")

    def __init__(self, code: str, **params: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(
            self, "_params", tuple(sorted((k, _frozen(v)) for k, v in params.items()))
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Note is immutable")

    @property
    def params(self) -> dict[str, Any]:
        """The parameters as a new dict."""
        return dict(self._params)

    __iter__ = None  # not a sequence: ``"x" in note`` is an error, not a search of the params

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        """``{"code": ..., **params}`` (tuples as lists) for JSON."""
        out: dict[str, Any] = {"code": self.code}
        for k, v in self._params:
            out[k] = list(v) if isinstance(v, tuple) else v
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Note) and other.code == self.code and other._params == self._params

    def __hash__(self) -> int:
        return hash((self.code, self._params))

    def __reduce__(self):
        # pickled by Streamlit's caches and copied by copy.deepcopy
        return (_note, (self.code, self._params))

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self._params)
        return f"Note({self.code!r}{args})"


def _note(code: str, params: tuple) -> Note:
    return Note(code, **dict(params))

"""Every view is a link: page state kept in the URL query, carried across pages and reloads.

A page creates a stateful widget through :func:`link`, naming the query parameter that holds its
value (``sites``, ``preset``, ``indicator`` ...). Before the widget is drawn, a value in the URL
that this session did not write itself (a shared link, a reload, a history step) is put into the
widget's state; without one, the value the session remembers from an earlier visit of the page is
restored (Streamlit forgets a widget's value, and the browser its query, on a page switch). After
the widget is drawn its value is written to the URL and remembered. :func:`carry_over`, called by
the router on every run, puts the remembered parameters of the other pages back into the URL, so
a link copied on any page reopens every page as it was left.

Values are written as text: options by their ``str``, numbers in plain notation, ranges and
multiple choices as repeated parameters (``?sites=a&sites=b``), an empty choice as ``?sites=``.
A parameter that does not parse, or names an option that no longer exists, is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

#: the session's memory: query parameter -> the values last written to the URL
MEMORY = "_link_memory"
#: widget kinds by the Streamlit function that draws them
CHOICE_ONE = {"selectbox", "radio", "select_slider", "pills", "segmented_control"}
CHOICE_MANY = {"multiselect"}
FLAGS = {"checkbox", "toggle"}
NUMBERS = {"slider", "number_input"}
TEXTS = {"text_input", "text_area"}


def encode(value: Any) -> list[str]:
    """A widget value as the list of query values that stand for it.

    >>> encode(["a", "b"]), encode([]), encode(True), encode(2.5), encode((0, 100)), encode(None)
    (['a', 'b'], [''], ['1'], ['2.5'], ['0', '100'], [])
    """
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value] if value else [""]
    if isinstance(value, bool):
        return ["1" if value else "0"]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


def decode(
    kind: str,
    values: Sequence[str],
    *,
    options: Sequence[Any] | None = None,
    sample: Any = None,
    bounds: tuple[float | None, float | None] = (None, None),
) -> tuple[bool, Any]:
    """``(ok, value)`` read back from query values for a widget of ``kind``.

    ``options`` are the widget's choices (matched by their ``str``); ``sample`` a value of the
    widget's type (a number or a range); ``bounds`` its minimum and maximum.

    >>> decode("multiselect", ["b", "x"], options=["a", "b"])
    (True, ['b'])
    >>> decode("slider", ["10", "500"], sample=(0, 1000), bounds=(0, 1000))
    (True, (10, 500))
    >>> decode("number_input", ["-3"], sample=1.0, bounds=(0, 10))
    (False, None)
    """
    if kind in CHOICE_MANY:
        by_text = {str(o): o for o in options or ()}
        wanted = [v for v in values if v != ""]
        picked = [by_text[v] for v in dict.fromkeys(wanted) if v in by_text]
        if wanted and not picked:
            return False, None
        return True, picked
    if not values:
        return False, None
    if kind in CHOICE_ONE:
        by_text = {str(o): o for o in options or ()}
        return (True, by_text[values[0]]) if values[0] in by_text else (False, None)
    if kind in FLAGS:
        return values[0] in ("1", "0", "true", "false"), values[0] in ("1", "true")
    if kind in TEXTS:
        return True, values[0]
    if kind in NUMBERS:
        items = sample if isinstance(sample, list | tuple) else (sample,)
        if len(values) != len(items):
            return False, None
        try:
            numbers = [
                int(float(v)) if isinstance(s, int) and not isinstance(s, bool) else float(v)
                for v, s in zip(values, items, strict=True)
            ]
        except ValueError:
            return False, None
        low, high = bounds
        if any((low is not None and n < low) or (high is not None and n > high) for n in numbers):
            return False, None
        if numbers != sorted(numbers):
            return False, None
        return True, tuple(numbers) if isinstance(sample, list | tuple) else numbers[0]
    raise ValueError(f"no URL codec for a {kind} widget")


def _memory() -> dict[str, list[str]]:
    if MEMORY not in st.session_state:
        st.session_state[MEMORY] = {}
    return st.session_state[MEMORY]


def _kind(widget: Callable) -> str:
    return getattr(widget, "__name__", "")


def _sample(args: tuple, kwargs: dict) -> Any:
    """The default of a slider or number input (``label, min, max, value, step``)."""
    return kwargs["value"] if "value" in kwargs else args[3] if len(args) > 3 else None


def _bounds(kind: str, args: tuple, kwargs: dict) -> tuple[Any, Any]:
    low = kwargs.get("min_value", args[1] if len(args) > 1 else None)
    high = kwargs.get("max_value", args[2] if len(args) > 2 else None)
    return low, high


def link(widget: Callable, param: str, *args: Any, key: str, **kwargs: Any) -> Any:
    """Draw ``widget(*args, key=key, **kwargs)`` with its value kept in the URL under ``param``.

    ``widget`` is a Streamlit widget function (``st.multiselect``, ``st.sidebar.radio``, a
    column's ``selectbox`` ...); choice widgets take their options as the second positional
    argument or ``options=``; number widgets their bounds and default as Streamlit orders them.
    Returns what the widget returns.
    """
    kind = _kind(widget)
    options = kwargs.get("options", args[1] if len(args) > 1 else None)
    memory = _memory()
    in_url = st.query_params.get_all(param)
    remembered = memory.get(param)
    chosen: list[str] | None = None
    if in_url and in_url != remembered:  # not written by this session: a link, a reload
        chosen = in_url
    elif key not in st.session_state and remembered is not None:  # back from another page
        chosen = remembered
    if chosen is not None:
        ok, value = decode(
            kind,
            chosen,
            options=list(options) if kind in CHOICE_ONE | CHOICE_MANY and options else None,
            sample=_sample(args, kwargs),
            bounds=_bounds(kind, args, kwargs) if kind in NUMBERS else (None, None),
        )
        if ok:
            if kind in CHOICE_MANY and kwargs.get("max_selections"):
                value = value[: kwargs["max_selections"]]
            st.session_state[key] = value
    if kind in CHOICE_MANY and kwargs.get("max_selections"):
        value = _capped_multiselect(widget, args, key, kwargs)
    else:
        value = widget(*args, key=key, **kwargs)
    remember(param, value)
    return value


def _capped_multiselect(widget: Callable, args: tuple, key: str, kwargs: dict) -> Any:
    """A multiselect whose ``max_selections`` this module enforces, with a translated note.

    Streamlit's own limit shows "You can only select up to N options" in English whatever the
    page's language: the widget is drawn without it, a choice beyond the limit is taken back
    in the change callback, and the reader sees why in the page's language.
    """
    from portal.i18n import t

    limit = int(kwargs.pop("max_selections"))
    flag = f"_{key}_over_limit"
    chained = kwargs.pop("on_change", None)

    def cap(*cb_args: Any, **cb_kwargs: Any) -> None:
        chosen = st.session_state.get(key) or []
        if len(chosen) > limit:
            st.session_state[key] = list(chosen)[:limit]
            st.session_state[flag] = True
        if chained is not None:
            chained(*cb_args, **cb_kwargs)

    if len(st.session_state.get(key) or []) > limit:  # set by code before the widget is drawn
        st.session_state[key] = list(st.session_state[key])[:limit]
    value = widget(*args, key=key, on_change=cap, **kwargs)
    if st.session_state.pop(flag, False):
        getattr(widget, "__self__", st).warning(t("common.max_selections", n=limit))
    return value


def remember(param: str, value: Any) -> None:
    """Keep a value that is not a widget's (a clicked city, the language) in the URL."""
    memory = _memory()
    written = encode(value)
    if written:
        memory[param] = written
        if st.query_params.get_all(param) != written:
            st.query_params[param] = written
    else:
        memory.pop(param, None)
        if param in st.query_params:
            del st.query_params[param]


def carry_over() -> None:
    """Put the remembered state of every page back into the URL (the router calls this).

    The browser drops the query on a page switch; without this, a link copied on the Map page
    would lose the sites chosen on Compare.
    """
    memory = _memory()
    for param, values in memory.items():
        if not st.query_params.get_all(param):
            st.query_params[param] = values


def share_query() -> str:
    """The current query string (``lang=en&sites=...``), state of every page included."""
    pairs = [(p, v) for p in st.query_params for v in st.query_params.get_all(p)]
    return urlencode(pairs)


def share_url() -> str:
    """The address that reopens this view: the page's URL with the whole state as its query."""
    try:
        base = str(st.context.url or "")
    except Exception:  # AppTest and bare runs have no browser URL
        base = ""
    base = base.split("?", 1)[0]
    query = share_query()
    return f"{base}?{query}" if query else base


def route_unknown_path(pages: dict[str, list]) -> None:
    """Send an address naming no page (``/nosuchpage``) to the home page, quietly.

    Streamlit would run the home page too, but first show its "Page not found" dialog, in
    English whatever the page's language. The router calls this before ``st.navigation``:
    a requested page name that none of ``pages`` (the navigation's sections) has is dropped,
    so the default page is the one asked for. Uses the script run's page manager, the only
    place the requested name is known before navigation.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    wanted = getattr(manager, "intended_page_name", None)
    if not wanted or getattr(manager, "intended_page_script_hash", None):
        return
    known = {page.url_path for section in pages.values() for page in section}
    if wanted.strip("/") not in known:
        manager.set_script_intent("", "")

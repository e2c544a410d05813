"""The view in the URL's query string: project, selection, filters and focus."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import parse_qs, urlencode

from explorer.view.elements import COLLAPSE_MODES
from explorer.view.filters import FOCUS_DIRECTIONS, MAX_DEPTH, control_fields

LAYOUTS = ("dagre", "breadthfirst", "cose", "cose-bilkent", "klay", "concentric", "circle", "grid")
DEFAULT_LAYOUT = "dagre"


def _kept_as(key: str, default: object) -> Any:
    """A field kept in the query string under ``key`` (once per item if it is a tuple)."""
    return field(default=default, metadata={"key": key})


@dataclass(frozen=True)
class UrlView:
    """Everything a shared link restores. Lists are tuples so the view is hashable."""

    project: str | None = _kept_as("project", None)
    search: str = _kept_as("q", "")
    groups: tuple[str, ...] = _kept_as("group", ())
    severities: tuple[str, ...] = _kept_as("severity", ())
    rules: tuple[str, ...] = _kept_as("rule", ())
    kinds: tuple[str, ...] = _kept_as("kind", ())
    # None: the project's default (see filters.default_collapse)
    collapse: str | None = _kept_as("collapse", None)
    layout: str = _kept_as("layout", DEFAULT_LAYOUT)
    direction: str = _kept_as("focus", "off")
    depth: int = _kept_as("depth", 1)
    selected: tuple[str, ...] = _kept_as("node", ())  # node keys
    finding: int | None = _kept_as("finding", None)
    opened: tuple[str, ...] = _kept_as("open", ())  # overview clusters and pages/modules
    # Compare view: the comparison shown (``BASE..HEAD``, in place of ``project``) and
    # whether only its changes are (explorer/comparisons.py)
    compare: str | None = _kept_as("compare", None)
    changes: bool = _kept_as("changes", False)


def url_view(controls: Mapping[str, object], **others: object) -> UrlView:
    """The view the controls' values describe (lists in the order picked), with ``others``.

    >>> url_view({"rules": ["DASH040", "DASH001"], "depth": None}, project="demo").rules
    ('DASH040', 'DASH001')
    """
    values = {**others, **control_fields(UrlView, controls, sort=False)}
    return UrlView(**values)  # type: ignore[arg-type]


def control_values(view: UrlView, names: Iterable[str]) -> dict[str, object]:
    """The values the named controls show for ``view`` (tuples as lists).

    >>> control_values(UrlView(severities=("error",)), ["severities", "layout"])
    {'severities': ['error'], 'layout': 'dagre'}
    """
    values = {name: getattr(view, name) for name in names}
    return {name: list(v) if isinstance(v, tuple) else v for name, v in values.items()}


def encode(view: UrlView) -> str:
    """The query string (with its "?", or "" for the default view).

    >>> encode(UrlView(project="demo", severities=("error",), depth=2))
    '?project=demo&severity=error&depth=2'
    """
    default = UrlView()
    pairs: list[tuple[str, str]] = []
    for f in fields(UrlView):
        value = getattr(view, f.name)
        if value == getattr(default, f.name):
            continue
        values = value if isinstance(f.default, tuple) else (value,)
        pairs.extend((f.metadata["key"], str(v)) for v in values)
    return "?" + urlencode(pairs) if pairs else ""


def decode(search: str | None) -> UrlView:
    """The view a query string describes; unknown or malformed values fall back to defaults.

    >>> decode("?project=demo&severity=error&depth=99&focus=sideways").depth
    10
    """
    query = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    values: dict[str, object] = {}
    for f in fields(UrlView):
        if isinstance(f.default, tuple):
            values[f.name] = tuple(query.get(f.metadata["key"], ()))
        elif f.metadata["key"] in query:
            values[f.name] = query[f.metadata["key"]][0]
    values["depth"] = _int(values.get("depth"), 1, 1, MAX_DEPTH)
    finding = values.get("finding")
    values["finding"] = _int(finding, None, 0, 10**6) if finding is not None else None
    if values.get("collapse") not in COLLAPSE_MODES:
        values.pop("collapse", None)
    if values.get("layout") not in LAYOUTS:
        values.pop("layout", None)
    if values.get("direction") not in FOCUS_DIRECTIONS:
        values.pop("direction", None)
    values["changes"] = values.get("changes") == "True"  # encode writes str(True)
    return UrlView(**values)  # type: ignore[arg-type]


def _int(text: object, default: int | None, low: int, high: int) -> int | None:
    try:
        return max(low, min(high, int(str(text))))
    except ValueError:
        return default

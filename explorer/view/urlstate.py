"""The view in the URL's query string: project, selection, filters and focus."""

from __future__ import annotations

from dataclasses import dataclass, fields
from urllib.parse import parse_qs, urlencode

from explorer.view.elements import COLLAPSE_MODES
from explorer.view.filters import FOCUS_DIRECTIONS, MAX_DEPTH

LAYOUTS = ("dagre", "breadthfirst", "cose", "cose-bilkent", "klay", "concentric", "circle", "grid")
DEFAULT_LAYOUT = "dagre"


@dataclass(frozen=True)
class UrlView:
    """Everything a shared link restores. Lists are tuples so the view is hashable."""

    project: str | None = None
    search: str = ""
    groups: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    collapse: str | None = None  # None: the project's default (see views.default_collapse)
    layout: str = DEFAULT_LAYOUT
    direction: str = "off"
    depth: int = 1
    selected: tuple[str, ...] = ()  # node keys
    finding: int | None = None


_MULTI = {"groups": "group", "severities": "severity", "rules": "rule", "kinds": "kind",
          "selected": "node"}
_SINGLE = {"project": "project", "search": "q", "collapse": "collapse", "layout": "layout",
           "direction": "focus", "depth": "depth", "finding": "finding"}


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
        name = _MULTI.get(f.name) or _SINGLE[f.name]
        values = value if f.name in _MULTI else (value,)
        pairs.extend((name, str(v)) for v in values)
    return "?" + urlencode(pairs) if pairs else ""


def decode(search: str | None) -> UrlView:
    """The view a query string describes; unknown or malformed values fall back to defaults.

    >>> decode("?project=demo&severity=error&depth=99&focus=sideways").depth
    10
    """
    query = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    values: dict[str, object] = {}
    for attr, name in _MULTI.items():
        values[attr] = tuple(query.get(name, ()))
    for attr, name in _SINGLE.items():
        if name in query:
            values[attr] = query[name][0]
    values["depth"] = _int(values.get("depth"), 1, 1, MAX_DEPTH)
    finding = values.get("finding")
    values["finding"] = _int(finding, None, 0, 10**6) if finding is not None else None
    if values.get("collapse") not in COLLAPSE_MODES:
        values.pop("collapse", None)
    if values.get("layout") not in LAYOUTS:
        values.pop("layout", None)
    if values.get("direction") not in FOCUS_DIRECTIONS:
        values.pop("direction", None)
    return UrlView(**values)  # type: ignore[arg-type]


def _int(text: object, default: int | None, low: int, high: int) -> int | None:
    try:
        return max(low, min(high, int(str(text))))
    except ValueError:
        return default

"""The snapshot: a versioned JSON record of a Dash project's callbacks, apps and layouts."""

from __future__ import annotations

import functools
import json
import os
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Mapping

from analysis.contract import ContractError, describe, rules, type_name
from analysis.errors import SnapshotError

SCHEMA_VERSION = 1

#: A component id as Dash sends it: a string, or a dict whose wildcard values are
#: written the way Dash's wire format writes them: ``["MATCH"]``, ``["ALL"]``, ``["ALLSMALLER"]``.
ComponentId = str | dict
WILDCARDS = ("MATCH", "ALL", "ALLSMALLER")


def id_to_str(component_id: ComponentId) -> str:
    """The canonical text of an id, as Dash writes it in callback keys.

    >>> id_to_str({"type": "item", "index": ["MATCH"]})
    '{"index":["MATCH"],"type":"item"}'
    """
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def is_wildcard(value: Any) -> bool:
    """True for a wildcard value (``["MATCH"]`` etc.) inside a pattern id."""
    return isinstance(value, list) and len(value) == 1 and value[0] in WILDCARDS


@dataclass(frozen=True)
class Dependency:
    """One ``Input``/``State``/``Output`` (or ``running``/``progress``/``cancel`` target)."""

    id: ComponentId
    property: str
    allow_duplicate: bool = False
    allow_optional: bool = False

    # The graph and the rules ask for id_str and key tens of thousands of times on big apps:
    # both are kept in the instance dict, outside the frozen fields (functools.cached_property
    # takes a lock per read on Python 3.11, which cost more than it saved).
    @property
    def id_str(self) -> str:
        cached = self.__dict__.get("_id_str")
        if cached is None:
            cached = self.__dict__["_id_str"] = id_to_str(self.id)
        return cached

    @property
    def key(self) -> str:
        """``"id.prop"`` with the id in canonical text: the property's identity."""
        cached = self.__dict__.get("_key")
        if cached is None:
            cached = self.__dict__["_key"] = f"{self.id_str}.{self.property}"
        return cached

    @property
    def is_pattern(self) -> bool:
        return isinstance(self.id, dict) and any(is_wildcard(v) for v in self.id.values())


@dataclass(frozen=True)
class Callback:
    """One registered callback, server-side or clientside, as the probe saw it."""

    index: int
    function: str  # qualified name ("pkg.module.func"), or "clientside:<ns>.<name>"
    kind: str = "server"  # "server" | "clientside"
    module: str | None = None
    file: str | None = None  # relative to Snapshot.root when inside it
    line: int | None = None  # the decorator's first line (or the clientside_callback call)
    def_line: int | None = None  # the ``def`` line
    source: str | None = None  # Python source of the function (decorators included)
    js_source: str | None = None  # inline clientside JS source
    outputs: tuple[Dependency, ...] = ()
    inputs: tuple[Dependency, ...] = ()
    states: tuple[Dependency, ...] = ()
    multi_output: bool = False  # outputs declared as a list/tuple: a list/tuple is returned
    no_output: bool = False
    optional: bool = False  # callback-level ``optional=True``: every dependency may be absent
    output_key: str = ""  # Dash's internal callback key (callback_map key)
    #: How Dash calls the function: the ``inputs_state_indices`` grouping. An int (one
    #: positional argument), a list (positional arguments, each an int or a nested grouping)
    #: or a dict (keyword arguments). Ints index ``inputs + states``.
    arg_grouping: Any = None
    prevent_initial_call: bool | str | None = None  # as written; None when not given
    prevent_initial_call_effective: bool = False  # what Dash sends to the renderer
    background: bool = False
    background_manager: str | None = None
    progress: tuple[Dependency, ...] = ()
    cancel: tuple[Dependency, ...] = ()
    running: tuple[Dependency, ...] = ()
    is_async: bool = False
    wrappers: tuple[str, ...] = ()  # decorators between Dash and the function, outermost first
    app: str | None = None  # name of the app whose own list holds it; None: dash.callback
    internal: bool = False  # added by Dash itself (page router, title, background cancel)
    library: bool = False  # defined in an installed package (site-packages), not the project
    dropped: bool = False  # Dash's callback_map kept another callback under the same key

    @property
    def name(self) -> str:
        """The short function name; a clientside one's ``namespace.function``, or for inline
        JavaScript the name its function was given (Dash's hash only when it has none)."""
        cached = self.__dict__.get("_name")
        if cached is None:
            cached = self.__dict__["_name"] = _short_name(self)
        return cached

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.file else "<unknown>"


def _short_name(callback: Callback) -> str:
    if callback.kind == "clientside" and callback.function.startswith("clientside:"):
        if callback.function.startswith("clientside:inline."):
            # the hash Dash names inline code by means nothing to a reader; the code's own
            # name does (the fingerprint keeps using ``function``, which never changes)
            from analysis.source.javascript import js_function_name  # here: its regexes

            return js_function_name(callback.js_source) or callback.function.rsplit(".", 1)[-1]
        return callback.function.removeprefix("clientside:")
    return callback.function.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class AppInfo:
    """A ``Dash`` instance found in the target process."""

    name: str  # "module:attr" where known, else "<ClassName #n>"
    class_name: str = "Dash"
    primary: bool = False
    served: bool = True  # False: the primary app never serves its callbacks
    suppress_callback_exceptions: bool = False
    prevent_initial_callbacks: bool | str = False
    use_pages: bool = False
    use_async: bool | None = None
    async_available: bool = False
    #: Dash 4's server backend (``"flask"``, ``"fastapi"``, ``"quart"``); None: unknown.
    server_type: str | None = None
    background_manager: str | None = None
    setup_error: str | None = None  # what Dash's server setup raised, if it did


@dataclass(frozen=True)
class Component:
    """A component with an id found in a layout."""

    id: ComponentId
    type: str  # "namespace.Type", e.g. "dash_core_components.Graph"
    layout: str  # the Layout.name it was found in
    file: str | None = None  # where the project created it, relative to Snapshot.root
    line: int | None = None  # None: unknown (created by a library, outside the root, older probe)
    #: The props this layout gives it (not ``id``): JSON scalars and empty lists/dicts as
    #: given, anything else as ``"<...>"``. None when not recorded (older or hand-made
    #: snapshots): the initial values are then unknown.
    initial: Mapping[str, Any] | None = field(default=None, compare=False)
    #: The values its options offer (``options``/``data``, a Tabs' tabs), when the probe could
    #: list them; None when unknown (most components; older snapshots).
    choices: tuple[Any, ...] | None = field(default=None, compare=False)
    #: How many components around it in the layout have the same id (a copy nested inside
    #: another copy of itself); 0 when none or unknown.
    within: int = field(default=0, compare=False)

    @property
    def id_str(self) -> str:
        return id_to_str(self.id)

    @property
    def site(self) -> str | None:
        """``file:line`` where the project created the component, None when unknown."""
        return f"{self.file}:{self.line}" if self.file and self.line else None


@dataclass(frozen=True)
class IdReference:
    """An HTML attribute of a layout's component that names an element by id (``htmlFor``,
    ``aria-describedby``, ``href="#x"``...): the browser follows it to the first element with
    that id."""

    id: str  # the id text it names
    attribute: str  # "htmlFor", "aria-describedby", "href", ...
    type: str  # the referring component's "namespace.Type"
    layout: str  # the Layout.name it was found in
    file: str | None = None  # where the project created it (as Component.file)
    line: int | None = None

    @property
    def site(self) -> str | None:
        """``file:line`` where the project created the component, None when unknown."""
        return f"{self.file}:{self.line}" if self.file and self.line else None


@dataclass(frozen=True)
class Layout:
    """One layout walked by the probe: an app's own, or a page's."""

    name: str  # "app" for the app's layout, else the page's module
    app: str
    path: str | None = None  # the page's URL path
    file: str | None = None
    error: str | None = None  # the layout function raised or needed arguments
    duplicate_ids: tuple[str, ...] = ()  # canonical id texts seen twice in this layout
    #: Static mode: the parts of this layout the source does not tell (``file:line: why``);
    #: the ids there are unknown, so absence from this layout proves nothing.
    unresolved: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoqaComment:
    """A ``# noqa`` comment in a project file, recorded by the probe for lint to honour."""

    file: str  # relative to Snapshot.root
    line: int
    comment: str  # from ``#`` on, e.g. ``# noqa: DASH072``


@dataclass(frozen=True)
class Snapshot:
    """Everything the analysis needs about one Dash project, with no code of it."""

    target: str
    root: str
    callbacks: tuple[Callback, ...] = ()
    apps: tuple[AppInfo, ...] = ()
    layouts: tuple[Layout, ...] = ()
    components: tuple[Component, ...] = ()
    #: Attributes naming an element by id, in every layout walked (with or without an id).
    references: tuple[IdReference, ...] = ()
    #: Valid properties per component type ("namespace.Type" -> names).
    component_types: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Defaults a component type sets in its JavaScript (published by its package), for the
    #: types of components with an id ("namespace.Type" -> {prop: value}); plain literals only.
    #: A type or prop not here has no default the probe could read (or an older probe made it).
    component_defaults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    dash_version: str = ""
    python_version: str = ""
    created_at: str = ""
    #: ``module.name`` of each lru_cache'd callable in the globals of a callback's module.
    cached_functions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what the probe wants a reader to know
    #: The ``# noqa`` comments of the files callbacks and components come from: lint reads
    #: them here, never from the files (a snapshot is data, whatever paths it names).
    noqa: tuple[NoqaComment, ...] = ()
    #: Made by static mode (``--static``): read from the source, no code of the target ran.
    static: bool = False
    #: Static mode: the registrations the source does not tell (``file:line: why``), left out
    #: of ``callbacks``; when any is here, the callbacks known are not all there are.
    unresolved: tuple[str, ...] = ()
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = plain_data(self)
        data["component_types"] = {k: list(v) for k, v in sorted(self.component_types.items())}
        data["component_defaults"] = {k: dict(v)
                                      for k, v in sorted(self.component_defaults.items())}
        return data

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), indent=indent, sort_keys=False)

    @classmethod
    def from_dict(cls, data: Any, origin: str = "snapshot") -> "Snapshot":
        """The snapshot in ``data`` (parsed JSON) if it keeps the contract: every field of
        its type (an annotation is its rule), finite numbers, bounded nesting, no unknown
        field; SnapshotError with one line naming the first field that breaks it."""
        if not isinstance(data, dict):
            raise SnapshotError(f"{origin}: not a snapshot (expected a JSON object)")
        version = data.get("schema_version")
        if type(version) is not int or version != SCHEMA_VERSION:  # 1.0 and true are not 1
            raise SnapshotError(
                f"{origin}: unsupported schema_version {version!r} (this tool reads "
                f"{SCHEMA_VERSION}); re-create it with this version's --save-snapshot"
            )
        try:
            return _build(cls, data)
        except ContractError as exc:
            raise SnapshotError(f"{origin}: malformed snapshot: {exc}; re-create it with "
                                f"python -m analysis --save-snapshot") from None

    @classmethod
    def from_json(cls, text: str | bytes, origin: str = "snapshot") -> "Snapshot":
        try:
            data = parse_json(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SnapshotError(f"{origin}: not valid JSON ({exc})") from None
        return cls.from_dict(data, origin)


def parse_json(text: str | bytes) -> Any:
    """``json.loads``, through orjson when it is installed (pinned in requirements.txt: it
    reads a 5,000-callback snapshot in half the time). What orjson refuses goes to the
    standard library for a reason a person can act on, and what it would read differently
    (an integer beyond 64 bits inside a component id becomes a float) too. ValueError for
    text that is not JSON: ``NaN`` and ``Infinity`` included, and nesting too deep to read.

    >>> parse_json('{"components": [{"id": {"index": 18446744073709551616}}]}')
    {'components': [{'id': {'index': 18446744073709551616}}]}
    """
    try:
        from orjson import loads
    except ImportError:
        return _strict_loads(text)
    try:
        data = loads(text)
    except ValueError:
        return _strict_loads(text)
    return _strict_loads(text) if _has_lossy_id(data) else data


def _strict_loads(text: str | bytes) -> Any:
    """The standard library's reading, without its extensions (``NaN``, ``Infinity``) and
    with nesting past the recursion limit as a ValueError, not a RecursionError."""
    try:
        return json.loads(text, parse_constant=_not_json)
    except RecursionError:
        raise ValueError("nested too deeply to read; a snapshot nests a few levels") from None


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON; a snapshot holds finite numbers only")


def _has_lossy_id(data: Any) -> bool:
    """True when a dict component id of a snapshot (or a probe's envelope) holds a float
    too large to be exact: orjson's reading of a huge integer. Ids are the only place a
    snapshot carries the app's own numbers."""
    if isinstance(data, dict) and isinstance(data.get("snapshot"), dict):
        data = data["snapshot"]
    if not isinstance(data, dict):
        return False
    ids = [c.get("id") for c in data.get("components") or () if isinstance(c, dict)]
    for callback in data.get("callbacks") or ():
        if isinstance(callback, dict):
            ids += [d.get("id") for key in _DEPENDENCY_FIELDS
                    for d in callback.get(key) or () if isinstance(d, dict)]
    return any(type(value) is float and abs(value) >= 2 ** 53
               for component_id in ids if isinstance(component_id, dict)
               for value in component_id.values())


_DEPENDENCY_FIELDS = {"outputs", "inputs", "states", "progress", "cancel", "running"}
CALLBACK_KINDS = ("server", "clientside")


@cache
def _required_fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls)
                     if f.default is MISSING and f.default_factory is MISSING)


@cache
def _defaults(cls: type) -> dict[str, Any]:
    """Field defaults (every dataclass built by ``_build`` has immutable ones)."""
    return {f.name: f.default for f in fields(cls) if f.default is not MISSING}


def _build(cls: type, data: Any) -> Any:
    """Build a dataclass from a JSON object by the contract's rule of each field
    (``analysis.contract``): types checked, lists made tuples, unknown fields refused.

    Snapshots of large apps hold tens of thousands of these: a field whose JSON type is
    already right and needs no converting costs one set lookup.
    """
    if type(data) is not dict:
        raise ContractError(f"must be an object, not {type_name(data)}")
    field_rules = rules(cls, _build)
    values = dict(data)
    for key, value in data.items():
        rule = field_rules.get(key)
        if rule is None:
            unknown = sorted(set(data).difference(field_rules))
            raise ContractError(f"has unknown field(s) {unknown}")
        allowed, convert = rule
        if type(value) not in allowed:
            raise ContractError(f"must be {describe(allowed)}, not {type_name(value)}",
                                f".{key}")
        if convert is not None and value is not None:
            try:
                values[key] = convert(value)
            except ContractError as exc:
                raise exc.at(f".{key}") from None
    missing = _required_fields(cls).difference(data)
    if missing:
        raise ContractError(f"lacks field(s) {sorted(missing)}")
    if cls is Callback and values.get("kind", "server") not in CALLBACK_KINDS:
        raise ContractError(f"must be one of {list(CALLBACK_KINDS)}, not {values['kind']!r}",
                            ".kind")
    if cls is Snapshot:
        return cls(**values)  # one instance, with default_factory fields: the plain way
    return from_fields(cls, values)


def from_fields(cls: type, values: dict[str, Any]) -> Any:
    """An instance of one of this module's frozen dataclasses (not ``Snapshot``, whose
    fields have factories) from ``values`` that keep its contract: field names only, of
    the right types. The frozen ``__init__`` sets each field through
    ``object.__setattr__``; filling the instance dict directly builds the same object in a
    fifth of the time (a ``Callback``), for snapshots read (``_build``) or built by static
    mode. The object compares, hashes and prints as one built by ``cls(**values)``."""
    obj = object.__new__(cls)
    obj.__dict__.update(_defaults(cls))
    obj.__dict__.update(values)
    return obj


def plain_data(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every leaf value (a snapshot's values
    are JSON data, never mutated), for the 20 MB snapshots a hosted upload may bring.

    >>> plain_data(Dependency("a", "value"))["id"]
    'a'
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list or kind is tuple:
        return kind([plain_data(item) for item in value])
    if kind is dict:
        return {key: plain_data(item) for key, item in value.items()}
    names = _field_names(kind)
    if names is None:
        return value
    return {name: plain_data(getattr(value, name)) for name in names}


_LEAVES = frozenset({str, int, float, bool, type(None)})


@functools.lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), looked up once per class."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def snapshot_id(snapshot: Snapshot) -> str:
    """A short content hash naming a snapshot (same content, same id)."""
    return content_id(dump_json(snapshot.to_dict()))


def content_id(blob: bytes) -> str:
    """The id of a snapshot serialised by ``dump_json`` (see ``snapshot_id``)."""
    import hashlib  # here: OpenSSL's start-up is paid by the runs that hash a snapshot

    return hashlib.sha256(blob).hexdigest()[:16]


def dump_json(data: Any) -> bytes:
    """Compact UTF-8 JSON of plain data (``to_dict``'s): through orjson, ten times the
    standard library's speed on a 20 MB snapshot (0.07 s, not 0.8 s with ``indent``); what
    orjson refuses (an integer beyond 64 bits in a component id) by the standard library.

    >>> dump_json({"id": {"index": 2 ** 70}, "name": "é"})
    b'{"id":{"index":1180591620717411303424},"name":"\\xc3\\xa9"}'
    """
    try:
        from orjson import dumps
    except ImportError:
        dumps = None
    if dumps is not None:
        try:
            return dumps(data)
        except TypeError:  # orjson.JSONEncodeError: a big integer, a non-string key
            pass
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def load_snapshot(path: str | os.PathLike) -> Snapshot:
    """Read a snapshot file; SnapshotError names the file and the problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SnapshotError(f"cannot read snapshot {path}: {exc.strerror or exc}") from None
    return Snapshot.from_json(text, origin=str(path))


def write_atomic(path: str | os.PathLike, text: str | bytes) -> None:
    """Write text (str as UTF-8) to path through a temp file and a rename: readers never
    see half a file."""
    import tempfile  # here: most runs write no file

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode() if isinstance(text, str) else text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_snapshot(snapshot: Snapshot, path: str | os.PathLike) -> None:
    write_atomic(path, snapshot.to_json())

"""What Dash component properties hold: shared tables of prop names the rules reason about."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from analysis.snapshot import AppInfo, Callback, Component, Dependency, is_wildcard

#: Props whose value is a list or a dict on every component that has them (Graph figure and
#: interaction data, DataTable data and selections, Store data, style dicts, option lists).
#: Passing such a value to a ``functools.lru_cache`` function raises ``TypeError: unhashable``.
LIST_OR_DICT_PROPS: frozenset[str] = frozenset(
    {
        # dcc.Graph
        "figure", "clickData", "hoverData", "selectedData", "relayoutData", "restyleData",
        "clickAnnotationData", "extendData", "prependData", "config",
        # dcc.Store / DataTable
        "data", "columns", "active_cell", "selected_cells", "selected_rows",
        "selected_row_ids", "selected_columns", "sort_by", "hidden_columns", "data_previous",
        "derived_virtual_data", "derived_virtual_indices", "derived_virtual_row_ids",
        "derived_virtual_selected_rows", "derived_virtual_selected_row_ids",
        "derived_viewport_data", "derived_viewport_indices", "derived_viewport_row_ids",
        "derived_viewport_selected_rows", "derived_viewport_selected_row_ids",
        "derived_viewport_selected_columns", "derived_filter_query_structure",
        "start_cell", "end_cell", "tooltip_data", "dropdown", "style_data_conditional",
        # generic containers
        "style", "options", "marks",
        # dash-cytoscape
        "elements", "stylesheet", "tapNodeData", "tapEdgeData", "mouseoverNodeData",
        "mouseoverEdgeData", "selectedNodeData", "selectedEdgeData", "tapNode", "tapEdge",
    }
)

#: (component type suffix, prop) pairs whose value is always a list for that type only:
#: a Checklist's ``value`` is a list, a Dropdown's ``value`` only with ``multi=True`` (which
#: the snapshot does not record, so Dropdown is left out).
TYPE_LIST_PROPS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Checklist", "value"),
        ("RangeSlider", "value"),
        ("MultiSelect", "value"),
        ("ChipGroup", "value"),
    }
)


def is_list_or_dict_valued(dependency: Dependency, component_types: tuple[str, ...] = ()) -> bool:
    """True when the value Dash passes for this Input/State is a list or a dict.

    ``component_types`` are the types ("namespace.Type") of the layout components with that id.
    An ``ALL``/``ALLSMALLER`` wildcard makes the value a list whatever the prop.

    >>> is_list_or_dict_valued(Dependency("graph", "figure"))
    True
    >>> is_list_or_dict_valued(Dependency("pick", "value"), ("dash_core_components.Checklist",))
    True
    >>> is_list_or_dict_valued(Dependency("pick", "value"), ("dash_core_components.Dropdown",))
    False
    >>> is_list_or_dict_valued(Dependency({"type": "f", "index": ["ALL"]}, "value"))
    True
    """
    if isinstance(dependency.id, dict) and any(
        is_wildcard(v) and v[0] in ("ALL", "ALLSMALLER") for v in dependency.id.values()
    ):
        return True
    if dependency.property in LIST_OR_DICT_PROPS:
        return True
    return any(
        (type_name.rsplit(".", 1)[-1], dependency.property) in TYPE_LIST_PROPS
        for type_name in component_types
    )


# --- Event-like props and the initial call (DASH010, DASH012, DASH030) ---------------------

#: Properties whose value only counts an event: a click, an Enter key, a blur, a dismissed
#: alert, a confirm dialog's buttons. The value says "it happened" and nothing more, so a
#: callback that reads it cannot tell which of several Inputs fired without ``ctx``.
#: All are ``None`` (or 0) on page load.
COUNTER_PROPS: frozenset[str] = frozenset(
    {
        "n_clicks",  # every html.* component, dbc.Button, ...
        "n_submit",  # dcc.Input / dbc.Input: Enter pressed
        "n_blur",  # dcc.Input / dbc.Input: focus lost
        "n_dismiss",  # dbc dismiss counters
        "submit_n_clicks",  # dcc.ConfirmDialog / ConfirmDialogProvider
        "cancel_n_clicks",
    }
)

#: The ``*_timestamp`` twins of the counters: the legacy way to find which button fired
#: (compare timestamps), so reading one counts as tracking the trigger.
TIMESTAMP_PROPS: frozenset[str] = frozenset(
    {
        "n_clicks_timestamp",
        "n_submit_timestamp",
        "n_blur_timestamp",
        "submit_n_clicks_timestamp",
        "cancel_n_clicks_timestamp",
    }
)

#: Properties set by one user action whose value is that action's data: a clicked point
#: (dcc.Graph), an uploaded file (dcc.Upload), a tapped node or edge (dash-cytoscape); ``None``
#: on page load. Deliberately absent: ``value``-like state, ``hoverData`` / ``selectedData`` /
#: ``relayoutData`` (state the user keeps changing and callbacks read as data),
#: ``n_intervals`` (a timer is meant to run from page load), ``active_cell``.
DATA_EVENT_PROPS: frozenset[str] = frozenset(
    {"clickData", "clickAnnotationData", "contents", "tapNode", "tapNodeData", "tapEdge", "tapEdgeData"}
)

#: "Event-like" as the rule catalog uses the word (DASH010, DASH030): a property that changes
#: only when the user does something and carries nothing useful on page load.
EVENT_PROPS: frozenset[str] = COUNTER_PROPS | TIMESTAMP_PROPS | DATA_EVENT_PROPS


#: The only properties an ``html.*`` component sets by itself: its click counter. Every other
#: one (``children``, ``title``, ``hidden``, ...) changes only when a callback writes it.
HTML_SELF_SET_PROPS: frozenset[str] = frozenset({"n_clicks", "n_clicks_timestamp"})


def set_only_by_callbacks(dependency: Dependency, component_types: tuple[str, ...]) -> bool:
    """True when the components holding the id never change this property on their own:
    ``children``, which a component receives from the layout or a callback, whatever its type
    (known or not: a layout a callback returns); or any property of ``html.*`` components
    (``component_types``, "namespace.Type") but their click counter.

    >>> set_only_by_callbacks(Dependency("title", "children"), ())
    True
    >>> set_only_by_callbacks(Dependency("title", "title"), ("dash_html_components.Div",))
    True
    >>> set_only_by_callbacks(Dependency("go", "n_clicks"), ("dash_html_components.Button",))
    False
    >>> set_only_by_callbacks(Dependency("q", "value"), ("dash_core_components.Input",))
    False
    """
    if dependency.property == "children":
        return True
    return (
        bool(component_types)
        and dependency.property not in HTML_SELF_SET_PROPS
        and all(t.startswith("dash_html_components.") for t in component_types)
    )


def is_event(dependency: Dependency) -> bool:
    """True for a dependency on an event-like property (see EVENT_PROPS).

    >>> is_event(Dependency("save", "n_clicks")), is_event(Dependency("dd", "value"))
    (True, False)
    """
    return dependency.property in EVENT_PROPS


def written_prevent_initial_call(callback: Callback, app: AppInfo | None) -> bool | str:
    """``prevent_initial_call`` as Dash resolves it when the callback is registered.

    Dash (``_callback.insert_callback``) replaces a missing ``prevent_initial_call`` by the
    registering app's ``prevent_initial_callbacks``. ``@dash.callback`` and
    ``dash.clientside_callback`` register without an app (``Callback.app is None``), so the
    app-level setting never applies to them.

    >>> written_prevent_initial_call(Callback(0, "f", app=None), AppInfo("a", prevent_initial_callbacks=True))
    False
    """
    if callback.prevent_initial_call is not None:
        return callback.prevent_initial_call
    if callback.app is not None and app is not None:
        return app.prevent_initial_callbacks
    return False


def runs_on_load(callback: Callback, app: AppInfo | None) -> bool:
    """False only when Dash tells the renderer to skip the initial call.

    The probe records what Dash sends (``prevent_initial_call_effective``), which also covers
    ``config_prevent_initial_callbacks=True`` passed to the decorator (``dash.callback`` pops
    that keyword and uses it when ``prevent_initial_call`` is not given). A snapshot made by
    hand may only state the written value, so the call is prevented when either says so.
    Dash sends ``prevent_initial_call is True``, so ``"initial_duplicate"`` (which only permits
    ``allow_duplicate`` outputs) still runs on load.

    >>> runs_on_load(Callback(0, "f", prevent_initial_call="initial_duplicate"), None)
    True
    >>> runs_on_load(Callback(0, "f", prevent_initial_call_effective=True), None)
    False
    """
    if callback.prevent_initial_call_effective:
        return False
    return written_prevent_initial_call(callback, app) is not True


def prevented_by(callback: Callback, app: AppInfo | None) -> str:
    """The setting that prevents a callback's initial call, as its author wrote it.

    >>> prevented_by(Callback(0, "f", prevent_initial_call_effective=True), None)
    'config_prevent_initial_callbacks=True'
    """
    if callback.prevent_initial_call is True:
        return "prevent_initial_call=True"
    if callback.app is not None:
        # app.callback passes the app's setting as config_prevent_initial_callbacks itself
        return "the app's prevent_initial_callbacks=True"
    return "config_prevent_initial_callbacks=True"


# --- Values on page load (DASH010) -----------------------------------------------------------

#: ``Component.initial``'s stand-in for a value the probe does not keep (always truthy).
OPAQUE_VALUE = "<...>"
#: ``dcc.Store`` storage types whose data the browser restores before the first call.
_BROWSER_STORAGE = frozenset({"local", "session"})


def load_values(dependency: Dependency, components: Iterable[Component]) -> list[Any] | None:
    """What the renderer passes for an Input/State on the first call: one value per layout
    component with its id (the layout's value, ``None`` for a prop the layout does not give).

    None when that is unknown: no such component, a pattern id, a snapshot without initial
    values, or a component whose value the browser may bring back before the first call
    (``persistence``, a ``dcc.Store`` kept in local/session storage, ``dcc.Location``).

    >>> load_values(Dependency("p", "value"), [Component("p", "dcc.Checklist", "app", initial={})])
    [None]
    >>> load_values(Dependency("p", "value"), [Component("p", "dcc.Checklist", "app")]) is None
    True
    """
    if dependency.is_pattern:
        return None
    values = []
    for component in components:
        initial = component.initial
        if initial is None or initial.get("persistence") or component.type.endswith(".Location"):
            return None
        if initial.get("storage_type") in _BROWSER_STORAGE:
            return None
        values.append(initial.get(dependency.property))
    return values or None


def shown_values(dependency: Dependency, components: Iterable[Component],
                 defaults: Mapping[str, Mapping[str, Any]]) -> list[Any] | None:
    """What each layout component with the id shows for a prop before any callback writes
    it: the layout's value, else the default its type sets in JavaScript (``defaults``, the
    snapshot's ``component_defaults``), else ``None``. Unknown (None) as for ``load_values``.

    Not what the renderer passes to a callback: an Input/State the layout leaves out arrives
    as ``None`` (``load_values``), whatever the component draws.

    >>> toast = Component("t", "dbc.Toast", "app", initial={})
    >>> shown_values(Dependency("t", "is_open"), [toast], {"dbc.Toast": {"is_open": True}})
    [True]
    """
    components = list(components)
    if load_values(dependency, components) is None:
        return None
    prop = dependency.property
    return [c.initial[prop] if prop in c.initial else defaults.get(c.type, {}).get(prop)
            for c in components]


def is_hidden(component: Component) -> bool:
    """True when the layout hides the component from the user: ``hidden=True`` or a style
    with ``display: none``. Clicks on such a button come from code (a clientside callback,
    JavaScript), not from the user.

    >>> is_hidden(Component("sync", "html.Button", "app", initial={"style": {"display": "none"}}))
    True
    >>> is_hidden(Component("go", "html.Button", "app", initial={"n_clicks": 0}))
    False
    """
    initial = component.initial or {}
    style = initial.get("style")
    return initial.get("hidden") is True or (
        isinstance(style, dict) and str(style.get("display", "")).strip().lower() == "none"
    )


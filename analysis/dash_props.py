"""What Dash component properties hold: shared tables of prop names the rules reason about."""

from __future__ import annotations

from analysis.snapshot import Dependency, is_wildcard

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

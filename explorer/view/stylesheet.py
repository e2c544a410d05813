"""The graph's cytoscape stylesheet: node kinds, edge kinds, severities, selection, matches."""

from __future__ import annotations

import json

SEVERITY_COLOURS = {"error": "#dc3545", "warning": "#fd7e14", "info": "#0aa2c0"}

#: A node's finding marker: its severity's border. Layers drawn over the base rules (the
#: runtime overlay) repeat these after their own, so that no finding is hidden by them.
SEVERITY_MARKERS: tuple[dict, ...] = tuple(
    {"selector": f"node.{severity}", "style": {"border-color": colour, "border-width": 3}}
    for severity, colour in SEVERITY_COLOURS.items()
)

BASE: tuple[dict, ...] = (
    {"selector": "node", "style": {
        "label": "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 140,
        "text-valign": "center", "color": "#212529"}},
    {"selector": ".component", "style": {
        "shape": "round-rectangle", "background-color": "#f1f3f5", "border-color": "#adb5bd",
        "border-width": 1, "text-valign": "top", "text-halign": "center",
        "font-weight": "bold", "padding": 8}},
    {"selector": ".component.collapsed", "style": {
        "text-valign": "center", "width": "label", "height": "label", "padding": 6}},
    {"selector": ".property", "style": {
        "shape": "round-rectangle", "background-color": "#ffffff", "border-color": "#6c757d",
        "border-width": 1, "width": "label", "height": 18, "padding": 4, "font-size": 11}},
    {"selector": ".callback", "style": {
        "shape": "round-rectangle", "background-color": "#cfe2ff", "border-color": "#0d6efd",
        "border-width": 2, "width": "label", "height": 26, "padding": 6}},
    {"selector": ".clientside", "style": {"background-color": "#fff3cd", "border-color": "#997404",
                                          "shape": "round-hexagon"}},
    {"selector": ".background", "style": {"background-color": "#e0cffc", "border-color": "#6f42c1",
                                          "border-style": "double", "border-width": 4}},
    {"selector": ".async", "style": {"background-color": "#d1e7dd", "border-color": "#198754",
                                     "shape": "round-octagon"}},
    {"selector": ".group", "style": {
        "shape": "round-rectangle", "background-color": "#e9ecef", "border-color": "#495057",
        "border-width": 2, "width": "label", "height": "label", "padding": 12}},
    {"selector": ".cluster", "style": {
        "shape": "round-rectangle", "background-color": "#f8f9fa", "border-color": "#6c757d",
        "border-width": 2, "border-style": "dashed", "width": "label", "height": "label",
        "padding": 8, "font-size": 11}},
    {"selector": "edge", "style": {
        "curve-style": "bezier", "width": 1.5, "line-color": "#6c757d",
        "target-arrow-color": "#6c757d", "arrow-scale": 0.9}},
    {"selector": ".input", "style": {"line-style": "solid", "target-arrow-shape": "none"}},
    {"selector": ".state", "style": {"line-style": "dashed", "target-arrow-shape": "none",
                                     "line-color": "#adb5bd"}},
    {"selector": ".output", "style": {"target-arrow-shape": "triangle"}},
    {"selector": ".set_props", "style": {"line-style": "dotted", "width": 2,
                                         "target-arrow-shape": "triangle"}},
    {"selector": ".match", "style": {"line-style": "dotted", "line-color": "#ced4da"}},
    {"selector": ".flow", "style": {"label": "data(label)", "target-arrow-shape": "triangle",
                                    "font-size": 11}},
) + tuple(
    {"selector": f"edge.{severity}", "style": {
        "line-color": colour, "target-arrow-color": colour, "width": 2.5}}
    for severity, colour in SEVERITY_COLOURS.items()
) + SEVERITY_MARKERS

#: Compare view (explorer/view/compare.py): added green, removed ghosted red (faint, dashed),
#: changed amber. After the severities, so an edge's change shows over its finding's colour;
#: a node keeps its severity's border, its fill (here, and in the legend) says the change.
CHANGE_FILLS = {"added": "#9fdfb4", "removed": "#f8d7da", "changed": "#ffcd39"}
COMPARE: tuple[dict, ...] = (
    {"selector": "node.diff-added", "style": {"background-color": CHANGE_FILLS["added"]}},
    {"selector": "node.diff-changed", "style": {"background-color": CHANGE_FILLS["changed"]}},
    {"selector": "node.diff-removed", "style": {"background-color": CHANGE_FILLS["removed"],
                                                "opacity": 0.45,
                                                "border-style": "dashed"}},
    {"selector": "edge.diff-added", "style": {"line-color": "#198754",
                                              "target-arrow-color": "#198754", "width": 2.5}},
    {"selector": "edge.diff-removed", "style": {"line-color": "#dc3545",
                                                "target-arrow-color": "#dc3545",
                                                "line-style": "dashed", "opacity": 0.45}},
)
BASE += COMPARE


#: The smallest label on screen a reader can read without zooming (CSS px), and the smallest
#: font the stylesheet draws: the zoom where every label is legible is their ratio.
LEGIBLE_PX = 11
SMALLEST_FONT = min(rule["style"]["font-size"] for rule in BASE if "font-size" in rule["style"])
LEGIBLE_ZOOM = LEGIBLE_PX / SMALLEST_FONT
#: Closest zoom a framing goes to (a lone node is not blown up to fill the canvas).
CLOSEST_FRAME = 1.2
#: Room left around what is framed (CSS px).
FRAME_PADDING = 40
#: The framing's limits as data attributes of the graph's canvas, read by assets/viewport.js
#: (1% over the legible zoom: rounding must not put a label at 10.99 px).
FRAMING_DATA = {"data-legible-zoom": round(LEGIBLE_ZOOM * 1.01, 4),
                "data-closest-zoom": CLOSEST_FRAME, "data-frame-padding": FRAME_PADDING}

MATCH_STYLE = {"background-color": "#fff59d"}
SELECTED_STYLE = {"overlay-color": "#0d6efd", "overlay-opacity": 0.25, "border-width": 4,
                  "border-color": "#0d6efd"}


#: The base stylesheet plus the runtime overlay (``--live``: rules from the server), the
#: search matches and the selection, composed in the browser: highlighting is pure
#: presentation, so selecting costs no request. The rules are the Python constants above,
#: serialised once (one source for both).
HIGHLIGHT_JS = """
function(selection, matches, live) {
    const rules = %s.concat(live || []);
    const rule = (ids, style) => ({selector: ids.map((id) => "#" + id).join(", "), style});
    if (matches && matches.length) { rules.push(rule(matches, %s)); }
    const selected = (selection && selection.elements) || [];
    if (selected.length) { rules.push(rule(selected, %s)); }
    return rules;
}
""" % (json.dumps(list(BASE)), json.dumps(MATCH_STYLE), json.dumps(SELECTED_STYLE))

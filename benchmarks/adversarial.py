"""Snapshots built directly (no probe) at any size: adversarial shapes for the scaling benchmark.

Each builder takes N and returns a valid ``Snapshot`` of about N callbacks whose shape pushes
one kind of work to its worst: thousands of ``set_props`` targets missing from the layouts,
one Output written by every callback, one id repeated N times, an ALL/MATCH fan-out over N
components, one chain N callbacks deep (and closed into one loop), and a realistic dashboard
(chains of ten callbacks with real source, a layout, ``set_props`` and pattern ids mixed in)
that ``realistic_of_size`` grows to a given JSON size for the upload benchmark.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from analysis.snapshot import AppInfo, Callback, Component, Dependency, Layout, Snapshot

APP = "app:app"
ALL, MATCH = ["ALL"], ["MATCH"]
TYPES = {
    "dash_html_components.Div": ("id", "children", "style", "n_clicks", "className"),
    "dash_html_components.Button": ("id", "children", "n_clicks"),
    "dash_core_components.Store": ("id", "data"),
    "dash_core_components.Dropdown": ("id", "options", "value"),
    "dash_core_components.Graph": ("id", "figure", "clickData"),
}
DIV, BUTTON, STORE = "dash_html_components.Div", "dash_html_components.Button", \
    "dash_core_components.Store"


def _snapshot(callbacks: list[Callback], components: list[Component],
              duplicate_ids: tuple[str, ...] = (), suppress: bool = False) -> Snapshot:
    app = AppInfo(APP, primary=True, suppress_callback_exceptions=suppress)
    return Snapshot(target="app.py", root=".", callbacks=tuple(callbacks), apps=(app,),
                    layouts=(Layout("app", APP, duplicate_ids=duplicate_ids),),
                    components=tuple(components), component_types=TYPES)


def _server(index: int, body: str, inputs=(), outputs=(), states=(), **fields) -> Callback:
    name = f"cb{index}"
    args = ", ".join(f"a{i}" for i in range(len(inputs) + len(states))) or "*args"
    source = f"@callback()\ndef {name}({args}):\n{body}"
    return Callback(index=index, function=f"app.{name}", module="app", file="app.py",
                    line=10 * index + 1, def_line=10 * index + 2, source=source,
                    inputs=tuple(inputs), outputs=tuple(outputs), states=tuple(states),
                    arg_grouping=list(range(len(inputs) + len(states))), **fields)


def set_props_missing(n: int) -> Snapshot:
    """N callbacks, each ``set_props`` on its own id that no layout has (the issue's DASH051
    case), beside a layout of N buttons that fire them."""
    callbacks = [
        _server(i, f"    set_props('ghost-{i}', {{'children': a0}})\n",
                inputs=[Dependency(f"b{i}", "n_clicks")], no_output=True,
                prevent_initial_call=True, prevent_initial_call_effective=True)
        for i in range(n)
    ]
    components = [Component(f"b{i}", BUTTON, "app") for i in range(n)]
    return _snapshot(callbacks, components)


def one_output_many_writers(n: int) -> Snapshot:
    """Half the callbacks declare one plain Output, the other half ``set_props`` it, all
    fired by one button: every pair is a duplicate Output or a race."""
    half = n // 2
    target, click = Dependency("status", "children"), Dependency("go", "n_clicks")
    callbacks = [_server(i, "    return a0\n", inputs=[click], outputs=[target])
                 for i in range(half)]
    callbacks += [_server(i, "    set_props('status', {'children': a0})\n", inputs=[click],
                          no_output=True) for i in range(half, n)]
    return _snapshot(callbacks, [Component("status", DIV, "app"), Component("go", BUTTON, "app")])


def duplicate_ids(n: int) -> Snapshot:
    """One id on N components of one layout, and N callbacks that read and write it."""
    components = [Component("twin", DIV, "app", file="app.py", line=i + 1) for i in range(n)]
    components += [Component(f"twin-{i}", DIV, "app") for i in range(n)]
    callbacks = [_server(i, "    return a0\n", inputs=[Dependency("twin", "n_clicks")],
                         outputs=[Dependency(f"twin-{i}", "children")]) for i in range(n)]
    return _snapshot(callbacks, components, duplicate_ids=("twin",))


def pattern_fanout(n: int) -> Snapshot:
    """N components ``{"type": "item", "index": i}``; N callbacks each read the ALL of them
    and write a MATCH one (or a concrete one): every written id overlaps every read one."""
    components = [Component({"type": "item", "index": i}, DIV, "app") for i in range(n)]
    callbacks = []
    for i in range(n):
        written = {"type": "item", "index": MATCH if i % 2 else i}
        callbacks.append(_server(
            i, "    return a0\n",
            inputs=[Dependency({"type": "item", "index": ALL if i % 2 else i}, "n_clicks")],
            outputs=[Dependency(written, "children", allow_duplicate=bool(i % 3))],
            prevent_initial_call=True, prevent_initial_call_effective=True))
    return _snapshot(callbacks, components)


def deep_chain(n: int) -> Snapshot:
    """One chain N callbacks deep, its last callback feeding the first: one loop of N."""
    components = [Component(f"p{i}", STORE, "app") for i in range(n)]
    callbacks = [_server(i, "    return a0\n", inputs=[Dependency(f"p{i}", "data")],
                         outputs=[Dependency(f"p{(i + 1) % n}", "data", allow_duplicate=True)],
                         prevent_initial_call=True, prevent_initial_call_effective=True)
                 for i in range(n)]
    return _snapshot(callbacks, components)


_REALISTIC_BODY = '''    """Step {step} of chain {chain}: derive the view from the previous step."""
    if value is None:
        value = limit
    rows = [row for row in (value or []) if row]
    if not rows:
        set_props("c{chain}-note", {{"children": "no rows for chain {chain}"}})
    summary = {{"chain": {chain}, "step": {step}, "count": len(rows), "limit": limit}}
    return summary
'''


def realistic(n: int) -> Snapshot:
    """A dashboard of N callbacks in chains of ten (as benchmarks/generate_app.py writes),
    each with real source; one in five writes a note through ``set_props``, one chain in
    ten ends in a pattern-matching list."""
    callbacks, components = [], []
    for index in range(n):
        chain, step = divmod(index, 10)
        if step == 0:
            components += [Component(f"c{chain}-filter", "dash_core_components.Dropdown", "app",
                                     file="app.py", line=index + 1, initial={"value": "a"}),
                           Component(f"c{chain}-limit", STORE, "app", file="app.py",
                                     line=index + 2),
                           Component(f"c{chain}-note", DIV, "app", file="app.py", line=index + 3)]
        source = (Dependency(f"c{chain}-filter", "value") if step == 0
                  else Dependency(f"c{chain}-s{step - 1}", "data"))
        if chain % 10 == 9 and step == 9:
            target = Dependency({"type": f"c{chain}-item", "index": MATCH}, "children")
            source = Dependency({"type": f"c{chain}-item", "index": MATCH}, "n_clicks")
        else:
            target = Dependency(f"c{chain}-s{step}", "data")
            components.append(Component(f"c{chain}-s{step}", STORE, "app", file="app.py",
                                        line=index + 4))
        body = _REALISTIC_BODY.format(chain=chain, step=step)
        if step % 5:
            body = body.replace("        set_props(", "        print(")
        cb = _server(index, body, inputs=[source], states=[Dependency(f"c{chain}-limit", "data")],
                     outputs=[target])
        source_text = cb.source.replace("(a0, a1)", "(value, limit)")
        callbacks.append(replace(cb, source=source_text,
                                 function=f"app.chain{chain}_step{step}"))
    return _snapshot(callbacks, components)


def realistic_of_size(max_bytes: int) -> Snapshot:
    """The largest ``realistic`` snapshot (a multiple of ten callbacks) whose JSON stays
    under ``max_bytes``: the largest upload a server with that limit accepts."""
    per_callback = len(realistic(100).to_json().encode()) / 100
    n = int(max_bytes / per_callback) // 10 * 10
    while len(realistic(n).to_json().encode()) > max_bytes:
        n -= 10 * max(1, n // 1000)
    return realistic(n)


#: The scaling benchmark's shapes, by name.
SHAPES: dict[str, Callable[[int], Snapshot]] = {
    "set_props targets missing from layouts": set_props_missing,
    "one output, N writers": one_output_many_writers,
    "one id N times": duplicate_ids,
    "ALL/MATCH fan-out": pattern_fanout,
    "one chain N deep, closed": deep_chain,
    "realistic": realistic,
}

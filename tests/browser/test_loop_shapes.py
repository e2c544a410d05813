"""What Dash's renderer does with each shape of callback loop (issue 11, evidence for DASH040).

Each app under ``loop_apps/`` is one loop shape; its callbacks count their calls in the
module's ``CALLS`` (server side, same process as ``dash_duo``'s threaded server) and stop
themselves after ``CAP`` calls, so a loop that would re-fire for ever is cut and the test stays
bounded. Every app runs with dev tools on (``debug=True``): the renderer's load-time
circularity check reports "Circular Dependencies" into the redux error state and the dev-tools
error count.

The expectations below are what Dash 4.4.1 does; they are asserted exactly so that a Dash
upgrade that changes the behaviour fails here. ``docs/loops.md`` is the write-up.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import dash
import pytest

APPS = Path(__file__).parent / "loop_apps"
SCAFFOLD = "loop_scaffold"  #: what the apps share (app, counter, CAP): not a shape
_load_number = itertools.count()

#: The redux error state: what the dev-tools overlay lists.
ERRORS_JS = """
var e = window.store.getState().error;
return {front: e.frontEnd.map(x => x.error.message), back: e.backEnd.map(x => x.error.message)};
"""
#: Callbacks the renderer still has requested, waiting or running.
PENDING_JS = """
var c = window.store.getState().callbacks;
return ['requested', 'prioritized', 'blocked', 'executing', 'watched', 'executed']
    .reduce((n, k) => n + (c[k] ? c[k].length : 0), 0);
"""
CIRCULAR = "Circular Dependencies"
CAP = 10  #: every loop app's callbacks raise PreventUpdate after CAP calls


@dataclass(frozen=True)
class Shape:
    """One loop shape and what Dash 4.4.1 was observed to do with it."""

    app: str                       #: module under loop_apps/
    refused_at_load: bool          #: "Circular Dependencies" reported when the page loads
    one_click: dict                #: server-side calls after ONE click on ``button`` (a set:
    two_clicks: dict               #: any of these) ... and after a second click (cumulative)
    values: dict                   #: text of ``values``' elements after the two clicks
    button: str = "#go"


def pattern(type_: str, index: int) -> str:
    """CSS selector of a pattern-matching id (the renderer writes its keys sorted)."""
    return f"[id='{{\"index\":{index},\"type\":\"{type_}\"}}']"


def load_app(name: str) -> ModuleType:
    """A fresh copy of loop_apps/<name>.py (its own Dash app and call counter); its folder
    goes on sys.path, as for ``python <name>.py``, so that it finds the scaffold."""
    if str(APPS) not in sys.path:
        sys.path.insert(0, str(APPS))
    spec = importlib.util.spec_from_file_location(f"loop_app_{name}_{next(_load_number)}",
                                                  APPS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # Dash(__name__) looks its module up
    spec.loader.exec_module(module)
    return module


def settle(dash_duo, module: ModuleType, quiet: float = 0.75, limit: float = 6.0) -> dict:
    """The call counts once nothing is pending in the renderer and the counts have not moved
    for ``quiet`` seconds (at most ``limit`` seconds: a loop cut at CAP settles well before)."""
    start = changed = time.monotonic()
    seen = dict(module.CALLS)
    while time.monotonic() - start < limit:
        time.sleep(0.05)
        now = dict(module.CALLS)
        if now != seen:
            seen, changed = now, time.monotonic()
        elif (time.monotonic() - changed >= quiet
              and dash_duo.driver.execute_script(PENDING_JS) == 0):
            return seen
    raise AssertionError(f"still running after {limit}s: {seen}")


SHAPES = [
    # (a) A -> B -> A through plain Outputs.
    Shape("plain_loop", True, {"forward": 1, "back": 1}, {"forward": 2, "back": 2},
          {"#a": "4", "#b": "3"}),
    # (b) The same ring closed by an allow_duplicate Output.
    Shape("allow_duplicate_loop", False, {"forward": 1, "back": 1}, {"forward": 2, "back": 2},
          {"#a": "4", "#b": "3"}),
    # (c) Configurator, Input variant: 3 callbacks read store.data as Input and write it back
    # (allow_duplicate). The clicked one runs once; each other one runs once or twice (once
    # per chain of predecessors that reaches it, fewer when the renderer merges a request
    # with one still queued: timing decides), then the ring stops. The stored list after a
    # click depends on which response lands last: not asserted.
    Shape("configurator_input", False, {"set0": 1, "set1": {1, 2}, "set2": {1, 2}},
          {"set0": 2, "set1": {2, 3, 4}, "set2": {2, 3, 4}}, {}, button="#btn0"),
    # (c) Configurator, State variant: no ring at all.
    Shape("configurator_state", False, {"set0": 1}, {"set0": 2}, {"#shown": "0 0"},
          button="#btn0"),
    # (d) A -> B -> A where A reads the closing property as State: no ring.
    Shape("state_closed_loop", False, {"forward": 1, "back": 1}, {"forward": 2, "back": 2},
          {"#a": "4", "#b": "3"}),
    # (e) MATCH ring cell -> mirror -> cell (click row 0).
    Shape("match_loop", True, {"to_mirror": 1, "to_cell": 1}, {"to_mirror": 2, "to_cell": 2},
          {pattern("cell", 0): "4", pattern("mirror", 0): "3",
           pattern("cell", 1): "0", pattern("mirror", 1): "0"},
          button=pattern("go", 0)),
    # (e) ALL ring: every cell -> total -> every cell.
    Shape("all_loop", True, {"total": 1, "spread": 1}, {"total": 2, "spread": 2},
          {"#total": "3", pattern("cell", 0): "3", pattern("cell", 1): "3"}),
    # (f) The plain ring of (a) with a no_update guard in back.
    Shape("guarded_loop", True, {"forward": 1, "back": 1}, {"forward": 2, "back": 2},
          {"#a": "2", "#b": "3"}),
    # (f) Configurator with the usual ctx.triggered_id guard (PreventUpdate).
    Shape("configurator_guarded", False, {"set0": 1, "set1": 1, "set2": 1},
          {"set0": 2, "set1": 2, "set2": 2}, {"#shown": "0 0"}, button="#btn0"),
    # (g) One callback whose Output is its own Input.
    Shape("self_loop", False, {"bump": 1}, {"bump": 2}, {"#a": "2"}),
    # (h) The ring of (a) closed by set_props instead of an Output: not seen at load, and it
    # re-fires until the apps' CAP stops it (forward's 11th call raises PreventUpdate). The
    # second click only reaches forward, already past CAP.
    Shape("set_props_loop", False, {"forward": CAP + 1, "back": CAP},
          {"forward": CAP + 2, "back": CAP}, {"#a": str(2 * CAP), "#b": str(2 * CAP - 1)}),
]


def observe(dash_duo, shape: Shape) -> dict:
    """What the renderer does with ``shape``'s app: load errors, calls per click, values."""
    module = load_app(shape.app)
    dash_duo.start_server(module.app, debug=True, dev_tools_ui=True,
                          dev_tools_hot_reload=False, use_reloader=False)
    dash_duo.wait_for_element(shape.button)
    observed = {"at_load": settle(dash_duo, module)}
    errors = dash_duo.driver.execute_script(ERRORS_JS)
    observed["refused_at_load"] = CIRCULAR in errors["back"]
    observed["other_errors"] = [e for e in errors["back"] + errors["front"] if e != CIRCULAR]
    dash_duo.find_element(shape.button).click()
    observed["one_click"] = settle(dash_duo, module)
    dash_duo.find_element(shape.button).click()
    observed["two_clicks"] = settle(dash_duo, module)
    observed["values"] = {sel: dash_duo.find_element(sel).text for sel in shape.values}
    observed["console_errors"] = bool(dash_duo.get_logs())  # the renderer logs the refusal
    return observed


def allowing(observed: dict, expected: dict) -> dict:
    """``observed`` with each count that ``expected`` allows as one of a set replaced by that
    set, so that one == compares (and pytest shows) the whole observation."""
    return {k: expected[k] if isinstance(expected.get(k), set) and v in expected[k] else v
            for k, v in observed.items()}


def test_dash_version_is_the_one_recorded() -> None:
    # The expectations are Dash 4.4.1's; on an upgrade, re-run this file and re-record them.
    assert dash.__version__ == "4.4.1"


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.app)
def test_loop_shape(dash_duo, shape: Shape) -> None:
    expected = {
        "at_load": {}, "refused_at_load": shape.refused_at_load, "other_errors": [],
        "one_click": shape.one_click, "two_clicks": shape.two_clicks, "values": shape.values,
        "console_errors": shape.refused_at_load,
    }
    observed = observe(dash_duo, shape)
    for clicks in ("one_click", "two_clicks"):
        observed[clicks] = allowing(observed[clicks], expected[clicks])
    assert observed == expected


def test_every_loop_app_is_a_shape() -> None:
    assert sorted(s.app for s in SHAPES) == sorted(p.stem for p in APPS.glob("*.py")
                                                   if p.stem != SCAFFOLD)
    for shape in SHAPES:
        assert load_app(shape.app).CAP == CAP

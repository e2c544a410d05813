"""Static mode on small projects: what it reads, what it leaves unresolved, and that rules stay
silent there; its snapshots keep the contract and older snapshots still load."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

from analysis.cli import main
from analysis.lint import lint
from analysis.snapshot import Snapshot
from analysis.static.build import static_snapshot


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder / next(iter(files))


def codes(snapshot: Snapshot) -> list[str]:
    return sorted(f.code for f in lint(snapshot))


def test_reads_constants_imports_fstrings_loops_and_patterns_without_running_code(tmp_path):
    app = write(tmp_path, {
        "app.py": """
            import sys
            import missing_dependency_nobody_installed  # static mode never imports it
            from dash import ALL, MATCH, Dash, Input, Output, State, callback, html
            from ids import SEARCH, Ids
            sys.exit("importing this app fails")
            PREFIX = "out"
            app = Dash(__name__)
            app.layout = html.Div([html.Div(id=f"{PREFIX}-a"), html.Div(id="out-b"),
                                   html.Div(id=SEARCH), html.Div(id=Ids.RESULT)])
            for name in ["a", "b"]:
                @app.callback(Output(f"{PREFIX}-{name}", "children"), Input(SEARCH, "value"))
                def show(value):
                    return value

            @callback(output=Output({"type": "row", "index": MATCH}, "children"),
                      inputs=dict(value=Input({"type": "cell", "index": MATCH}, "value")),
                      state=dict(rows=State({"type": "cell", "index": ALL}, "value")))
            def row(value, rows):
                return value
        """,
        "ids.py": """
            SEARCH = "search"
            class Ids:
                RESULT = "result"
        """,
    })
    snapshot = static_snapshot(str(app))
    assert snapshot.static and snapshot.unresolved == ()
    outputs = [d.id for cb in snapshot.callbacks for d in cb.outputs]
    assert outputs == ["out-a", "out-b", {"type": "row", "index": ["MATCH"]}]
    assert [d.id for d in snapshot.callbacks[0].inputs] == ["search"]
    assert snapshot.callbacks[0].app == "app:app" and snapshot.callbacks[2].app is None
    assert snapshot.callbacks[2].arg_grouping == {"rows": 1, "value": 0}
    assert {c.id for c in snapshot.components} == {"out-a", "out-b", "search", "result"}


def test_a_computed_id_is_unresolved_and_the_layout_rules_stay_silent(tmp_path):
    app = write(tmp_path, {"app.py": """
        from dash import Dash, Input, Output, html
        from helpers import make_panel
        app = Dash(__name__)
        app.layout = html.Div([html.Button(id="go"), make_panel(load_names())])

        @app.callback(Output("panel-title", "children"), Input("go", "n_clicks"),
                      prevent_initial_call=True)
        def title(n):
            return "hello"

        @app.callback(Output(compute_id(), "children"), Input("go", "n_clicks"))
        def computed(n):
            return "x"
    """, "helpers.py": "def make_panel(names):\n    return names\n"})
    snapshot = static_snapshot(str(app))
    assert [cb.function for cb in snapshot.callbacks] == ["app.title"]
    assert len(snapshot.unresolved) == 1 and "app.py:12" in snapshot.unresolved[0]
    assert snapshot.layouts[0].unresolved  # the panel's ids are unknown
    assert "DASH070" not in codes(snapshot)  # "panel-title" may well be in the panel
    complete = static_snapshot(str(write(tmp_path / "b", {"app.py": """
        from dash import Dash, Input, Output, html
        app = Dash(__name__)
        app.layout = html.Div([html.Button(id="go")])

        @app.callback(Output("panel-title", "children"), Input("go", "n_clicks"),
                      prevent_initial_call=True)
        def title(n):
            return "hello"
    """})))
    assert codes(complete) == ["DASH070"]  # a literal layout without the id: a real miss


def test_static_snapshots_keep_the_contract_and_import_snapshots_still_load(tmp_path):
    app = write(tmp_path, {"app.py": """
        from dash import Dash, Input, Output, html
        app = Dash(__name__)
        app.layout = html.Div([html.Button(id="go"), html.Div(id="out"), *extra])

        @app.callback(Output("out", "children"), Input("go", "n_clicks"))
        def show(n):
            return n
    """})
    snapshot = static_snapshot(str(app))
    again = Snapshot.from_json(snapshot.to_json())
    assert again == snapshot and again.layouts[0].unresolved == snapshot.layouts[0].unresolved
    older = json.loads(snapshot.to_json())  # as import mode and earlier versions write it
    for key in ("static", "unresolved"):
        del older[key]
    for layout in older["layouts"]:
        del layout["unresolved"]
    loaded = Snapshot.from_dict(older)
    assert not loaded.static and loaded.unresolved == () and loaded.layouts[0].unresolved == ()


def test_the_cli_says_on_its_first_line_that_it_ran_statically(tmp_path):
    app = write(tmp_path, {"app.py": """
        raise RuntimeError("this app cannot be imported here")
        from dash import Dash, Input, Output, html
        app = Dash(__name__)
        app.layout = html.Div([html.Button(id="go"), html.Div(id="out")])

        @app.callback(Output("out", "children"), Input("go", "n_clicks"))
        def show(n):
            return "clicked"
    """})
    out, err = io.StringIO(), io.StringIO()
    assert main([str(app), "--static", "--select", "DASH010"], out, err) == 1  # opt-in
    first, *rest = out.getvalue().splitlines()
    assert first.startswith("Static mode: read from source, no code run (0 parts unresolved")
    assert "DASH010" in rest[0]
    assert main([str(app), "--static", "--python", "python3"], out, err) == 2


def test_lint_reads_the_functions_static_mode_parsed_and_walks_none_it_need_not(tmp_path):
    from analysis.context import LintContext
    from analysis.source.prefetch import ParsedSources

    app = write(tmp_path, {
        "app.py": """
            from dash import Dash, Input, Output, html
            app = Dash(__name__)
            app.layout = html.Div([html.Button(id="go"), html.Div(id="out"),
                                   html.Div(id="out2")])

            @app.callback(Output("out", "children"), Input("go", "n_clicks"))
            def shown(n):
                return f"Clicked {n} times."

            @app.callback(Output("out2", "children"), Input("out", "children"))
            def copied(text):
                if text is None:
                    return ""
                return text
        """,
    })
    sources = ParsedSources()
    snapshot = static_snapshot(str(app), sources)
    (parsed,) = sources.files.values()
    assert sorted(f.name for f in parsed.functions.values()) == ["copied", "shown"]
    context = LintContext(snapshot, sources)
    assert [context.function(cb) for cb in snapshot.callbacks] == [
        parsed.functions[cb.line] for cb in snapshot.callbacks]  # the same nodes: no reparse
    assert [f.code for f in lint(snapshot, sources=sources, context=context)] == ["DASH011"]
    # `copied` has no Input that is None on load: no rule walked its body node by node
    shown, copied = (parsed.functions[cb.line] for cb in snapshot.callbacks)
    assert "_memo__walks" in shown.__dict__ and "_memo__walks" not in copied.__dict__


def test_own_statements_are_the_statements_body_nodes_meets_in_its_order():
    import ast

    from analysis.source.python import body_nodes, own_statements
    from paths import APPS, REPO

    compared = 0
    for path in [*APPS.rglob("*.py"), *(REPO / "examples").rglob("*.py"),
                 *(REPO / "analysis").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert list(own_statements(node)) == [
                    n for n in body_nodes(node) if isinstance(n, ast.stmt)], (path, node.lineno)
                compared += 1
    assert compared > 500


def test_a_form_feed_line_leaves_later_callbacks_as_ast_numbers_them(tmp_path):
    """Static mode cuts each callback's source out of the file by ``ast``'s line numbers: a
    form feed (a page break in older code) is no line break there, as it is for
    ``str.splitlines``, which shifted every later callback's recorded source by a line, and
    lint then parsed that wrong text again instead of taking the file's own node."""
    from analysis.context import LintContext
    from analysis.source.prefetch import ParsedSources

    text = """
        from dash import Dash, Input, Output, html
        app = Dash(__name__)
        app.layout = html.Div([html.Button(id="go"), html.Div(id="out"),
                               html.Div(id="out2")])

        @app.callback(Output("out", "children"), Input("go", "value"))
        def first(value):
            return value
        PAGE_BREAK
        @app.callback(Output("out2", "children"), Input("go", "n_clicks"))
        def shown(n):
            return f"Clicked {n} times."
    """
    plain = write(tmp_path / "plain", {"app.py": text.replace("PAGE_BREAK", "")})
    paged = write(tmp_path / "paged", {"app.py": text.replace("PAGE_BREAK", "\f")})
    assert "\n\f\n" in paged.read_text(encoding="utf-8")
    expected = static_snapshot(str(plain))
    sources = ParsedSources()
    snapshot = static_snapshot(str(paged), sources)
    assert [cb.source for cb in snapshot.callbacks] == [cb.source for cb in expected.callbacks]
    assert snapshot.callbacks[1].source.startswith('@app.callback(Output("out2"')
    (parsed,) = sources.files.values()
    context = LintContext(snapshot, sources)
    assert [context.function(cb) for cb in snapshot.callbacks] == [
        parsed.functions[cb.line] for cb in snapshot.callbacks]  # the file's nodes: no reparse
    findings = lint(snapshot, sources=sources, context=context)
    assert [(f.code, f.line) for f in findings] == [(f.code, f.line) for f in lint(expected)]
    assert [f.code for f in findings] == ["DASH011"]


def test_callbacks_registered_inside_functions_are_read():
    """Function bodies are walked for registrations only when their text names a callback;
    a nested def's decorator stands on lines after the outer def's, and counts."""
    from paths import TARGETS

    snapshot = static_snapshot(str(TARGETS / "source_shapes" / "app.py"))
    assert [cb.function.rsplit(".", 1)[-1] for cb in snapshot.callbacks] == [
        "ends_with_a_string", "ends_with_a_comment", "ends_with_a_nested_function",
        "inside_a_factory"]
    assert snapshot.callbacks[-1].function == "app.make_callback.<locals>.inside_a_factory"

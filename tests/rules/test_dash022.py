"""DASH022 multi-output-returns-none: None from a callback with several Outputs, which Dash
rejects (its exemptions are DASH020's, tested in test_dash020.py)."""

from __future__ import annotations

import pytest
from dash import Dash, Input, Output, html

from snapshot_factory import lint_codes, reported_names, server, snapshot

PLOT = """
def plot(country):
    if country:
        return country, country
"""


def post(app: Dash, outputs: list[tuple[str, str]], trigger: tuple[str, str]):
    """One callback request as the renderer sends it, through the app's own server."""
    client = app.server.test_client()
    client.get("/")
    # a multi-output callback's key, as the renderer spells it: "..a.children...b.children.."
    body = {"output": "..{}..".format("...".join(f"{i}.{p}" for i, p in outputs)),
            "outputs": [{"id": i, "property": p} for i, p in outputs],
            "inputs": [{"id": trigger[0], "property": trigger[1], "value": None}],
            "changedPropIds": [".".join(trigger)]}
    return client.post("/_dash-update-component", json=body)


@pytest.mark.parametrize("outputs", [
    [Output("a", "children"), Output("b", "children")],
    [[Output("a", "children")]],  # a list of one Output is multi-output too
])
def test_dash_rejects_none_from_a_multi_output_callback(outputs):
    """What the rule claims, shown with Dash itself: the request fails (a 500)."""
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="a"), html.Div(id="b"), html.Div(id="c")])
    app.callback(*outputs, Input("c", "children"))(lambda value: None)
    specs = [(o.component_id, o.component_property)
             for o in (outputs[0] if isinstance(outputs[0], list) else outputs)]
    assert post(app, specs, ("c", "children")).status_code == 500


@pytest.mark.parametrize("source", [
    PLOT,
    PLOT + "    return\n",
    PLOT + "    return None\n",
    PLOT.replace("return country, country", "return (country, country) if country else None"),
])
def test_dash022_none_from_several_outputs(source):
    cb = server(0, source, inputs=["country.value"], outputs=["graph.figure", "title.children"],
                multi_output=True)
    assert reported_names("DASH022", snapshot(cb)) == ["plot"]
    assert lint_codes(snapshot(cb)) == []  # opt-in: off by default
    [finding] = lint_codes(snapshot(cb), "DASH022")
    assert finding.code == "DASH022" and finding.severity == "error"
    assert finding.message.endswith(
        "Dash raises InvalidCallbackReturnValue for a callback with 2 Outputs")


def test_dash022_names_a_list_of_one_output():
    cb = server(0, PLOT.replace("country, country", "[country]"), inputs=["country.value"],
                outputs=["title.children"], multi_output=True)
    [finding] = lint_codes(snapshot(cb), "DASH022")
    assert finding.message.endswith("for a callback with 1 Output")


@pytest.mark.parametrize("source", [
    PLOT.replace("    if country:\n        return", "    if not country:\n"
                 "        raise PreventUpdate\n    return"),
    PLOT + "    return no_update, no_update\n",
    PLOT + "    return no_update\n",  # no_update alone skips every Output
    "def plot(country):\n    yield country, country",  # a generator never returns None itself
])
def test_dash022_every_path_returns_a_list_or_skips(source):
    cb = server(0, source, inputs=["country.value"], outputs=["graph.figure", "title.children"],
                multi_output=True)
    assert reported_names("DASH022", snapshot(cb)) == []


def test_dash022_leaves_a_single_output_to_dash020():
    cb = server(0, PLOT.replace("country, country", "country"), inputs=["country.value"],
                outputs=["graph.figure"])
    assert reported_names("DASH022", snapshot(cb)) == []
    assert reported_names("DASH020", snapshot(cb)) == ["plot"]

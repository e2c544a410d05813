"""The view as text from the explorer: exactly what the view draws (focus, filters, the
aggregated overview of a large graph) unless "every callback" is asked for; Mermaid parsed
back, GraphML read back by networkx, and the real app's button sending it."""

from __future__ import annotations

import io
import json
import re

import networkx as nx
from test_exports import SHOP, client  # noqa: F401 (client: the real app, a fixture)

from analysis.graph import callback_node
from analysis.graph_text.formats import export_graph
from explorer import ids
from explorer.callbacks.textexport import view_download
from explorer.services import SnapshotServices
from explorer.view.filters import ViewSpec
from explorer.view.textexport import elements_graph

NODE = re.compile(r'^  n\d+(?:\(\["|\[")[^"]*(?:"\]\)|"\])$')
EDGE = re.compile(r'^  n\d+ (?:-- "\d+" -->|-->|==>|-\. \w+ \.->) n\d+$')


def mermaid_counts(text: str) -> tuple[int, int, list[str]]:
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("%%")]
    body = [line for line in lines if not line.startswith("%%")]
    assert body[0] == "flowchart LR"
    nodes = sum(1 for line in body[1:] if NODE.match(line))
    edges = sum(1 for line in body[1:] if EDGE.match(line))
    assert nodes + edges == len(body) - 1, "a line neither node nor edge"
    return nodes, edges, comments


def test_the_whole_small_view_has_every_callback_and_property():
    services = SnapshotServices(SHOP, ())
    whole = export_graph(SHOP)
    nodes, edges, comments = mermaid_counts(view_download(services, ViewSpec(), (), "mermaid",
                                                          False))
    assert (nodes, edges, comments) == (len(whole), whole.number_of_edges(), [])


def test_a_focus_view_exports_only_the_neighbourhood():
    services = SnapshotServices(SHOP, ())
    spec = ViewSpec(focus=(callback_node(2),), direction="both", depth=1)
    back = nx.read_graphml(io.StringIO(view_download(services, spec, (), "graphml", False)))
    # callback 2 with its input and output, nothing of the a/b cycle or of callback 3
    assert len(back) == 3 and back.number_of_edges() == 2
    assert {d for _, d in back.nodes(data="label")} >= {"x.n_clicks", "t.children"}


def test_a_large_view_exports_its_aggregated_drawing_unless_everything(large_paged):
    spec = ViewSpec(collapse="overview")
    view = large_paged.graph_view(spec, (), "dagre")
    assert view.aggregated
    drawn = elements_graph(view.elements)
    nodes, edges, comments = mermaid_counts(view_download(large_paged, spec, (), "mermaid",
                                                          False))
    assert (nodes, edges) == (len(drawn), drawn.number_of_edges()) and nodes < 20
    assert len(comments) == 1 and "every callback" in comments[0]
    back = nx.read_graphml(io.StringIO(view_download(large_paged, spec, (), "graphml", False)))
    assert set(back.nodes) == set(drawn.nodes) and set(back.edges) == set(drawn.edges)
    everything = nx.read_graphml(io.StringIO(view_download(large_paged, spec, (), "graphml",
                                                           True)))
    assert sum(1 for _, kind in everything.nodes(data="kind") if kind == "callback") == 300


def test_the_mermaid_button_sends_the_view(client):
    dependency = next(d for d in client.get("/_dash-dependencies").get_json()
                      if any(isinstance(i["id"], str) and ids.EXPORT_TEXT in i["id"]
                             for i in d["inputs"]))
    button = {"format": "mermaid", "type": ids.EXPORT_TEXT}
    clicks = [[{"id": {"format": name, "type": ids.EXPORT_TEXT}, "property": "n_clicks",
                "value": 1 if name == "mermaid" else None}
               for name in ("mermaid", "dot", "graphml", "cytoscape")]]
    values = {ids.PROJECT_SELECT: "shop", ids.EXPORT_TEXT_ALL: []}
    state = [{"id": s["id"], "property": s["property"], "value": values.get(s["id"])}
             for s in dependency["state"]]
    body = {"output": dependency["output"], "outputs": [], "inputs": clicks, "state": state,
            "changedPropIds": [json.dumps(button, sort_keys=True, separators=(",", ":"))
                               + ".n_clicks"]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    sent = response.get_json()["sideUpdate"][ids.DOWNLOAD]["data"]
    assert sent["filename"] == "shop-view.mmd"
    whole = export_graph(SHOP)
    assert mermaid_counts(sent["content"])[:2] == (len(whole), whole.number_of_edges())

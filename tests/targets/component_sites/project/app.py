"""Components given ids in every way a project creates them, for their recorded creation sites:
here, in a project helper, through code outside the project root, in a layout function."""
import sys
from pathlib import Path

from dash import Dash, dcc, html

# Shared code beside the project, the way a monorepo imports it: not the project's own files.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "shared"))

import outside  # noqa: E402
import widgets  # noqa: E402

app = Dash(__name__)


def layout():
    return html.Div([
        html.H1("Sites", id="title"),  # here
        widgets.card("helper-card"),  # a project helper: its own line
        outside.card("shared-card"),  # outside the root: this line, which called it
        outside.BANNER,  # made at import of a module outside the root: no site
        dcc.Graph(id={"type": "chart", "index": 1}),
        html.Div("no id"),
    ])


app.layout = layout

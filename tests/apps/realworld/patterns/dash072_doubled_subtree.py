"""Volume pattern 37 (DASH072), as in pip-install-python/pip-documentation
(``pages/markdown.py`` ``create_dock_layout``): each page's content list placed twice, in a
mobile and a desktop box. Every id of the list is on two components; one finding per page
says so, naming the ids callbacks use (``q``, ``out``), not one finding per id.

- page ``docs``: heading anchors, a linked heading and two ids callbacks use, doubled: one
  finding;
- page ``about``: only heading anchors doubled: no callback is affected, no finding;
- ``lone`` on page ``docs``: two examples that each made a component with one id (two
  places): still its own finding.
"""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True, pages_folder="", suppress_callback_exceptions=True)


def docked(content):
    return html.Div([html.Div(content, className="mobile"), html.Div(content, className="desktop")])


docs = [html.H2("Usage", id="usage"), html.A("#", href="#usage"), dcc.Input(id="q"),
        html.Div(id="out"), html.H2("API", id="api")]
dash.register_page("docs", path="/", layout=html.Div([
    docked(docs),
    dcc.Input(id="lone"),
    html.Div(dcc.Input(id="lone")),
]))
dash.register_page("about", path="/about",
                   layout=docked([html.H2("About", id="about"), html.H2("Team", id="team")]))
app.layout = html.Div([dash.page_container])


@callback(Output("out", "children"), Input("q", "value"))
def echo(value):
    return value


@callback(Output("out", "title"), Input("lone", "value"))
def lone(value):
    return value

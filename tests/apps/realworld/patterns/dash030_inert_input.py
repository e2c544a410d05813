"""FP pattern (DASH030): the only other Input never changes after the layout is shown.

A hidden ``html.Div`` carries the table's title into the callback as an Input. No callback
writes it and an ``html`` component sets none of its own properties but ``n_clicks``, so it
"fires" only with the layout, together with a new button whose count is 0: after that every
call is a click and ``if n:`` is right (mlabecki/portfolio_analytics,
``toggle_collapse_tickers``, registered once per ticker table in a loop).

``toggle_collapse_renamed`` is the true positive beside it: the third table's title is written
by a callback, so a rename after a click runs the "clicked" branch (and flips the table) again.
"""
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__, suppress_callback_exceptions=True)


def table(key, title):
    return html.Div([
        html.Div(title, id=f"title-{key}", hidden=True),
        dbc.Button(id=f"button-{key}", n_clicks=0),
        dbc.Collapse(html.P(title), id=f"table-{key}", is_open=False),
    ])


app.layout = html.Div([table("etfs", "AI ETFs"), table("bonds", "Bonds"),
                       table("stocks", "Stocks"), dcc.Input(id="rename", value="Stocks"),
                       dcc.Store(id="categories", data=["cryptos"]), html.Div(id="more")])


@callback(Output("more", "children"), Input("categories", "data"))
def more_tables(categories):
    # the portfolio app's other page builds its tables here: types unknown to the probe
    return [table(key, key.title()) for key in categories]


def toggle_collapse(title, n, is_open):
    label = f"► {title}" if is_open else f"▼ {title}"
    if n:
        return label, not is_open
    return f"► {title}", is_open


for key in ("etfs", "bonds", "cryptos"):
    callback(Output(f"button-{key}", "children"), Output(f"table-{key}", "is_open"),
             Input(f"title-{key}", "children"), Input(f"button-{key}", "n_clicks"),
             State(f"table-{key}", "is_open"))(toggle_collapse)


@callback(Output("button-stocks", "children"), Output("table-stocks", "is_open"),
          Input("title-stocks", "children"), Input("button-stocks", "n_clicks"),
          State("table-stocks", "is_open"))
def toggle_collapse_renamed(title, n, is_open):
    return toggle_collapse(title, n, is_open)


@callback(Output("title-stocks", "children"), Input("rename", "value"))
def rename(value):
    return value

"""FP pattern (DASH030): click counters the callback itself writes back.

``plot`` lists the add/remove buttons' ``n_clicks`` among its Outputs: it keeps the "add"
count as an on/off flag (0 after a "remove" click) and resets the "remove" count to 0 on
every call, then rebuilds the figure from every Input. The count it reads is the state it
left, not a stale event (mlabecki/portfolio_analytics ``update_plot``, 314 Inputs, and
``display_table_selected_pseudotickers``).
"""
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Add RSI", id="add-rsi", n_clicks=0),
    html.Button("Remove RSI", id="remove-rsi", n_clicks=0),
    dcc.Dropdown([7, 14], 14, id="period"),
    html.Div(id="figure"),
])


@callback(Output("figure", "children"), Output("add-rsi", "n_clicks"),
          Output("remove-rsi", "n_clicks"),
          Input("add-rsi", "n_clicks"), Input("remove-rsi", "n_clicks"),
          Input("period", "value"))
def plot(add, remove, period):
    if remove:
        add = 0
    shown = f"price with RSI({period})" if add else "price"
    return shown, add, 0

"""FP pattern (DASH020): ``return None`` consumes a one-shot Store the callback reads.

Another page leaves a job id in the Store; when the log view shows, the callback jumps to
it and clears the Store so the next viewport event does not jump again. Its guard returns
``no_update``, so the ``None`` is deliberate. Seen in luojiaaoo/Plotly-DashGo
(task_/task_log_c.py). Writing None into a table's own ``data`` stays reported.
"""
from dash import Dash, Input, Output, State, callback, dash_table, dcc, html, no_update, set_props

app = Dash(__name__)
app.layout = html.Div([
    dcc.Store(id="jump-to", data="job-1"), html.Button("Show log", id="log-page"),
    dcc.Input(id="job-select"),
    dash_table.DataTable(id="rows", data=[]), html.Button("Clear", id="clear"),
])


@callback(Output("jump-to", "data"), Input("log-page", "n_clicks"), State("jump-to", "data"),
          prevent_initial_call=True)
def jump(clicks, job_id):
    if not clicks or not job_id:
        return no_update
    set_props("job-select", {"value": job_id})
    return None  # consumed


@callback(Output("rows", "data"), Input("clear", "n_clicks"), State("rows", "data"),
          prevent_initial_call=True)
def empty_table(clicks, rows):
    if rows:
        return rows[1:]
    return None

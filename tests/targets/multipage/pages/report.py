import dash
from dash import Input, Output, State, callback, dcc, html

dash.register_page(__name__, path_template="/report/<report_id>")


def layout(report_id=None, **kwargs):
    return html.Div(
        [
            html.H2(f"Report {report_id}"),
            dcc.Input(id="report-note"),
            html.Button("Save", id="save-report", n_clicks=0),
            html.Div(id="report-status"),
            html.Div(id="report-status"),
        ]
    )


@callback(
    Output("report-status", "children"),
    Input("save-report", "n_clicks"),
    State("report-note", "value"),
    prevent_initial_call=True,
)
def save_report(n_clicks, note):
    return f"Saved: {note}"

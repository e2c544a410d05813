import dash
from dash import Input, Output, callback, dcc, html

dash.register_page(__name__, path="/report")


def layout(**query):
    return html.Div(
        [
            html.H1("Report", id="page-title"),  # same id as on the home page: fine
            dcc.Dropdown(id="report-year", options=[2023, 2024], value=2024),
            dcc.Graph(id="report-chart"),
            html.Div(id="report-note"),
        ]
    )


@callback(Output("report-note", "children"), Input("report-year", "value"))
def note_year(year):
    return f"Figures for {year}"

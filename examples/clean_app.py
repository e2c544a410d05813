"""Weather desk: a small app that follows every practice the linter checks (it lints clean).

Each callback shows one practice, named in its comment:

- ``convert_temperature``: single-callback circular sync (two inputs kept in step), ``ctx.triggered_id``
- ``update_status``: one writer per output, consolidating several buttons with ``ctx.triggered_id``
- ``round_forecast``: ``functools.lru_cache`` on a helper with hashable arguments, ``PreventUpdate``
- ``compare_cities``: ``async`` callback running its requests concurrently with ``asyncio.gather``,
  ``running=`` disabling the button meanwhile
- ``render_advanced`` + ``round_forecast``: ``allow_optional=True`` for a conditionally rendered input
- ``save_favourite``: a callback without Outputs writing through ``set_props``
- every callback triggered only by a click has ``prevent_initial_call=True``, and every
  signature takes exactly its Inputs and States, in order, with type hints.

Run it: ``python examples/clean_app.py``; lint it: ``python -m analysis examples/clean_app.py``.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update, set_props
from dash.exceptions import PreventUpdate

CITIES = ("Oslo", "Lisbon", "Nairobi", "Lima", "Osaka")

app = Dash(__name__, title="Weather desk")
server = app.server

app.layout = html.Div(
    [
        html.H1("Weather desk"),
        html.Section(
            [
                html.H2("Temperature converter"),
                dcc.Input(id="celsius", type="number", value=20, debounce=True),
                html.Span(" °C = "),
                dcc.Input(id="fahrenheit", type="number", value=68, debounce=True),
                html.Span(" °F"),
            ]
        ),
        html.Section(
            [
                html.H2("Forecast"),
                dcc.Dropdown(id="city", options=list(CITIES), value="Oslo", clearable=False),
                dcc.Slider(id="days", min=1, max=7, step=1, value=3),
                dcc.Checklist(id="show-advanced", options=["Advanced"], value=[]),
                html.Div(id="advanced-panel"),
                html.Pre(id="forecast"),
                html.Button("Save as favourite", id="save-favourite"),
                html.Div(id="favourite"),
            ]
        ),
        html.Section(
            [
                html.H2("Compare"),
                dcc.Dropdown(id="compare-cities", options=list(CITIES), value=["Oslo", "Lima"], multi=True),
                html.Button("Compare now", id="compare"),
                html.Ul(id="comparison"),
            ]
        ),
        html.Footer(
            [
                html.Button("Refresh", id="refresh"),
                html.Button("Clear cache", id="clear-cache"),
                html.Span(id="status"),
            ]
        ),
    ]
)


def temperature_at(city: str, day: int) -> float:
    """A deterministic stand-in for a weather service."""
    digest = hashlib.sha256(f"{city}:{day}".encode()).digest()
    return round(-5 + digest[0] / 255 * 35, 1)


@functools.lru_cache(maxsize=128)
def forecast_for(city: str, days: int) -> tuple[float, ...]:
    """Cached on hashable arguments (a str and an int), never on a list- or dict-valued prop."""
    return tuple(temperature_at(city, day) for day in range(days))


# Single-callback circular sync: both inputs are Outputs and Inputs of ONE callback, so
# there is no cycle between callbacks; ctx.triggered_id says which side the user edited.
@app.callback(
    Output("celsius", "value"),
    Output("fahrenheit", "value"),
    Input("celsius", "value"),
    Input("fahrenheit", "value"),
    prevent_initial_call=True,
)
def convert_temperature(celsius: float | None, fahrenheit: float | None) -> tuple:
    if ctx.triggered_id == "celsius":
        if celsius is None:
            raise PreventUpdate
        return no_update, round(celsius * 9 / 5 + 32, 1)
    if fahrenheit is None:
        raise PreventUpdate
    return round((fahrenheit - 32) * 5 / 9, 1), no_update


# One writer per output: both buttons report into #status through a single callback.
@app.callback(
    Output("status", "children"),
    Input("refresh", "n_clicks"),
    Input("clear-cache", "n_clicks"),
    prevent_initial_call=True,
)
def update_status(refresh_clicks: int | None, clear_clicks: int | None) -> str:
    if ctx.triggered_id == "clear-cache":
        forecast_for.cache_clear()
        return f"Cache cleared ({clear_clicks}×)."
    return f"Refreshed ({refresh_clicks}×)."


@app.callback(
    Output("advanced-panel", "children"),
    Input("show-advanced", "value"),
)
def render_advanced(options: list[str]) -> list:
    if "Advanced" not in options:
        return []
    return [html.Label("Decimals"), dcc.Input(id="decimals", type="number", min=0, max=2, value=1)]


# allow_optional: #decimals exists only while the advanced panel is open; Dash then passes None.
@app.callback(
    Output("forecast", "children"),
    Input("city", "value"),
    Input("days", "value"),
    Input("decimals", "value", allow_optional=True),
)
def round_forecast(city: str | None, days: int, decimals: int | None) -> str:
    if city is None:
        raise PreventUpdate
    places = 1 if decimals is None else int(decimals)
    temperatures = forecast_for(city, days)
    return "\n".join(f"day {day + 1}: {t:.{places}f} °C" for day, t in enumerate(temperatures))


async def fetch_current(city: str) -> str:
    await asyncio.sleep(0.2)  # stands in for a non-blocking HTTP request
    return f"{city}: {temperature_at(city, 0)} °C"


# async + asyncio.gather: the requests run concurrently; running= disables the button meanwhile.
@app.callback(
    Output("comparison", "children"),
    Input("compare", "n_clicks"),
    State("compare-cities", "value"),
    running=[(Output("compare", "disabled"), True, False)],
    prevent_initial_call=True,
)
async def compare_cities(n_clicks: int, cities: list[str]) -> list:
    if not cities:
        raise PreventUpdate
    readings = await asyncio.gather(*(fetch_current(city) for city in cities))
    return [html.Li(reading) for reading in readings]


# No Output: set_props writes the banner, and the callback returns nothing.
@app.callback(
    Input("save-favourite", "n_clicks"),
    State("city", "value"),
    prevent_initial_call=True,
)
def save_favourite(n_clicks: int, city: str) -> None:
    set_props("favourite", {"children": f"Favourite city: {city}"})


if __name__ == "__main__":
    app.run()

"""Acme Shop operations: the demo project the explorer opens by default.

A small multi-page Dash app (overview, orders, inventory, pricing, reports) written the way
real dashboards are: pages with ``dash.register_page``, a pattern-matching restock list, a
clientside callback, a background report job with progress and cancel, ``running=``,
``allow_duplicate`` and ``set_props``.

It also contains a handful of genuine mistakes, each marked with a ``# demo: DASHNNN`` comment
explaining what goes wrong. ``python -m analysis examples/demo`` finds every one of them; the
rest of the app follows Dash's best practices.

Run it: ``python examples/demo/app.py`` (http://127.0.0.1:8050; ``PORT``/``HOST`` env vars
change the address, ``DASH_DEBUG=true`` turns on Dash's dev tools).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
import diskcache
from dash import Dash, DiskcacheManager, Input, Output, State, clientside_callback, dcc, html

# Background jobs live in the system temp dir: importing the app writes nothing in the project.
JOB_CACHE_DIR = Path(tempfile.gettempdir()) / "acme-shop-demo-jobs"
# The repository vendors Bootstrap in its top-level assets/ (dbc.themes.* are CDN URLs, and
# the demo must look right offline); the explorer's own stylesheet is not the demo's.
VENDORED_ASSETS = Path(__file__).resolve().parents[2] / "assets"

app = Dash(
    __name__,
    use_pages=True,
    title="Acme Shop operations",
    assets_folder=str(VENDORED_ASSETS),
    assets_ignore=r"^explorer",
    background_callback_manager=DiskcacheManager(diskcache.Cache(str(JOB_CACHE_DIR))),
)
server = app.server


def navigation() -> dbc.Navbar:
    links = [
        dbc.NavItem(dbc.NavLink(page["name"], href=page["relative_path"], active="exact"))
        for page in dash.page_registry.values()
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("Acme Shop · operations", href="/"),
                dbc.NavbarToggler(id="navbar-toggler", n_clicks=0),
                dbc.Collapse(dbc.Nav(links, navbar=True), id="navbar-collapse", navbar=True),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        className="mb-3",
    )


app.layout = html.Div(
    [
        navigation(),
        dbc.Container(dash.page_container, fluid=True),
        # Written by callbacks of several pages through set_props (no Output to collide on).
        dbc.Toast(
            id="notice",
            header="Acme Shop",
            is_open=False,
            dismissable=True,
            duration=4000,
            style={"position": "fixed", "top": 72, "right": 16, "width": 320, "zIndex": 1080},
        ),
    ]
)

# Runs in the browser: toggling a menu needs no round trip to the server.
clientside_callback(
    """
    function toggleNavbar(nClicks, isOpen) {
        return nClicks ? !isOpen : isOpen;
    }
    """,
    Output("navbar-collapse", "is_open"),
    Input("navbar-toggler", "n_clicks"),
    State("navbar-collapse", "is_open"),
    prevent_initial_call=True,
)


if __name__ == "__main__":
    app.run()

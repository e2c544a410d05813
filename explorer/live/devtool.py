"""The live plugin's entry in Dash's dev-tools bar: the finding count, linking to the live explorer."""

from __future__ import annotations

from functools import partial
from typing import Any

import flask
from dash import hooks

#: The entry's component id (tests and the docs name it).
ENTRY_ID = "dce-live-devtool"
_HIDDEN = {"id": ENTRY_ID, "style": {"display": "none"}}


def register(extension: str) -> None:
    """Add the entry once per process. Dash's dev-tools list is global to the process, so the
    entry's props are read per request from the app being served: an app without the plugin
    gets a hidden, empty link. An ``html.A``: no JavaScript of our own to ship.
    ``extension``: the key under which a server keeps its plugin."""
    if not any(getattr(entry.get("props"), "func", None) is entry_props
               for entry in hooks.get_hooks("dev_tools")):
        hooks.devtool("dash_html_components", "A", props=partial(entry_props, extension),
                      position="right")


def entry_props(extension: str) -> dict[str, Any]:
    """The link's props for the app serving this page (called while Dash renders its index):
    it opens the explorer on this app (``<prefix>/explorer/``)."""
    plugin = flask.current_app.extensions.get(extension) if flask.has_app_context() else None
    if plugin is None:
        return dict(_HIDDEN)
    try:
        from explorer.live.snapshot import findings_now  # the linter: once a page asks

        count = sum(map(len, findings_now(plugin)))
        text, title = f"Explorer: {count}", f"{count} finding(s) in this app's callbacks and its recorded calls"
    except Exception as exc:  # noqa: BLE001 - the app must render even if our lint fails
        text, title = "Explorer: ?", f"the live snapshot failed: {type(exc).__name__}: {exc}"
    return {"id": ENTRY_ID, "children": text, "title": title, "href": plugin.url("explorer/"),
            "target": "_blank", "className": "dash-debug-menu__button"}

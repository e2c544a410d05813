"""DASH011's claim, measured: page load shows an event prop the layout leaves out as "None"."""

from __future__ import annotations

import importlib.util
import sys

from paths import APPS

FIXTURE = APPS / "runtime" / "event_value_shown_app.py"


def test_page_load_shows_none_unless_the_initial_call_is_prevented(dash_duo) -> None:
    spec = importlib.util.spec_from_file_location("event_value_shown_browser", FIXTURE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # Dash(__name__) looks its module up
    spec.loader.exec_module(module)
    dash_duo.start_server(module.app)
    # DASH011's two findings: the renderer passed None and the text shows it.
    dash_duo.wait_for_text_to_equal("#shown", "Clicked None times.")
    dash_duo.wait_for_text_to_equal("#click-data", "clickData: None")
    # Its silent neighbours: n_clicks=0 in the layout, a tested event.
    dash_duo.wait_for_text_to_equal("#count-out", "Clicked 0 times.")
    dash_duo.wait_for_text_to_equal("#tested-out", "Not clicked yet.")
    # prevent_initial_call=True: nothing until the click (the renderer sent every initial
    # call at once, so the ones above answered means this one was never asked for) ...
    assert dash_duo.find_element("#shown-prevented").text == ""
    dash_duo.find_element("#btn-prevented").click()
    dash_duo.wait_for_text_to_equal("#shown-prevented", "Clicked 1 times.")
    assert dash_duo.get_logs() == []

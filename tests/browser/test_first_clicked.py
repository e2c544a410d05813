"""What DASH034 (first-clicked-not-triggered) claims, in a browser: click counts of ``ALL``
buttons stay set, so "the first item whose count is set" is the first item ever clicked,
not the one that fired (sg-analytics ``update_bus_arrival_display``; the fixture app is
tests/apps/realworld/patterns/dash034_first_clicked.py)."""

from __future__ import annotations

from app_loader import load_app
from paths import APPS

FIXTURE = APPS / "realworld" / "patterns" / "dash034_first_clicked.py"
PORT = 8741


def marker(code: str) -> str:
    return f'[id=\'{{"index":"{code}","type":"stop-marker"}}\']'


def test_the_first_set_count_is_the_first_click_not_the_last(dash_duo) -> None:
    dash_duo.start_server(load_app(FIXTURE), port=PORT)
    dash_duo.find_element(marker("83139")).click()
    dash_duo.wait_for_text_to_equal("#arrivals", "arrivals at 83139")
    dash_duo.wait_for_text_to_equal("#arrivals-fixed", "arrivals at 83139")

    dash_duo.find_element(marker("83141")).click()
    dash_duo.wait_for_text_to_equal("#arrivals-fixed", "arrivals at 83141")  # the one clicked
    assert dash_duo.find_element("#arrivals").text == "arrivals at 83139"  # the first, again

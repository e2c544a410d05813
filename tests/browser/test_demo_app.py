"""The demo project really runs: its pages render and its best-practice callbacks work in Chromium."""

from __future__ import annotations

import shlex
import sys
import tempfile
from pathlib import Path

import pytest

from docs.screenshot import free_port, start_server, stop_server, wait_until_serving

DEMO_COMMAND = f"{shlex.quote(sys.executable)} examples/demo/app.py"


@pytest.fixture(scope="module")
def demo_url():
    """The demo served by `python examples/demo/app.py` in its own process (as users run it)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="demo-server-") as scratch:
        log = Path(scratch) / "server.log"
        server = start_server(DEMO_COMMAND, port, log)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_serving(server, url + "/", 60, log)
            yield url
        finally:
            stop_server(server)


def test_overview_renders_kpis_and_chart(dash_br, demo_url: str) -> None:
    dash_br.server_url = demo_url + "/"
    dash_br.wait_for_contains_text("#kpi-orders", "")
    dash_br.wait_for_element("#revenue-graph .main-svg")
    assert dash_br.find_element("#kpi-revenue").text.startswith("€")


def test_restock_list_adds_lines_and_set_props_shows_the_toast(dash_br, demo_url: str) -> None:
    dash_br.server_url = demo_url + "/inventory"
    dash_br.wait_for_text_to_equal("#restock-total", "Nothing to restock yet.")
    dash_br.select_dcc_dropdown("#restock-product", value="Desk lamp")
    dash_br.find_element("#restock-add").click()
    # The MATCH callback prices the new line; the ALL callback totals the list.
    dash_br.wait_for_contains_text("#restock-total", "Total €580.00")
    dash_br.find_element("#restock-submit").click()
    dash_br.wait_for_contains_text("#notice", "Purchase order sent: 1 products, 20 units.")


def test_background_report_fills_the_table(dash_br, demo_url: str) -> None:
    dash_br.server_url = demo_url + "/reports"
    dash_br.find_element("#report-build").click()
    dash_br.wait_for_element("#report-result table", timeout=30)
    assert len(dash_br.find_elements("#report-result tr")) == 4  # one row per region
    dash_br.wait_for_element("#report-build:not([disabled])")  # running= released the button

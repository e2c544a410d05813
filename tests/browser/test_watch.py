"""``python app.py TARGET --watch`` in its own process: a saved file updates the open page
without a reload, keeping selection, filters and focus; a syntax error shows, the graph stays."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

from docs.screenshot import free_port, start_server, stop_server, wait_until_serving
from paths import TARGETS
from test_explorer import COUNT_NODES, select_by_search, wait_until

#: A third callback for the basket, saved while the page is open.
COUPON_HINT = '''

@callback(Output("coupon-code", "placeholder"), Input("product", "value"))
def coupon_hint(product):
    return f"a coupon for {product}"
'''


@pytest.fixture
def watched_shop(tmp_path: Path):
    """A copy of a small app served by ``python app.py APP --watch`` on a free port: (the
    app's file, the page's URL, the server's log)."""
    shop = tmp_path / "shop"
    shop.mkdir()
    shutil.copy(TARGETS / "single_file" / "app.py", shop / "app.py")
    port, log = free_port(), tmp_path / "server.log"
    command = (f"{shlex.quote(sys.executable)} app.py {shlex.quote(str(shop / 'app.py'))} "
               f"--watch --port {{port}} --cache-dir {shlex.quote(str(tmp_path / 'cache'))}")
    server = start_server(command, port, log)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(server, url, 120, log)
        yield shop / "app.py", url, log
    finally:
        stop_server(server)


def test_a_saved_file_updates_the_open_page_and_a_syntax_error_keeps_the_graph(
        dash_br, watched_shop):
    app, url, log = watched_shop
    assert "Using " in log.read_text() and "Watching " in log.read_text()
    driver = dash_br.driver
    driver.set_window_size(1280, 800)
    dash_br.server_url = url
    dash_br.wait_for_contains_text("#graph-caption", "2 of 2 callbacks", timeout=60)
    # a filter (callback kind: server), a selection (the product dropdown: Enter selects
    # the search's first hit) and a focus on what it feeds, the new callback's neighbourhood
    dash_br.find_element("#toggle-controls").click()
    wait_until(lambda: dash_br.find_element("#filter-kind").is_displayed(),
               message="the controls to open")
    dash_br.select_dcc_dropdown("#filter-kind", value="server")
    # Enter selects the first hit of the query the server has (the box sends it debounced)
    select_by_search(dash_br, "product", "product", timeout=60)
    dash_br.find_element(
        "label[for='_dbcprivate_radioitems_focus-direction_input_downstream']").click()
    wait_until(lambda: all(f"{key}=" in driver.current_url for key in ("node", "kind", "focus")),
               message="the URL to hold the selection, the filter and the focus")
    dash_br.wait_for_contains_text("#graph-caption", "1 of 2 callbacks", timeout=30)
    view = driver.current_url
    nodes = driver.execute_script(COUNT_NODES)
    driver.execute_script("window.__sameDocument = true;")  # gone if the page reloads

    with app.open("a") as source:
        source.write(COUPON_HINT)
    dash_br.wait_for_contains_text("#graph-caption", "2 of 3 callbacks", timeout=90)
    wait_until(lambda: driver.execute_script(COUNT_NODES) > nodes,
               message="the new callback's nodes")
    assert driver.execute_script("return window.__sameDocument === true")
    assert driver.current_url == view
    assert "coupon_hint" in dash_br.find_element("#details").text  # the selection's readers
    assert "server" in dash_br.find_element("#filter-kind").text
    grown = driver.execute_script(COUNT_NODES)

    app.write_text(app.read_text() + "\nbroken = (\n")
    dash_br.wait_for_contains_text("#status", "Analysis of shop failed", timeout=90)
    status = dash_br.find_element("#status").text
    assert "syntax error" in status and "Showing the last good snapshot" in status
    assert "2 of 3 callbacks" in dash_br.find_element("#graph-caption").text
    assert driver.execute_script(COUNT_NODES) == grown
    assert driver.execute_script("return window.__sameDocument === true")
    assert driver.current_url == view
    assert "coupon_hint" in dash_br.find_element("#details").text

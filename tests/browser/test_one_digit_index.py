"""What DASH033 (one-character-index) claims, in a browser: Dash 4.4.1's renderer writes a
dict id into ``prop_id`` as JSON with its keys sorted and no spaces
(``{"index":10,"type":"delete"}.n_clicks``), so the last character of ``"index":N`` is the
index only for 0-9 (ezSTEP's parse; tests/apps/realworld/patterns/dash032_one_digit_index.py)."""

from __future__ import annotations

from dash import MATCH, Dash, Input, Output, callback_context, html


def make_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div([html.Button(f"Delete {i}", id={"type": "delete", "index": i}),
                  html.Span(id={"type": "status", "index": i})])
        for i in range(12)
    ])

    @app.callback(Output({"type": "status", "index": MATCH}, "children"),
                  Input({"type": "delete", "index": MATCH}, "n_clicks"),
                  prevent_initial_call=True)
    def delete(_):
        prop_id = callback_context.triggered[0]["prop_id"]
        index_part = prop_id.split(".")[0].strip("{}").split(",")[0]
        return f"{prop_id} -> {index_part[-1]}"

    return app


def test_the_last_character_of_the_index_is_right_only_up_to_nine(dash_duo) -> None:
    dash_duo.start_server(make_app())
    seen = {}
    for index in (3, 9, 10, 11):
        dash_duo.find_element(f'[id=\'{{"index":{index},"type":"delete"}}\']').click()
        status = f'[id=\'{{"index":{index},"type":"status"}}\']'
        dash_duo.wait_for_contains_text(status, "->")
        seen[index] = dash_duo.find_element(status).text
    assert seen == {
        3: '{"index":3,"type":"delete"}.n_clicks -> 3',
        9: '{"index":9,"type":"delete"}.n_clicks -> 9',
        10: '{"index":10,"type":"delete"}.n_clicks -> 0',  # row 10 is taken for row 0
        11: '{"index":11,"type":"delete"}.n_clicks -> 1',
    }

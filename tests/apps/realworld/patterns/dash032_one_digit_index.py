"""DASH032 over MATCH ids parsed down to one character (a true positive whose message must say
what goes wrong and when).

``delete`` recovers the row's index as the last character of ``"index":N`` in the prop_id
text (Dash writes the id's keys sorted, so ``index`` comes first): right for rows 0-9, and
row 10's click deletes row 0. ``rename`` parses by hand too, but keeps the whole value.
Seen in AndreasHiropedi/ezSTEP (pages/model_inputs_page.py ``press_delete_button`` and five
more).
"""
import json

from dash import MATCH, Dash, Input, Output, callback, callback_context, html

app = Dash(__name__)
app.layout = html.Div([
    html.Div([html.Button("Delete", id={"type": "delete", "index": i}),
              html.Span(id={"type": "status", "index": i})])
    for i in range(12)
])


@callback(Output({"type": "status", "index": MATCH}, "children"),
          Input({"type": "delete", "index": MATCH}, "n_clicks"), prevent_initial_call=True)
def delete(_):
    triggered_id = callback_context.triggered[0]["prop_id"]
    big_string = triggered_id.split(".")[0].strip("{}")
    index_part = big_string.split(",")[0]
    index_value = index_part[-1]
    return f"deleted model {index_value}"


@callback(Output({"type": "status", "index": MATCH}, "title"),
          Input({"type": "status", "index": MATCH}, "n_clicks"), prevent_initial_call=True)
def rename(_):
    which = json.loads(callback_context.triggered[0]["prop_id"].split(".")[0])
    return f"row {which['index']}"

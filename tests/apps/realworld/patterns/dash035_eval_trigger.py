"""DASH035 trigger-evaluated: a pattern-matching id recovered with ``eval`` of the prop_id.

``delete_comment`` is CNFeffery/feffery-antd-docs'
``comment_demo_add_children_callback`` (views/AntdComment/demos/basic_callbacks.py) cut
down: ``eval`` of ``callback_context.triggered[0]["prop_id"]``, which Dash fills from the
request's ``changedPropIds`` as sent, so a crafted request runs any expression on the server
(tests/browser/test_trigger_eval.py). ``delete_comment_fixed`` reads ``ctx.triggered_id``.
"""
import dash
from dash import ALL, Dash, Input, Output, State, ctx, html

app = Dash(__name__)
app.layout = html.Div([
    html.Div(id="comments", children=[
        html.Button(f"Delete {i}", id={"type": "comment-delete", "index": i}) for i in range(3)
    ]),
    html.Div(id="comments-fixed", children=[
        html.Button(f"Delete {i}", id={"type": "comment-delete-fixed", "index": i})
        for i in range(3)
    ]),
])


@app.callback(Output("comments", "children"),
          Input({"type": "comment-delete", "index": ALL}, "n_clicks"),
          State("comments", "children"), prevent_initial_call=True)
def delete_comment(clicks, children):
    if "n_clicks" in dash.callback_context.triggered[0]["prop_id"]:
        index = eval(dash.callback_context.triggered[0]["prop_id"].replace(".n_clicks", ""))["index"]
        return [child for child in children if child["props"]["id"]["index"] != index]
    return children


@app.callback(Output("comments-fixed", "children"),
          Input({"type": "comment-delete-fixed", "index": ALL}, "n_clicks"),
          State("comments-fixed", "children"), prevent_initial_call=True)
def delete_comment_fixed(clicks, children):
    index = ctx.triggered_id["index"]
    return [child for child in children if child["props"]["id"]["index"] != index]

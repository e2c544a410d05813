"""A project helper that builds a component with the id it is given."""
from dash import html


def card(card_id):
    return html.Div(["a card"], id=card_id, className="card")

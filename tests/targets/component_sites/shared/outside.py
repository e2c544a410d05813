"""Code outside the project root (imported through sys.path): never given as a creation site."""
from dash import html

BANNER = html.Div("banner", id="shared-banner")


def card(card_id):
    return html.Section(id=card_id)

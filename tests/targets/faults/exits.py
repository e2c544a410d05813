"""Refuses to start without its configuration, the way many deployed apps do."""

import os
import sys

API_KEY = os.environ.get("SHOP_API_KEY_THAT_IS_NEVER_SET")
if not API_KEY:
    sys.exit("SHOP_API_KEY_THAT_IS_NEVER_SET is not set")

from dash import Dash, html  # noqa: E402

app = Dash(__name__)
app.layout = html.Div()

"""Shows which environment variables reached it: their names become a component id."""

import os

from dash import Dash, html

SEEN = sorted(name for name in os.environ if name.startswith(("DCE_", "SHOP_")))

app = Dash(__name__)
app.layout = html.Div(id="seen:" + ",".join(SEEN))

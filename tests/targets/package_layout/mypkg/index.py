"""The entry file: `python -m analysis mypkg/index.py` must import it as mypkg.index."""

from dash import Dash

from mypkg.layout import layout

import mypkg.callbacks  # noqa: F401 - registers the callbacks

app = Dash(__name__)
app.layout = layout

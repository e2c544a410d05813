"""Dies from a signal at import, like a crashing C extension."""

import os
import signal

from dash import Dash, html

app = Dash(__name__)
app.layout = html.Div()
os.kill(os.getpid(), signal.SIGSEGV)

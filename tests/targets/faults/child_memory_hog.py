"""Starts a helper that loads far too much data, and waits for it at import."""

import subprocess
import sys

from dash import Dash, html

HOG = "import time; data = bytearray(3 << 30); time.sleep(60)"
subprocess.run([sys.executable, "-c", HOG], check=False)

app = Dash(__name__)
app.layout = html.Div()

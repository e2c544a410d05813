"""Waits forever for a database at import, after starting a helper process."""

import os
import subprocess
import time

helper = subprocess.Popen(["sleep", "300"])
if os.environ.get("HELPER_PID_FILE"):
    with open(os.environ["HELPER_PID_FILE"], "w") as handle:
        handle.write(str(helper.pid))


def database_ready():
    return False


while not database_ready():
    time.sleep(0.2)

from dash import Dash, html  # noqa: E402  (never reached)

app = Dash(__name__)
app.layout = html.Div()

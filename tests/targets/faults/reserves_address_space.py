"""Starts a helper that reserves far more address space than it uses, as Chromium does when
kaleido's ``fig.write_image`` starts it at import."""

import subprocess
import sys

from dash import Dash, html

# 8 GiB mapped but never touched: next to no resident memory.
RESERVE = "import mmap; m = mmap.mmap(-1, 8 << 30); print('ok')"
helper = subprocess.run([sys.executable, "-c", RESERVE], capture_output=True, text=True)
if helper.stdout.strip() != "ok":
    raise RuntimeError(f"the helper could not reserve its address space: {helper.stderr}")

app = Dash(__name__)
app.layout = html.Div()

"""The live fixture app as a WSGI module (``gunicorn served_app:server``), the plugin left to the env var."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("live_app", Path(__file__).with_name("live_app.py"))
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)

app = _module.make_app()
server = app.server

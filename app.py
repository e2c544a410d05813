"""Dash Callback Explorer: ``python app.py [TARGET ...] [--snapshot FILE ...]`` opens it."""

# The logic lives in the importable package (explorer/serve.py), so the installed console
# command ``dash-callback-explorer serve`` runs the same code without this file on sys.path.
import sys

from explorer.serve import default_app, main

app = default_app()
server = app.server

if __name__ == "__main__":
    sys.exit(main())

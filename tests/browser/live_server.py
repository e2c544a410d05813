"""Serve a fixture app with the live plugin on, enabled as an installed app enables it.

``python tests/browser/live_server.py APP.py PORT``: the ``dash_hooks`` entry point's module
is imported with ``DASH_CALLBACK_EXPLORER_LIVE=1`` (what Dash does for an installed package),
then the app file, then it serves on 127.0.0.1:PORT with debug off, in this process.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main(app_file: str, port: int) -> None:
    sys.path.insert(0, str(REPO))
    os.environ["DASH_CALLBACK_EXPLORER_LIVE"] = "1"
    import dash_callback_explorer_live  # noqa: F401  (registers the plugin's setup hook)

    path = Path(app_file).resolve()
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    module.app.run(host="127.0.0.1", port=port, debug=False)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

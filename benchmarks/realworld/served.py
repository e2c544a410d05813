"""Count the callbacks a Dash target really serves at ``/_dash-dependencies``.

Run with the target's own interpreter (standard library and dash only; nothing from this
repository is imported), independently of the linter's probe:

    VENV/bin/python served.py --root DIR --entry app.py|pkg.module[:attr] --out result.json
                              [--auth USER:PASS]

It imports the target the way a server would (DIR as working directory and ``sys.path[0]``,
``Dash.run`` turned into a no-op), records every ``Dash`` instance created (``DashProxy`` and
other subclasses too), then asks each app's Flask test client for ``/_dash-dependencies``: that
request runs Dash's server setup first, exactly as a browser's first request would. No socket is
opened. Dash's own callbacks (the Pages router and title, background ``cancel=`` handlers) are
counted apart. ``--auth`` sends HTTP Basic credentials with that request, for an app behind
``dash_auth.BasicAuth`` (which answers 401 without them).
"""

from __future__ import annotations

import argparse
import base64
import importlib
import importlib.util
import json
import os
import sys
import traceback


def load(root: str, entry: str):
    """Import the entry; return the module and the attribute named after ':' (or None)."""
    module_part, _, attr = entry.partition(":")
    if module_part.endswith(".py"):
        path = os.path.join(root, module_part)
        name = os.path.splitext(os.path.basename(path))[0]
        if os.path.isfile(os.path.join(os.path.dirname(path), name, "__init__.py")):
            # `python app.py` beside a package `app/`: the script runs as __main__ and
            # `import app` finds the package, so the script must not take the package's name
            name = f"_served_script_{name}"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    else:
        module = importlib.import_module(module_part)
    return module, (getattr(module, attr) if attr else None)


def is_internal(dep: dict, callback_map: dict) -> bool:
    """Dash's own callbacks: the Pages router and title callbacks and the background ``cancel=``
    handlers. An app's callback that writes Dash's ``_pages_location`` (a redirect) is the app's."""
    output = dep.get("output", "")
    if "_pages_content." in output or output.startswith("_pages_dummy."):  # router; title
        return True
    function = (callback_map.get(output) or {}).get("callback")
    module = getattr(function, "__module__", "") or ""
    return module == "dash" or module.startswith("dash.")


def import_apps(root: str, entry: str) -> list:
    """Import the entry (``Dash.run`` a no-op, an app factory named after ':' called) and return
    every ``Dash`` instance created, subclasses included, in creation order. Also used by
    live_parity.py's child."""
    import dash

    created = []
    original_init = dash.Dash.__init__

    def recording_init(self, *a, **k):
        original_init(self, *a, **k)
        created.append(self)

    dash.Dash.__init__ = recording_init
    dash.Dash.run = lambda self, *a, **k: None
    if hasattr(dash.Dash, "run_server"):
        dash.Dash.run_server = lambda self, *a, **k: None

    _, attr = load(root, entry)
    if attr is not None and not isinstance(attr, dash.Dash) and callable(attr):
        attr()  # an app factory
    return created


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--entry", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--auth", default="", help="USER:PASS sent as HTTP Basic credentials")
    args = parser.parse_args(argv)

    root = os.path.abspath(args.root)
    os.chdir(root)
    sys.path.insert(0, root)
    result: dict = {"apps": [], "error": None}
    try:
        created = import_apps(root, args.entry)
        seen = set()
        shared_lists: dict[int, int] = {}  # id(app._callback_list) -> index of its first app
        for app in created:
            if id(app) in seen:
                continue
            seen.add(id(app))
            list_id = id(getattr(app, "_callback_list", None))
            if list_id in shared_lists:
                # apps that were handed another app's callback list (dbc docs' theme explorer
                # does `new.callback_map = old.callback_map`): the same callbacks, served again
                result["apps"].append({"class": type(app).__name__,
                                       "shares_callbacks_with": shared_lists[list_id]})
                continue
            shared_lists[list_id] = len(result["apps"])
            client = app.server.test_client()
            url = app.config.routes_pathname_prefix + "_dash-dependencies"
            headers = ({"Authorization": "Basic " + base64.b64encode(args.auth.encode()).decode()}
                       if args.auth else {})
            response = client.get(url, headers=headers)
            entry = {"class": type(app).__name__, "url": url, "status": response.status_code}
            if response.status_code == 200:
                deps = response.get_json()
                internal = sum(1 for d in deps if is_internal(d, app.callback_map))
                entry.update(served=len(deps), internal=internal, own=len(deps) - internal,
                             clientside=sum(1 for d in deps if d.get("clientside_function")))
            else:
                entry["error"] = response.get_data(as_text=True)[-500:]
            result["apps"].append(entry)
    except BaseException as exc:  # the target's failure is data here, not a crash of ours
        lines = traceback.format_exception(exc)
        result["error"] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        result["details"] = "".join(lines)[-3000:]
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    os._exit(0)  # skip the target's atexit/threads


if __name__ == "__main__":
    sys.exit(main())

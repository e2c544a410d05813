"""The probe: imports a Dash target in a child process and writes its snapshot JSON to a file."""

# Runs as a script (``python probe.py ...``) in the target's interpreter, which may have only the
# standard library and dash: it must never import anything from the ``analysis`` package.
# It writes one JSON envelope to --out (atomically): {"ok": true, "snapshot": {...}} or
# {"ok": false, "kind": "...", "message": "...", "details": "..."}.

from __future__ import annotations

import argparse
import faulthandler
import gc
import importlib
import importlib.util
import json
import os
import sys
import tempfile
import traceback
import types
from datetime import datetime, timezone

PROBE_FILE = os.path.abspath(__file__)
PROBE_DIR = os.path.dirname(PROBE_FILE)


class ProbeFailure(Exception):
    """A failure the parent turns into a typed error: kind, one-line message, details."""

    def __init__(self, kind: str, message: str, details: str = "") -> None:
        super().__init__(message)
        self.kind, self.message, self.details = kind, message, details


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="file to write the JSON envelope to")
    parser.add_argument("--root", required=True, help="project root: cwd and sys.path[0]")
    parser.add_argument("--file", help="the target's .py file")
    parser.add_argument("--module", help="the target's dotted module name")
    parser.add_argument("--attr", help="the attribute naming the primary app (or a factory)")
    parser.add_argument("--label", default="", help="the target as the user wrote it")
    parser.add_argument("--memory-limit-mb", type=int, default=0,
                        help="RLIMIT_AS (the parent passes 0 where it watches memory); 0: none")
    return parser.parse_args(argv)


def write_atomic(path: str, data: bytes) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=directory)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def encode(envelope: dict) -> bytes:
    """The envelope as JSON: through orjson when the target's interpreter has it (Dash uses it
    when installed; ~8x faster on a 5,000-callback snapshot), else the standard library."""
    try:
        import orjson

        return orjson.dumps(envelope, default=_repr, option=orjson.OPT_NON_STR_KEYS)
    except Exception:  # noqa: BLE001 - no orjson, or a value it cannot take: json can
        return json.dumps(envelope, default=_repr).encode("utf-8")


def _repr(value: object) -> str:
    """A target's value JSON cannot hold, as its repr (a placeholder when that raises)."""
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001 - any __repr__ a target can write
        text = None
    return text if type(text) is str else f"<unprintable {type(value).__name__}>"


def limit_memory(megabytes: int) -> None:
    """Limit address space where the parent cannot watch resident memory (no /proc)."""
    if megabytes <= 0:
        return
    try:
        import resource
    except ImportError:  # not on this platform: run without a limit
        return
    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def prepare_process(root: str, argv0: str) -> None:
    """Make the process look like ``python app.py`` run from the project root."""
    # Python put the probe's own directory first; the target must not see our modules.
    while sys.path and os.path.abspath(sys.path[0] or ".") == PROBE_DIR:
        del sys.path[0]
    os.chdir(root)
    sys.path.insert(0, root)
    sys.argv = [argv0]  # what the target would see as `python app.py` (no options)


def import_target(args: argparse.Namespace) -> types.ModuleType:
    """Import the target module, turning import-time faults into ProbeFailures."""
    try:
        if args.file:
            name = script_module_name(args.file)
            spec = importlib.util.spec_from_file_location(name, args.file)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            return module
        return importlib.import_module(args.module)
    except SyntaxError as exc:
        where = f"{_rel(exc.filename or '?', args.root)}:{exc.lineno}"
        raise ProbeFailure(
            "syntax",
            f"syntax error in {where}: {exc.msg}; fix the file and run again",
            target_traceback(exc),
        ) from None
    except ModuleNotFoundError as exc:
        missing = exc.name or str(exc)
        if args.module and (args.module == missing or args.module.startswith(missing + ".")):
            raise ProbeFailure(
                "target",
                f"cannot import {args.module!r} from {args.root}; run from the directory "
                f"that contains it or pass the path to its .py file",
            ) from None
        own_package = _module_form(args.file, missing) if args.file else None
        if own_package:
            dotted, where = own_package
            raise ProbeFailure(
                "target",
                f"{os.path.basename(args.file)} imports {missing!r}, a folder it sits in that "
                f"has no __init__.py, so it cannot be imported from {args.root}: add an "
                f"__init__.py to each folder of the package, or run "
                f"`python -m analysis {dotted}` from {where}",
                target_traceback(exc),
            ) from None
        top = missing.split(".", 1)[0]
        if missing != top and (os.path.isdir(os.path.join(args.root, top))
                               or os.path.isfile(os.path.join(args.root, f"{top}.py"))):
            raise ProbeFailure(  # installing cannot help: the project's own package lacks it
                "target",
                f"the target imports {missing!r}, which the project's own {top!r} in "
                f"{args.root} does not contain; fix the import or add the module",
                target_traceback(exc),
            ) from None
        raise ProbeFailure(
            "missing_module",
            f"the target imports {missing!r}, which {sys.executable} cannot find; install "
            f"it there, or pass --python with the target's own interpreter (its virtualenv)",
            target_traceback(exc),
        ) from None
    except MemoryError as exc:
        raise ProbeFailure("memory", "the target ran out of memory while being imported",
                           target_traceback(exc)) from None
    except SystemExit as exc:
        # Whatever the code, even 0: the rest of the module never ran, so an analysis of
        # what it registered so far would pass CI on a partial app.
        where = _innermost_target_line(exc, args.root)
        raise ProbeFailure(
            "exit",
            f"the target called sys.exit({_repr(exc.code)}){where} while being imported, so "
            f"only part of it ran; guard that code with `if __name__ == \"__main__\":` or "
            f"give it what it needs (an environment variable, a file)",
            target_traceback(exc),
        ) from None
    except BaseException as exc:  # the target's own error: report it, never crash the probe
        where = _innermost_target_line(exc, args.root)
        raise ProbeFailure(
            "import",
            f"the target raised {type(exc).__name__}{where} while being imported: "
            f"{_one_line(exc)}; fix it or guard start-up code with "
            f"`if __name__ == \"__main__\":`",
            target_traceback(exc),
        ) from None


def _module_form(file: str, missing: str) -> tuple[str, str] | None:
    """(dotted module, folder to run from) when the missing module is a folder the file sits
    in: a package without ``__init__.py`` (a namespace package), which only the module form
    makes importable."""
    top = missing.split(".", 1)[0]
    parts = [os.path.splitext(os.path.basename(file))[0]]
    folder = os.path.dirname(file)
    while os.path.dirname(folder) != folder:
        name = os.path.basename(folder)
        parts.insert(0, name)
        if name == top:
            dotted = ".".join(parts)
            names_ok = all(part.isidentifier() for part in parts)
            return (dotted, os.path.dirname(folder)) if names_ok else None
        folder = os.path.dirname(folder)
    return None


def target_traceback(exc: BaseException) -> str:
    """The exception's traceback without importlib's and the probe's own frames."""
    try:
        report = traceback.TracebackException.from_exception(exc)
        frames = [f for f in report.stack
                  if not f.filename.startswith("<frozen") and os.path.dirname(
                      os.path.abspath(f.filename)) != PROBE_DIR]
        report.stack = traceback.StackSummary.from_list(frames)
        return "".join(report.format()).strip()
    except BaseException:  # noqa: BLE001 - an exception whose notes or cause misbehave
        return f"{type(exc).__name__} (its traceback cannot be printed)"


def _innermost_target_line(exc: BaseException, root: str) -> str:
    """`` at file.py:12``: the last frame of the traceback inside the target root, if any."""
    inside = [f for f in traceback.extract_tb(exc.__traceback__)
              if os.path.abspath(f.filename).startswith(root + os.sep)]
    return f" at {_rel(inside[-1].filename, root)}:{inside[-1].lineno}" if inside else ""


def _one_line(exc: BaseException) -> str:
    try:
        text = str(exc).strip().splitlines()
    except BaseException:  # noqa: BLE001 - an exception whose __str__ raises (or lies)
        return "(its message cannot be printed)"
    return text[0][:200] if text else "(no message)"


def _rel(path: str, root: str) -> str:
    """The path relative to root when inside it (with / separators), else absolute."""
    if not path or path.startswith("<"):
        return path
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, root)
    except ValueError:
        return full
    return full if rel.startswith("..") else rel.replace(os.sep, "/")


def load_sibling(name: str) -> types.ModuleType:
    """Load a helper module that sits next to this file, under a private name.

    Never through sys.path: the target must not be able to import our modules by accident.
    """
    path = os.path.join(PROBE_DIR, f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"_dash_callback_explorer_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


#: The helpers in the order they import each other by their private names.
SIBLINGS = ("guard", "capture", "callbacks", "apps", "defaults", "plain", "layouts", "comments")


def load_siblings(names: tuple[str, ...] = SIBLINGS) -> dict[str, types.ModuleType]:
    """These helpers, each loaded once per process (the live plugin builds snapshots in the
    app's own process, where a second load would make a second set of classes)."""
    return {name: sys.modules.get(f"_dash_callback_explorer_{name}") or load_sibling(name)
            for name in names}


def run(args: argparse.Namespace) -> dict:
    """Import the target with Dash instrumented and return the snapshot as a dict."""
    try:
        import dash  # before the target: the recorder patches it
    except ImportError as exc:
        raise ProbeFailure(
            "missing_module",
            f"the target's interpreter {sys.executable} cannot import 'dash' ({exc}); install "
            f"dash there, or pass --python with the target's own interpreter (its virtualenv)",
        ) from None

    # guard first: the other siblings import it by its private name; the rest after the import
    libs = load_siblings(("guard", "capture"))
    guard = libs["guard"]
    recorder = libs["capture"].Recorder(root=args.root)
    recorder.install()
    # Dash, Flask and the probe itself stay loaded until this process ends: taking them out of
    # the collector's reach means collections during the target's import scan only what the
    # target creates (the target's own garbage is collected as before).
    gc.freeze()
    module = import_target(args)
    # Everything the import created stays alive until this process ends: move it out of the
    # collector's reach, so that collections while the snapshot is built look only at new
    # objects (rescanning a 5,000-callback app's heap was half of building its snapshot).
    gc.freeze()
    snapshot = build_snapshot(recorder, module, args, guard)
    if not snapshot["apps"] and not snapshot["callbacks"]:
        raise ProbeFailure(
            "no_app",
            f"no Dash app or callback found in {args.label or args.file or args.module}; "
            f"point the tool at the file that creates `dash.Dash(...)`",
        )
    return stamp(snapshot, args.label or args.file or args.module, args.root)


def build_snapshot(recorder, module: object, args: argparse.Namespace,
                   guard: types.ModuleType) -> dict:
    """The primary app (and the others) of the import, then ``assemble`` with server setup.

    ``module`` is what the import left in sys.modules (any object a target put there)."""
    libs = load_siblings()
    apps_lib, callbacks_lib = libs["apps"], libs["callbacks"]
    try:
        apps = apps_lib.find_apps(recorder.instances, module, _module_name(args), args.attr,
                                  args.root)
    except apps_lib.AppLookupError as exc:
        raise ProbeFailure("target", str(exc)) from None
    return assemble(apps, recorder.registrations, recorder.instances, args.root,
                    own_folder(guard.module_file(module), args), recorder.note, setup=True,
                    notes=recorder.notes, named_by=args.attr)


def assemble(apps: list, registrations: list[dict], instances: list, root: str,
             own_dir: str | None, note, setup: bool, notes: list[str],
             named_by: str | None = None) -> dict:
    """The snapshot's body from found apps and registrations: layouts (walked before server
    setup changes them), then setup when ``setup`` (a running app has done its own), then
    callbacks. ``named_by`` (the target's ``:attr``): only the named apps' callbacks and the
    global ones they serve, chosen after setup, which registers some (DashProxy's blueprint).
    Shared by the child and the live plugin (``explorer/live``)."""
    libs = load_siblings()
    guard, apps_lib, callbacks_lib = libs["guard"], libs["apps"], libs["callbacks"]
    walker = libs["layouts"].LayoutWalker(lambda path: callbacks_lib.relpath(path, root))
    pages_owner = next((a for a in apps if guard.truthy(guard.attr(a.instance, "use_pages"))),
                       None)
    for app in apps:
        walker.walk_app(app.instance, app.name, "app" if app.primary else app.name,
                        with_pages=app is pages_owner)
    if setup:
        apps_lib.run_setup(apps)
    if named_by:
        everything = registrations
        registrations = callbacks_lib.of_apps(everything, [a.instance for a in apps])
        left_out = len(instances) - len(apps)
        if left_out:
            note(f"only {apps[0].name} is analysed (named by :{named_by}); "
                 f"{len(everything) - len(registrations)} callback(s) "
                 f"of {left_out} other Dash app(s) in the process are left out")
    app_of_map = {id(guard.attr(a.instance, "callback_map")): a.name for a in apps}
    managers = {a.name: info["background_manager"] for a in apps
                for info in [apps_lib.app_info(a)]}
    if apps:
        managers[""] = managers[apps[0].name]
    callbacks = callbacks_lib.callbacks(registrations, instances, root, app_of_map, managers,
                                        own_dir)
    from_libraries = sum(1 for cb in callbacks if cb.get("library"))
    if from_libraries:
        note(f"{from_libraries} callback(s) come from installed packages; findings "
             f"that concern only them are not reported")
    return {
        "callbacks": callbacks,
        "cached_functions": callbacks_lib.cached_functions(callbacks),
        "apps": [apps_lib.app_info(a) for a in apps],
        "layouts": walker.layouts,
        "components": walker.components,
        "references": walker.references,
        "component_types": walker.types,
        "component_defaults": walker.defaults,
        "noqa": libs["comments"].noqa_comments(root, {
            item["file"] for item in (*callbacks, *walker.components)
            if item.get("file") and not item.get("library")}),
        "notes": list(notes),
    }


def stamp(snapshot: dict, target: str, root: str) -> dict:
    """The snapshot's header: what was analysed, where, with which Dash and Python, when."""
    import dash

    snapshot.update(
        target=target,
        root=root,
        dash_version=getattr(dash, "__version__", ""),
        python_version=".".join(str(v) for v in sys.version_info[:3]),
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        schema_version=1,
    )
    return snapshot


def own_folder(module_file: str | None, args: argparse.Namespace) -> str | None:
    """The target's top-level package folder (else its file's folder): the project's own code
    even where it is installed in site-packages."""
    path = module_file or args.file
    if not path:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.isfile(os.path.join(folder, "__init__.py")) and \
            os.path.dirname(folder) != folder:
        parent = os.path.dirname(folder)
        if not os.path.isfile(os.path.join(parent, "__init__.py")):
            break
        folder = parent
    return folder


def script_module_name(path: str) -> str:
    """The name a script is imported under: its file's stem, unless a package of that name sits
    beside it. `python app.py` next to `app/` runs the script as __main__ and `import app` finds
    the package (cafe-neo, round 10), so the script takes its file name (`app.py`), which no
    import statement can ask for."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if os.path.isfile(os.path.join(os.path.dirname(path), stem, "__init__.py")):
        return os.path.basename(path)
    return stem


def _module_name(args: argparse.Namespace) -> str:
    return script_module_name(args.file) if args.file else args.module


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    args.root = os.path.abspath(args.root)
    args.out = os.path.abspath(args.out)
    if args.file:
        args.file = os.path.abspath(args.file)
    faulthandler.enable()  # a fatal signal leaves the target's stack on stderr (the details)
    try:
        limit_memory(args.memory_limit_mb)
        prepare_process(args.root, args.file or args.module)
        envelope = {"ok": True, "snapshot": run(args)}
    except ProbeFailure as failure:
        envelope = {
            "ok": False,
            "kind": failure.kind,
            "message": failure.message,
            "details": failure.details,
        }
    except MemoryError:
        envelope = {"ok": False, "kind": "memory", "message": "out of memory", "details": ""}
    except BaseException:  # a bug in the probe itself: say so, with its traceback
        envelope = {
            "ok": False,
            "kind": "probe",
            "message": "the probe failed while inspecting the target",
            "details": traceback.format_exc(limit=-8),
        }
    write_atomic(args.out, encode(envelope))
    # Skip interpreter shutdown: the target's non-daemon threads and atexit hooks must not
    # keep this process alive or write anything after the snapshot.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])

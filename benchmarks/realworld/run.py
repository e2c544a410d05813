"""Lint a folder of real-world Dash app checkouts and compare with what Dash serves.

    python benchmarks/realworld/run.py CHECKOUTS [--venvs DIR] [--only NAME,...] [--json OUT]
                                                 [--select CODE,...]
    python benchmarks/realworld/run.py CHECKOUTS --make-venvs    # create the venvs first

For each ``[[app]]`` of ``manifest.toml`` (next to this file), with ``CHECKOUTS/<name>`` holding
the app's repository at the manifest's commit (see docs/realworld.md, "Recreating the corpus"):

1. lint: ``python -m analysis ENTRY --python VENV/bin/python --format json --save-snapshot``,
   run from the app's root folder, timed, exit code kept;
2. served: ``VENV/bin/python served.py`` imports the app in its own process and GETs
   ``/_dash-dependencies`` through the Flask test client (no network), Dash's own callbacks left
   out (``served_entry``/``served_auth`` in the manifest: an app factory to call, BasicAuth
   credentials);
3. prints a Markdown table: callbacks found (the snapshot's, less Dash-internal ones and those Dash replaced) vs
   served, exit code, time, findings by code; ``--json`` also writes every detail.

Nothing of the apps is installed into this interpreter: each runs in ``VENVS/<venv>``
(``dash==4.4.1`` plus the manifest's ``packages``).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DASH_PIN = "dash==4.4.1"


def load_manifest(path: Path) -> list[dict]:
    with open(path, "rb") as handle:
        apps = tomllib.load(handle)["app"]
    for app in apps:
        app.setdefault("root", "")
        app.setdefault("venv", "corpus")
        app.setdefault("packages", [])
        app.setdefault("env", {})
        app.setdefault("timeout", 120)
        app.setdefault("checkout", app["name"])
        app.setdefault("offline", False)
        app.setdefault("prepare", [])
        app.setdefault("python", "")
        app.setdefault("served_entry", app["entry"])
        app.setdefault("served_auth", "")
    return apps


def venv_python(venvs: Path, name: str) -> Path:
    return venvs / name / "bin" / "python"


def make_venvs(apps: list[dict], venvs: Path) -> None:
    """One venv per distinct ``venv`` name, with dash pinned and every app's packages.

    Apps marked ``skip`` are left out (``--include-skipped`` clears the mark first): their
    packages are often the reason they are skipped (neurotk's needs a native GDAL build), and
    one failed install stops every venv after it."""
    wanted: dict[str, list[str]] = collections.defaultdict(list)
    versions: dict[str, str] = {}
    for app in (a for a in apps if not a.get("skip")):
        wanted[app["venv"]].extend(p for p in app["packages"] if p not in wanted[app["venv"]])
        if app["python"]:
            versions[app["venv"]] = app["python"]
    for name, packages in wanted.items():
        python = venv_python(venvs, name)
        if not python.exists():
            # an app that needs a newer Python names it (`python = "3.13"`): python3.13 on PATH
            base = f"python{versions[name]}" if name in versions else sys.executable
            subprocess.run([base, "-m", "venv", str(venvs / name)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", DASH_PIN, *packages],
                       check=True)


def lint(app: dict, root: Path, python: Path, select: str = "",
         keep_snapshot: bool = False) -> dict:
    """``select``: the linter's ``--select`` (empty: the app's own settings, else the default set);
    ``keep_snapshot``: the snapshot itself under ``"snapshot"`` (live_parity.py compares it)."""
    with tempfile.TemporaryDirectory() as tmp:
        snap_file = Path(tmp) / "snapshot.json"
        # -P: the app's folder (the working directory) must not come first on sys.path, or an
        # app's own package named `analysis` hides the linter (convenience-paradox, round 10)
        command = [sys.executable, "-P", "-m", "analysis", app["entry"], "--python", str(python),
                   "--format", "json", "--save-snapshot", str(snap_file),
                   "--timeout", str(app["timeout"])] + (["--select", select] if select else [])
        env = {**os.environ, **app["env"], "PYTHONPATH": os.pathsep.join(
            [str(REPO)] + ([str(HERE / "offline")] if app["offline"] else []))}
        start = time.perf_counter()
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True,
                              timeout=app["timeout"] + 60)
        seconds = time.perf_counter() - start
        result = {"exit": done.returncode, "seconds": round(seconds, 2),
                  "stderr_first": done.stderr.strip().splitlines()[0] if done.stderr.strip() else ""}
        try:
            report = json.loads(done.stdout) if done.returncode in (0, 1) else None
        except json.JSONDecodeError:  # not the linter's report: keep its output, do not stop
            report, result["exit"] = None, f"{done.returncode} (no report)"
            result["stderr_first"] = (done.stderr.strip().splitlines() or [""])[-1]
        if report is not None:
            result["findings"] = report["findings"]
            result["by_code"] = dict(sorted(collections.Counter(
                f["code"] for f in report["findings"]).items()))
        else:
            result["stderr"] = done.stderr[-4000:]
        if snap_file.exists():
            snap = json.loads(snap_file.read_text())
            if keep_snapshot:
                result["snapshot"] = snap
            callbacks = snap.get("callbacks", [])
            # what Dash serves: a registration Dash replaced by a later one (same key) is not
            result["callbacks"] = sum(1 for c in callbacks
                                      if not c.get("internal") and not c.get("dropped"))
            result["internal"] = sum(1 for c in callbacks if c.get("internal"))
            result["library"] = sum(1 for c in callbacks if c.get("library"))
            result["dropped"] = sum(1 for c in callbacks if c.get("dropped"))
            result["clientside"] = sum(1 for c in callbacks
                                       if c.get("kind") == "clientside" and not c.get("internal"))
            result["background"] = sum(1 for c in callbacks if c.get("background"))
            result["apps"] = [a.get("name") for a in snap.get("apps", [])]
            result["setup_errors"] = [a["setup_error"] for a in snap.get("apps", [])
                                      if a.get("setup_error")]
    return result


def served(app: dict, root: Path, python: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "served.json"
        env = {**os.environ, **app["env"]}
        env.pop("PYTHONPATH", None)
        if app["offline"]:
            env["PYTHONPATH"] = str(HERE / "offline")
        try:
            subprocess.run([str(python), str(HERE / "served.py"), "--root", str(root),
                            "--entry", app["served_entry"], "--out", str(out)]
                           + (["--auth", app["served_auth"]] if app["served_auth"] else []),
                           cwd=root, env=env, capture_output=True, text=True,
                           timeout=app["timeout"], stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return {"error": "timeout"}
        if not out.exists():
            return {"error": "no result"}
        return json.loads(out.read_text())


def served_count(result: dict) -> str:
    if result.get("error"):
        return "error"
    counts = [a.get("own") for a in result.get("apps", []) if "shares_callbacks_with" not in a]
    if not counts or any(c is None for c in counts):
        return "error"
    return str(sum(counts))


def row(app: dict, lint_result: dict, served_result: dict) -> str:
    found = lint_result.get("callbacks", "—")
    notes = [f"{lint_result[k]} {label}" for k, label in (("library", "lib"), ("dropped", "dropped"))
             if lint_result.get(k)]
    if notes:
        found = f"{found} ({', '.join(notes)})"
    codes = ", ".join(f"{code} ×{n}" if n > 1 else code
                      for code, n in lint_result.get("by_code", {}).items()) or "—"
    if lint_result["exit"] not in (0, 1):
        codes = "error: " + lint_result["stderr_first"].removeprefix("error: ")[:90]
    return (f"| {app['name']} | {found} | {served_count(served_result)} | {lint_result['exit']} "
            f"| {lint_result['seconds']:.1f} | {codes} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", type=Path, help="folder with one checkout per app name")
    parser.add_argument("--venvs", type=Path, default=None,
                        help="folder of the venvs (default CHECKOUTS/venvs)")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.toml")
    parser.add_argument("--only", default="", help="comma-separated app names")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--select", default="",
                        help="rule codes or prefixes to run, as the CLI's (default: its default set)")
    parser.add_argument("--include-skipped", action="store_true",
                        help="also run apps the manifest marks `skip`")
    parser.add_argument("--make-venvs", action="store_true", help="create/update the venvs")
    args = parser.parse_args(argv)

    apps = load_manifest(args.manifest)
    if args.only:
        names = set(args.only.split(","))
        apps = [a for a in apps if a["name"] in names]
    if args.include_skipped:
        for app in apps:
            app.pop("skip", None)
    venvs = (args.venvs or args.checkouts / "venvs").resolve()
    if args.make_venvs:
        make_venvs(apps, venvs)
        return 0

    print("| app | callbacks found | served | exit | time s | findings |")
    print("|---|---|---|---|---|---|")
    results = []
    for app in apps:
        if app.get("skip"):
            print(f"| {app['name']} | skipped: {app['skip']} | | | | |", flush=True)
            continue
        root = (args.checkouts / app["checkout"] / app["root"]).resolve()
        python = venv_python(venvs, app["venv"])
        if not root.is_dir() or not python.exists():
            print(f"| {app['name']} | missing {'checkout' if not root.is_dir() else 'venv'} "
                  f"| | | | |", flush=True)
            continue
        for command in app["prepare"]:  # the app's own build step, from the checkout's top
            subprocess.run(command, shell=True, check=True,
                           cwd=args.checkouts / app["checkout"])
        lint_result = lint(app, root, python, args.select)
        served_result = served(app, root, python)
        print(row(app, lint_result, served_result), flush=True)
        results.append({"app": app, "lint": lint_result, "served": served_result})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

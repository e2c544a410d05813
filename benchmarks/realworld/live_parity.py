"""Compare the live plugin's snapshot and findings with the linter's, app by app.

    python benchmarks/realworld/live_parity.py CHECKOUTS --only NAME,... [--venvs DIR]
                                                         [--json OUT] [--details]

The live plugin (``explorer.live``, docs/live.md) builds its snapshot from a running app's own
registrations; a user must see there the findings ``python -m analysis`` gives on the same app.
For each app of ``manifest.toml`` named by ``--only`` (checkouts and venvs as for run.py):

1. lint: ``python -P -m analysis ENTRY --python VENV/bin/python --format json
   --save-snapshot`` from the app's root, exactly as run.py does;
2. live: ``VENV/bin/python live_parity.py --child ...`` with this repository on PYTHONPATH
   (nothing is installed into the venv) imports the app as served.py does (``Dash.run`` a
   no-op, ``served_entry``'s factory called), plugs ``explorer.live.plugin()`` into every Dash
   app created, makes one request through the Flask test client (``_dash-dependencies``: the
   server is set up, as a browser's first request does), reads ``_dce/live/snapshot`` and
   lints it with ``explorer.live.snapshot.findings_of`` (the page's findings);
3. compares the two: callbacks by output key (each one's outputs, inputs, states, progress,
   cancel and running, ids as canonical JSON, and the flags the rules read), and findings as
   (code, functions). Prints a Markdown table: app, callbacks lint/live, findings lint/live,
   differences; ``--details`` prints each difference under the table, ``--json`` writes all.

Dash's own callbacks (Pages router, background cancel handlers) are left out on both sides.
An app whose process holds several Dash apps gets one live snapshot per app (the plugin is per
app); their callbacks and findings are pooled before the comparison.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

#: The dependency lists of a callback the comparison reads (snapshot keys).
KINDS = ("outputs", "inputs", "states", "progress", "cancel", "running")
#: The flags of a callback the rules read, compared too.
FLAGS = ("kind", "multi_output", "no_output", "optional", "prevent_initial_call_effective",
         "background", "library")


def child(root: str, entry: str, out: str, auth: str) -> None:
    """In the app's venv: import it, plug the live plugin, write its live snapshots/findings."""
    import base64
    import traceback

    os.chdir(root)
    result: dict = {"apps": [], "error": None}
    try:
        # ours first: an app's own top-level `analysis` package must not hide the linter
        import explorer.live
        from analysis.snapshot import Snapshot
        from explorer.live.snapshot import findings_of
        import served  # beside this file: sys.path[0] while it runs as a script

        sys.path.insert(0, root)
        headers = ({"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()}
                   if auth else {})
        lists: set[int] = set()
        apps = []
        for app in served.import_apps(root, entry):
            if id(app._callback_list) in lists:  # handed another app's callbacks: served again
                continue
            lists.add(id(app._callback_list))
            explorer.live.plugin().plug(app)  # before any request: Flask refuses routes after
            apps.append(app)
        for app in apps:
            client = app.server.test_client()
            prefix = app.config.routes_pathname_prefix
            setup = client.get(prefix + "_dash-dependencies", headers=headers)
            answer = client.get(prefix + "_dce/live/snapshot", headers=headers)
            entry_result = {"class": type(app).__name__, "status": [setup.status_code,
                                                                    answer.status_code]}
            if answer.status_code == 200:
                snapshot = Snapshot.from_json(answer.get_data())
                entry_result["snapshot"] = json.loads(answer.get_data())
                entry_result["findings"] = [f.to_dict() for f in findings_of(snapshot)]
            else:
                entry_result["error"] = answer.get_data(as_text=True)[-500:]
            result["apps"].append(entry_result)
    except BaseException as exc:  # the target's failure is data here, not a crash of ours
        result["error"] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        result["details"] = "".join(traceback.format_exception(exc))[-3000:]
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    sys.stdout.flush()
    os._exit(0)  # skip the target's atexit/threads


def live(app: dict, root: Path, python: Path) -> dict:
    """Run the child for one app in its venv; its result (or an error)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "live.json"
        paths = [str(REPO)] + ([str(HERE / "offline")] if app["offline"] else [])
        env = {**os.environ, **app["env"], "PYTHONPATH": os.pathsep.join(paths)}
        command = [str(python), str(Path(__file__).resolve()), "--child", "--root", str(root),
                   "--entry", app["served_entry"], "--out", str(out),
                   "--auth", app["served_auth"]]
        try:
            done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True,
                                  timeout=2 * app["timeout"] + 60, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return {"error": "timeout"}
        if not out.exists():
            return {"error": "no result: " + (done.stderr.strip().splitlines() or [""])[-1]}
        return json.loads(out.read_text())


def generated(text: str) -> str:
    """Ids with their generated parts replaced: they change from one process to the next
    (``normalise_id``'s, and a long hex run glued to a prefix: dash-spa's ``s85b0...``)."""
    from analysis.findings import normalise_id

    return _HEX_RUN.sub("<generated>", normalise_id(text))


_HEX_RUN = re.compile(r"[0-9a-f]{12,}")


def dependency(dep: dict) -> str:
    """One dependency as comparable text: canonical JSON id (generated parts replaced),
    property, flags."""
    flags = "".join(f" {name}" for name in ("allow_duplicate", "allow_optional") if dep.get(name))
    return generated(f"{json.dumps(dep['id'], sort_keys=True)}.{dep['property']}{flags}")


def wiring(callback: dict) -> dict:
    """What the comparison reads of one callback of a snapshot. A clientside callback without
    a place (a live one's) has an unknown origin: its ``library`` flag is not compared."""
    shape = {kind: sorted(dependency(d) for d in callback.get(kind) or ()) for kind in KINDS}
    shape.update({flag: callback.get(flag) for flag in FLAGS})
    shape["function"] = callback.get("function")
    if callback.get("kind") == "clientside" and not callback.get("file"):
        shape["library"] = UNKNOWN
    return shape


UNKNOWN = "unknown"


def by_key(snapshots: list[dict]) -> dict[str, list[dict]]:
    """The callbacks Dash serves (not its own, not those it replaced by a later one of the
    same key), by output key (generated ids replaced), each as ``wiring``."""
    found: dict[str, list[dict]] = collections.defaultdict(list)
    for snapshot in snapshots:
        for callback in snapshot.get("callbacks", []):
            if not callback.get("internal") and not callback.get("dropped"):
                found[generated(callback.get("output_key", ""))].append(wiring(callback))
    return found


def finding_keys(findings: list[dict]) -> collections.Counter:
    return collections.Counter((f["code"], tuple(f["functions"])) for f in findings)


def compare(lint_result: dict, live_result: dict) -> dict:
    """The differences between the lint's snapshot/findings and the live ones."""
    lint_cbs = by_key([lint_result.get("snapshot") or {}])
    live_apps = [a for a in live_result.get("apps", []) if "snapshot" in a]
    live_cbs = by_key([a["snapshot"] for a in live_apps])
    callbacks = []
    for key in sorted(set(lint_cbs) | set(live_cbs)):
        ours, theirs = lint_cbs.get(key, []), live_cbs.get(key, [])
        if len(ours) != len(theirs):
            callbacks.append({"key": key, "lint": len(ours), "live": len(theirs)})
            continue
        for mine, other in zip(sorted(ours, key=json.dumps), sorted(theirs, key=json.dumps)):
            fields = {name: [mine[name], other[name]] for name in mine
                      if mine[name] != other[name] and UNKNOWN not in (mine[name], other[name])}
            if fields:
                callbacks.append({"key": key, "function": mine["function"], "fields": fields})
    lint_findings = finding_keys(lint_result.get("findings", []))
    live_findings = finding_keys([f for a in live_apps for f in a["findings"]])
    return {
        "callbacks": callbacks,
        "lint_only": sorted(lint_findings - live_findings),
        "live_only": sorted(live_findings - lint_findings),
        "counts": (sum(len(v) for v in lint_cbs.values()), sum(len(v) for v in live_cbs.values()),
                   sum(lint_findings.values()), sum(live_findings.values())),
    }


def short(items: list, limit: int = 3) -> str:
    """Findings as ``CODE f`` (the short function names), the first few and a count."""
    text = [f"{code} {','.join(name.rsplit('.', 1)[-1] for name in functions)}"
            for code, functions in items[:limit]]
    return "; ".join(text) + (f"; +{len(items) - limit}" if len(items) > limit else "")


def row(name: str, lint_result: dict, live_result: dict, diff: dict | None) -> str:
    if diff is None:
        why = lint_result.get("stderr_first") if lint_result.get("snapshot") is None else \
            live_result.get("error") or "no live snapshot"
        return f"| {name} | — | — | error: {str(why)[:100]} |"
    lint_cb, live_cb, lint_n, live_n = diff["counts"]
    parts = []
    if diff["callbacks"]:
        fields = collections.Counter(f for d in diff["callbacks"]
                                     for f in d.get("fields", {"count": 0}))
        parts.append(f"{len(diff['callbacks'])} callback(s) differ ("
                     + ", ".join(f"{f} ×{n}" for f, n in fields.items()) + ")")
    if diff["lint_only"]:
        parts.append("lint only: " + short(diff["lint_only"]))
    if diff["live_only"]:
        parts.append("live only: " + short(diff["live_only"]))
    return (f"| {name} | {lint_cb} / {live_cb} | {lint_n} / {live_n} | "
            f"{'; '.join(parts) or 'none'} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", type=Path, nargs="?", help="folder with one checkout per app")
    parser.add_argument("--venvs", type=Path, default=None,
                        help="folder of the venvs (default CHECKOUTS/venvs)")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.toml")
    parser.add_argument("--only", default="", help="comma-separated app names (required)")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--details", action="store_true", help="print each difference")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--entry", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--auth", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.root, args.entry, args.out, args.auth)
    if args.checkouts is None or not args.only:
        parser.error("give the CHECKOUTS folder and --only NAME,... (apps of the manifest)")
    sys.path.insert(0, str(REPO))  # the linter's own modules (normalise_id) for the comparison
    from run import lint, load_manifest, venv_python  # beside this file

    names = args.only.split(",")
    apps = {a["name"]: a for a in load_manifest(args.manifest)}
    unknown = [n for n in names if n not in apps]
    if unknown:
        parser.error(f"not in {args.manifest.name}: {', '.join(unknown)}")
    venvs = (args.venvs or args.checkouts / "venvs").resolve()
    print("| app | callbacks lint / live | findings lint / live | differences |")
    print("|---|---|---|---|", flush=True)
    results = []
    for name in names:
        app = apps[name]
        root = (args.checkouts / app["checkout"] / app["root"]).resolve()
        python = venv_python(venvs, app["venv"])
        lint_result = lint(app, root, python, keep_snapshot=True)
        live_result = live(app, root, python)
        ok = lint_result.get("snapshot") is not None and any(
            "snapshot" in a for a in live_result.get("apps", []))
        diff = compare(lint_result, live_result) if ok else None
        print(row(name, lint_result, live_result, diff), flush=True)
        results.append({"app": name, "diff": diff, "live_error": live_result.get("error"),
                        "live_apps": [{k: v for k, v in a.items() if k != "snapshot"}
                                      for a in live_result.get("apps", [])],
                        "lint_exit": lint_result["exit"]})
    if args.details:
        for result in results:
            for item in (result["diff"] or {}).get("callbacks", []):
                print(f"{result['app']}: {json.dumps(item)[:600]}")
            for side in ("lint_only", "live_only"):
                for code, functions in (result["diff"] or {}).get(side, []):
                    print(f"{result['app']}: {side} {code} {', '.join(functions)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Regenerate the docs written from code: the rule catalog and the module map."""
from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python docs/generate.py` from anywhere
    sys.path.insert(0, str(ROOT))

from analysis.cli import NEEDS_RUN_NOTE  # noqa: E402
from analysis.rules import Rule, all_rules  # noqa: E402
from analysis.settings import THRESHOLD_KEYS, Thresholds  # noqa: E402
from analysis.snapshot import write_atomic  # noqa: E402

RULES_MD = ROOT / "docs" / "rules.md"
BEGIN = "<!-- BEGIN GENERATED CATALOG: edit the rule modules, then run `python docs/generate.py` -->"
END = "<!-- END GENERATED CATALOG -->"
ARCHITECTURE_MD = ROOT / "docs" / "ARCHITECTURE.md"
MAP_BEGIN = ("<!-- BEGIN GENERATED MODULE MAP: edit the modules' docstrings, then run "
             "`python docs/generate.py` -->")
MAP_END = "<!-- END GENERATED MODULE MAP -->"
STATIC_MD = ROOT / "docs" / "static.md"
STATIC_BEGIN = ("<!-- BEGIN GENERATED STATIC TABLE: edit the rules' static_gap/static_note, then "
                "run `python docs/generate.py` -->")
STATIC_END = "<!-- END GENERATED STATIC TABLE -->"
LIVE_MD = ROOT / "docs" / "live.md"
THRESHOLDS_BEGIN = ("<!-- BEGIN GENERATED THRESHOLDS: edit analysis/settings.py, then run "
                    "`python docs/generate.py` -->")
THRESHOLDS_END = "<!-- END GENERATED THRESHOLDS -->"
#: What each runtime threshold setting decides (its rule), for the generated table.
THRESHOLD_RULES = {"per_action": ("RUNTIME001", "more requests of one callback for one user "
                                  "action or page load than this"),
                   "slow_load_ms": ("RUNTIME002", "a p95 of a callback's page-load calls "
                                    "over this many milliseconds")}
#: What a rule that runs statically does there when its declaration says nothing more.
STATIC_SAME = "as in import mode, on the callbacks and layouts the source tells"
#: The packages the module map shows, in the order data flows through them.
MAPPED = ("analysis", "explorer")
#: A rationale section heading (``## What it does``) that becomes a sub-heading of its rule.
_SECTION = re.compile(r"^## ", re.MULTILINE)


def render_catalog(rules: tuple[Rule, ...] | None = None) -> str:
    """The generated block: a summary table, then each rule's rationale, between the markers.

    >>> render_catalog(()).splitlines()[0] == BEGIN
    True
    """
    rules = all_rules() if rules is None else rules
    lines = [
        BEGIN,
        "",
        "## Catalog",
        "",
        "Generated from the rule modules in `analysis/rules/` (the same text as "
        "`python -m analysis rules` and `python -m analysis rule CODE`). Regenerate with "
        "`python docs/generate.py`; `tests/test_docs.py` fails when this block is stale.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | "
              f"{_cell(r.summary)}{_note(r)} |" for r in rules]
    for r in rules:
        lines += ["", f"### {r.code}", "", f"`{r.name}` · {r.severity} · {r.summary}", ""]
        if not r.default:
            lines += [f"Off by default: enable with `--select {r.code}`.", ""]
        if r.needs_run:
            lines += [f"N{NEEDS_RUN_NOTE[1:]} ([docs/live.md](live.md#evidence)).", ""]
        lines += [_demote_headings(r.rationale)]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def render_static_table(rules: tuple[Rule, ...] | None = None) -> str:
    """The per-rule table of static mode: whether each rule runs there and what it misses."""
    rules = all_rules() if rules is None else rules
    lines = [STATIC_BEGIN, "", "| code | name | runs statically | what static mode misses, or why it cannot run |",
             "|---|---|---|---|"]
    for r in rules:
        runs = "no" if r.static_gap else "yes"
        lines.append(f"| {r.code} | {r.name} | {runs} | "
                     f"{_cell(r.static_gap or r.static_note or STATIC_SAME)} |")
    lines += ["", STATIC_END]
    return "\n".join(lines) + "\n"


def _note(rule: Rule) -> str:
    """What the catalog's table adds to a rule's summary."""
    if rule.needs_run:
        return " (needs a run)"
    return "" if rule.default else " (off by default)"


def render_thresholds() -> str:
    """The runtime rules' threshold settings: pyproject key, explorer option, default."""
    lines = [THRESHOLDS_BEGIN, "", "| `[tool.dash-callback-explorer]` key | explorer option | "
             "default | rule: reported past |", "|---|---|---:|---|"]
    for key, (field, _) in THRESHOLD_KEYS.items():
        code, what = THRESHOLD_RULES[field]
        lines.append(f"| `{key}` | `--{key}` | {getattr(Thresholds, field):g} | "
                     f"[{code}](rules.md#{code.lower()}): {what} |")
    lines += ["", THRESHOLDS_END]
    return "\n".join(lines) + "\n"


def render_module_map(root: Path = ROOT) -> str:
    """The generated block: every package and module of ``MAPPED`` with the first line of its
    docstring, each package's modules before its subpackages.

    >>> render_module_map().splitlines()[0] == MAP_BEGIN
    True
    """
    lines = [MAP_BEGIN, "", "| path | what it is |", "|---|---|"]
    for package in MAPPED:
        lines += _package_rows(root, root / package)
    lines += ["", MAP_END]
    return "\n".join(lines) + "\n"


def _package_rows(root: Path, folder: Path) -> list[str]:
    rows = [f"| **`{folder.relative_to(root).as_posix()}/`** | "
            f"{_cell(_summary(folder / '__init__.py'))} |"]
    modules = sorted(p for p in folder.glob("*.py") if p.name != "__init__.py")
    rows += [f"| `{p.relative_to(root).as_posix()}` | {_cell(_summary(p))} |" for p in modules]
    for sub in sorted(p for p in folder.iterdir() if (p / "__init__.py").is_file()):
        rows += _package_rows(root, sub)
    return rows


def _summary(path: Path) -> str:
    """The first line of a module's docstring (every module opens with one)."""
    doc = (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "").strip()
    return doc.splitlines()[0] if doc else "(no docstring)"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _demote_headings(rationale: str) -> str:
    """``## What it does`` -> ``#### What it does`` so sections nest under the rule heading;
    lines inside fenced code blocks are left alone."""
    out: list[str] = []
    fenced = False
    for line in rationale.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        out.append(_SECTION.sub("#### ", line) if not fenced else line)
    return "\n".join(out)


def updated_text(current: str, block: str, begin: str = BEGIN, end: str = END,
                 title: str = "# Rules") -> str:
    """``current`` with its generated block replaced (or put first, under ``title``, when there
    is none); the hand-written text around the markers is kept as it is."""
    start, stop = current.find(begin), current.find(end)
    if start == -1 or stop == -1:
        return f"{title}\n\n" + block + ("\n" + current if current.strip() else "")
    rest = current[stop + len(end):].lstrip("\n")
    return current[:start] + block + ("\n" + rest if rest else "")


CATALOG_PY = ROOT / "analysis" / "rules" / "_catalog.py"


def render_rule_index(rules: tuple[Rule, ...] | None = None) -> str:
    """``analysis/rules/_catalog.py``: each rule module's code and when its rule runs, so a
    lint run imports only the modules of the rules it runs (their import was a tenth of a
    static run's CPU).

    >>> "RULES = {" in render_rule_index(())
    True
    """
    rules = all_rules() if rules is None else rules
    lines = [
        '"""Each rule module\'s code, default and static support, read without importing it."""',
        "",
        "# Generated by `python docs/generate.py` from the rules themselves: never edit by hand",
        "# (tests/test_docs.py fails when it is stale). Read by analysis.rules.rules_to_run.",
        "",
        "#: Rule module -> (code, on by default, runs in static mode).",
        "RULES = {",
    ]
    lines += [f'    "{r.check.__module__.rsplit(".", 1)[-1]}": '
              f'("{r.code}", {r.default}, {r.static_gap is None}),'
              for r in sorted(rules, key=lambda r: r.check.__module__)]
    lines.append("}")
    return "\n".join(lines) + "\n"


def generated_docs() -> dict[Path, str]:
    """Each generated file and the whole text it should hold."""
    def read(path: Path) -> str:
        return path.read_text(encoding="utf-8") if path.exists() else ""

    return {
        RULES_MD: updated_text(read(RULES_MD), render_catalog()),
        ARCHITECTURE_MD: updated_text(read(ARCHITECTURE_MD), render_module_map(), MAP_BEGIN,
                                      MAP_END, "# Architecture"),
        STATIC_MD: updated_text(read(STATIC_MD), render_static_table(), STATIC_BEGIN,
                                STATIC_END, "# Static mode"),
        LIVE_MD: updated_text(read(LIVE_MD), render_thresholds(), THRESHOLDS_BEGIN,
                              THRESHOLDS_END, "# Live: the explorer inside the running app"),
        CATALOG_PY: render_rule_index(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a generated doc is not up to date, write nothing")
    args = parser.parse_args(argv)
    stale = 0
    for path, wanted in generated_docs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if wanted == current:
            continue
        if args.check:
            print(f"{path} is stale: run `python docs/generate.py`", file=sys.stderr)
            stale = 1
        else:
            write_atomic(path, wanted)
    return stale


if __name__ == "__main__":
    raise SystemExit(main())

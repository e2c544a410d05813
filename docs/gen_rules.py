"""Regenerate the rule catalog in docs/rules.md from the rules' own text (analysis.rules)."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python docs/gen_rules.py` from anywhere
    sys.path.insert(0, str(ROOT))

from analysis.rules import Rule, all_rules  # noqa: E402
from analysis.snapshot import write_atomic  # noqa: E402

RULES_MD = ROOT / "docs" / "rules.md"
BEGIN = "<!-- BEGIN GENERATED CATALOG: edit the rule modules, then run `python docs/gen_rules.py` -->"
END = "<!-- END GENERATED CATALOG -->"
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
        "`python docs/gen_rules.py`; `tests/test_docs.py` fails when this block is stale.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | "
              f"{_cell(r.summary)} |" for r in rules]
    for r in rules:
        lines += ["", f"### {r.code}", "", f"`{r.name}` · {r.severity} · {r.summary}", "",
                  _demote_headings(r.rationale)]
    lines += ["", END]
    return "\n".join(lines) + "\n"


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


def updated_text(current: str, catalog: str) -> str:
    """``current`` with its generated block replaced (or put first when there is none); the
    hand-written text around the markers is kept as it is."""
    start, end = current.find(BEGIN), current.find(END)
    if start == -1 or end == -1:
        return "# Rules\n\n" + catalog + ("\n" + current if current.strip() else "")
    rest = current[end + len(END):].lstrip("\n")
    return current[:start] + catalog + ("\n" + rest if rest else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when docs/rules.md is not up to date, write nothing")
    args = parser.parse_args(argv)
    current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
    wanted = updated_text(current, render_catalog())
    if args.check:
        if wanted != current:
            print(f"{RULES_MD} is stale: run `python docs/gen_rules.py`", file=sys.stderr)
            return 1
        return 0
    if wanted != current:
        write_atomic(RULES_MD, wanted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

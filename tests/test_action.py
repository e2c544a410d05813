"""action.yml: its shell steps, run in order with bash as a runner would, against a fixture app."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from installed import clean_env, copy_of_the_tree
from paths import APPS, REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def substitute(text: str, context: dict[str, str]) -> str:
    """``${{ name }}`` filled in from ``context``; an unknown name fails the test."""
    return EXPRESSION.sub(lambda match: context[match.group(1)], text)


def run_steps(inputs: dict[str, str], workspace: Path, path: str, action_path: Path) -> list:
    """Each ``run:`` step in order (``uses:`` steps are GitHub's own), the way a runner runs a
    composite action's steps: bash -e, the step's env, GITHUB_OUTPUT read into ``steps``."""
    defaults = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    context = {f"inputs.{name}": value for name, value in {**defaults, **inputs}.items()}
    context["github.action_path"] = str(action_path)
    results = []
    for step in ACTION["runs"]["steps"]:
        if "run" not in step:
            continue
        assert "if" not in step and step["shell"] == "bash"
        output = workspace.parent / f"output-{len(results)}"
        output.write_text("")
        env = clean_env(PATH=f"{path}:{os.environ['PATH']}", GITHUB_OUTPUT=str(output),
                        RUNNER_TEMP=str(workspace.parent))
        env.update({key: substitute(str(value), context)
                    for key, value in step.get("env", {}).items()})
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               substitute(step["run"], context)],
                              cwd=workspace, env=env, capture_output=True, text=True,
                              timeout=900)
        results.append(done)
        for line in output.read_text().splitlines():
            key, _, value = line.partition("=")
            context[f"steps.{step['id']}.outputs.{key}"] = value
        if done.returncode != 0:
            break
    return results


@pytest.mark.slow
def test_the_action_lints_writes_sarif_and_fails_on_findings(installed_tool, tmp_path):
    workspace = tmp_path / "workspace"
    shutil.copytree(APPS / "outputs_and_cycles" / "single_bad", workspace)
    action_path = copy_of_the_tree(tmp_path / "action")
    install, lint, verdict = run_steps({"target": "app.py", "args": "--select DASH0"},
                                       workspace, str(installed_tool), action_path)
    assert install.returncode == 0, install.stderr
    assert lint.returncode == 0, lint.stderr
    assert "::error file=app.py" in lint.stdout  # annotations in the log
    assert verdict.returncode == 1 and "reported findings" in verdict.stdout
    sarif = json.loads((workspace / "dash-callback-explorer.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert results and all(r["ruleId"].startswith("DASH0") for r in results)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in results} == {"app.py"}

"""project_settings: the one reader of a project's lint settings (CLI and explorer alike)."""

from __future__ import annotations

import pytest

from analysis.errors import ConfigError
from analysis.settings import LintSettings, project_settings

SECTION = "[tool.dash-callback-explorer]\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pyproject.toml").write_text(SECTION + 'select = ["DASH0"]\nignore = ["DASH040"]\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("")
    return tmp_path


def test_the_nearest_pyproject_of_the_target_is_read(project):
    expected = LintSettings(select=("DASH0",), ignore=("DASH040",))
    assert project_settings(project / "src" / "app.py") == expected
    assert project_settings(str(project)) == expected


def test_the_command_line_selects_over_and_ignores_on_top(project):
    merged = project_settings(project, select=["dash001,DASH040"], ignore=["DASH01"])
    assert merged == LintSettings(select=("DASH001", "DASH040"), ignore=("DASH040", "DASH01"))


def test_an_explicit_config_wins_over_the_nearest(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("other") / "pyproject.toml"
    other.write_text(SECTION + 'ignore = ["DASH001"]\n')
    assert project_settings(project / "src", config=other) == LintSettings(ignore=("DASH001",))


def test_no_such_path_or_no_start_means_the_current_directory(project, monkeypatch):
    monkeypatch.chdir(project / "src")
    expected = LintSettings(select=("DASH0",), ignore=("DASH040",))
    assert project_settings("pkg.module:app") == expected
    assert project_settings(None) == expected


def test_no_section_anywhere_is_the_defaults(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert project_settings(tmp_path) == LintSettings()


@pytest.mark.parametrize("text, select, ignore, where", [
    ('select = ["DASH999"]', (), (), "pyproject.toml select"),
    ('ignore = ["NOPE"]', (), (), "pyproject.toml ignore"),
    ("", ["DASH999"], (), "--select"),
    ("", (), ["DASH999"], "--ignore"),
])
def test_unknown_codes_name_where_they_came_from(tmp_path, text, select, ignore, where):
    (tmp_path / "pyproject.toml").write_text(SECTION + text + "\n")
    with pytest.raises(ConfigError) as error:
        project_settings(tmp_path, select=select, ignore=ignore)
    assert error.value.message.split(": unknown rule code")[0].endswith(where)


def test_a_missing_config_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        project_settings(tmp_path, config=tmp_path / "missing.toml")

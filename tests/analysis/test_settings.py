"""project_settings: the one reader of a project's lint settings (CLI and explorer alike)."""

from __future__ import annotations

import pytest

from analysis.errors import ConfigError
from analysis.settings import LintSettings, Thresholds, project_settings

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


def test_runtime_codes_are_selected_and_ignored_like_the_others(tmp_path):
    (tmp_path / "pyproject.toml").write_text(SECTION + 'ignore = ["RUNTIME002", "runtime00"]\n')
    settings = project_settings(tmp_path, select=["RUNTIME001"])
    assert settings.select == ("RUNTIME001",) and settings.ignore == ("RUNTIME002", "RUNTIME00")


def test_the_runtime_thresholds_are_settings_with_defaults(tmp_path):
    assert project_settings(tmp_path).thresholds == Thresholds(per_action=10, slow_load_ms=1000.0)
    (tmp_path / "pyproject.toml").write_text(SECTION + "live-per-action = 25\nlive-slow-ms = 250\n")
    settings = project_settings(tmp_path, ignore=["DASH040"])  # the command line keeps them
    assert settings.thresholds == Thresholds(per_action=25, slow_load_ms=250.0)
    assert settings.ignore == ("DASH040",)


@pytest.mark.parametrize("line, message", [
    ("live-per-action = 0", "'live-per-action' must be a whole number of at least 1"),
    ("live-per-action = 2.5", "'live-per-action' must be a whole number"),
    ("live-slow-ms = 0", "'live-slow-ms' must be a positive number, e.g. live-slow-ms = 1000"),
    ('live-slow-ms = "fast"', "'live-slow-ms' must be a positive number"),
    ("live-slow = 5", "unknown key(s) ['live-slow']"),
])
def test_a_bad_threshold_names_the_file_and_the_key(tmp_path, line, message):
    (tmp_path / "pyproject.toml").write_text(SECTION + line + "\n")
    with pytest.raises(ConfigError) as raised:
        project_settings(tmp_path)
    assert message in raised.value.message and str(tmp_path) in raised.value.message

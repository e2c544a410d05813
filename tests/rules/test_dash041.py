"""DASH041 self-loop-without-trigger on the runtime fixture apps."""

from __future__ import annotations

import pytest

from snapshot_factory import flagged, probed_findings, reported_names, server, snapshot


def test_dash041_sync_pattern_without_trigger():
    assert flagged(probed_findings("runtime/events_app.py"), "DASH041") == {"sync_without_trigger"}


TRIM = """
def trim(chart, columns):
    if not columns or chart != "histogram":
        return no_update
    return columns[:1]
"""
LOOP = {"inputs": ["chart.value", "columns.value"], "outputs": [], "prevent_initial_call": True,
        "dup": ["columns.value"]}


def test_dash041_writing_back_a_normalised_copy_of_its_own_input():
    assert reported_names("DASH041", snapshot(server(0, TRIM, **LOOP))) == []
    local = TRIM.replace("    return columns[:1]", "    kept = columns[:1]\n    return kept")
    assert reported_names("DASH041", snapshot(server(0, local, **LOOP))) == []


STAR = "def trim(*values):\n    if not values[1]:\n        return no_update\n    return values[1][:1]"


@pytest.mark.parametrize("source", [
    TRIM.replace("return columns[:1]", "return ['a']"),  # overwrites the user's choice
    TRIM.replace("return columns[:1]", "return chart"),  # made from the other Input only
    TRIM.replace("    return columns[:1]", "    if chart:\n        return columns[:1]"),  # None
    STAR,  # *values holds every Input: which one it reads is not known
])
def test_dash041_writing_something_else_into_its_own_input_is_reported(source):
    assert reported_names("DASH041", snapshot(server(0, source, **LOOP))) == ["trim"]


PAGINATE = """
def paginate(opened, page, chunks):
    if opened:
        return chunks[page - 1], len(chunks), page
    return "", 1, 1
"""
PAGER = {"inputs": ["modal.opened", "pager.page"], "states": ["chunks.data"],
         "outputs": ["pages.children", "pager.total", "pager.page"], "multi_output": True}


def test_dash041_own_input_back_or_a_constant_reset_is_no_direction():
    assert reported_names("DASH041", snapshot(server(0, PAGINATE, **PAGER))) == []


@pytest.mark.parametrize("source", [
    PAGINATE.replace("len(chunks), page", "len(chunks), opened"),  # another Input only
    PAGINATE.replace("len(chunks), page", "len(chunks), 2"),  # never carries the user's page
    PAGINATE.replace('"", 1, 1', '"", 1, None'),  # None is no reset
])
def test_dash041_a_pager_that_undoes_the_users_page_is_reported(source):
    assert reported_names("DASH041", snapshot(server(0, source, **PAGER))) == ["paginate"]

"""The live call log's JSON round-trips and refuses documents of another shape or version."""

import pytest

from analysis.runtime.model import CallRecord, RuntimeDataError, RuntimeLog

DOC = {
    "version": 1, "app": "app", "started_at": 1.5, "capacity": 5000, "dropped": 2,
    "calls": [{
        "seq": 12, "output": "..a.children...b.value..", "triggered": ["btn.n_clicks"],
        "inputs_changed": ["btn.n_clicks"], "started_at": 2.0, "duration_ms": 3.2,
        "request_bytes": 210, "response_bytes": 95, "outcome": "prevented", "status": 204,
        "error": None, "initial": False, "action": 4,
    }],
}


def test_round_trip_is_exact():
    log = RuntimeLog.from_dict(DOC)
    assert log.calls[0].triggered == ("btn.n_clicks",) and log.calls[0].action == 4
    assert log.to_dict() == DOC


@pytest.mark.parametrize("doc", [{"version": 2, "calls": []}, [], {"version": 1}])
def test_other_documents_are_refused(doc):
    with pytest.raises(RuntimeDataError):
        RuntimeLog.from_dict(doc)


def test_a_record_with_an_unknown_outcome_is_refused():
    with pytest.raises(RuntimeDataError, match="outcome"):
        CallRecord.from_dict({"seq": 1, "output": "a.b", "outcome": "maybe"})

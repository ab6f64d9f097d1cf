"""The report itself: counts, its dictionary form, and the cap on the number of issues."""

from __future__ import annotations

import pytest

from app.errors import ErrorCode, InvalidInput
from app.geometry.validation import Severity, validate_bytes
from tests.geometry.validation.builders import box_builder


def _many_broken_accessors(count: int) -> bytes:
    builder = box_builder()
    builder.document["accessors"] += [{"componentType": 5126, "type": "VEC3"}] * count
    return builder.glb()


def test_report_dictionary_has_counts_and_issues() -> None:
    # Given a box whose positions have the wrong minimum
    builder = box_builder()
    builder.document["accessors"][0]["min"] = [0.0, 0.0, 0.0]
    # When it is validated
    report = validate_bytes(builder.glb())
    as_dict = report.to_dict()
    # Then the counts match the issues and each issue has its four fields
    assert set(as_dict) == {"num_errors", "num_warnings", "num_infos", "num_hints", "truncated",
                            "issues"}
    assert as_dict["num_errors"] == report.num_errors == sum(
        1 for i in as_dict["issues"] if i["severity"] == "ERROR") > 0
    assert as_dict["truncated"] is False
    first = as_dict["issues"][0]
    assert set(first) == {"code", "severity", "message", "pointer"}
    assert first["severity"] in {s.value for s in Severity}


def test_issue_cap_truncates_the_report() -> None:
    # Given a file with 60 accessors missing their count
    data = _many_broken_accessors(60)
    # When it is validated with a cap of 10 issues
    report = validate_bytes(data, max_issues=10)
    # Then exactly 10 are kept and the report says it was cut short
    assert len(report.issues) == 10
    assert report.truncated is True
    assert validate_bytes(data, max_issues=1000).truncated is False


def test_issue_cap_must_be_positive() -> None:
    # Given a cap of zero issues
    # When validating, Then it is refused as invalid input
    with pytest.raises(InvalidInput) as caught:
        validate_bytes(box_builder().glb(), max_issues=0)
    assert caught.value.code is ErrorCode.INVALID_INPUT


def test_warnings_past_the_cap_never_hide_an_error() -> None:
    # Given 30 unexpected properties (warnings) read before one missing accessor count (error)
    builder = box_builder()
    builder.document["asset"].update({f"custom{i}": i for i in range(30)})
    del builder.document["accessors"][0]["count"]
    # When it is validated with room for only 5 issues
    report = validate_bytes(builder.glb(), max_issues=5)
    # Then the error is kept in place of a warning, and the report says it was cut short
    assert report.truncated is True and len(report.issues) == 5
    assert ("UNDEFINED_PROPERTY", "/accessors/0") in {(i.code, i.pointer) for i in report.issues}
    assert report.num_errors >= 1

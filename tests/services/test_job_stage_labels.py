"""Stage labels of the job metrics: counted stages fold into one label, whatever their counts."""

from __future__ import annotations

import pytest

from app.services.job_metrics import stage_label


@pytest.mark.parametrize(("stage", "label"), [
    ("frame 3/40", "frame"),
    ("model 2/9", "model"),
    ("pass 2/8", "pass"),
    ("frame 3/40, pass 2/8", "frame, pass"),
    ("load", "load"),
    (None, None),
])
def test_every_counter_of_a_stage_is_dropped(stage: str | None, label: str | None) -> None:
    assert stage_label(stage) == label

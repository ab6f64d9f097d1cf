"""Damaged IFC samples end READY or with an AtelierError whose message is storable text,
never a crash or a hang. The examples run in a child process under an address-space limit
(2 GiB), as every ingest child has, so a crash of ifcopenshell's native code fails the test
instead of the test run."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "ifc"
EXAMPLES = 30
MEMORY_BYTES = 2 * 1024**3
CHILD = """
import json, random, sys, tempfile
from pathlib import Path
from app.errors import AtelierError
from app.geometry.ingest import ingest_path

sample, seed, examples = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng, original, outcomes = random.Random(seed), sample.read_bytes(), {}
with tempfile.TemporaryDirectory() as folder:
    for _ in range(examples):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        source = Path(folder) / sample.name
        source.write_bytes(bytes(damaged))
        try:
            ingest_path(source, sample.name, Path(folder) / "out.glb")
            outcome = "READY"
        except AtelierError as error:
            error.message.encode("utf-8")  # what the job record stores
            outcome = error.code.value
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
print(json.dumps(outcomes))
"""


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


@pytest.mark.parametrize("name", ["house.ifc", "house_ifc2x3.ifc"])
def test_damaged_ifc_ends_ready_or_with_a_code(name: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(DATA / name), "5", str(EXAMPLES)],
        capture_output=True, text=True, errors="replace", timeout=180, preexec_fn=_capped,
        check=False)

    assert completed.returncode == 0, completed.stderr[-3000:]
    outcomes = json.loads(completed.stdout.splitlines()[-1])
    assert sum(outcomes.values()) == EXAMPLES
    assert "INTERNAL" not in outcomes
    assert outcomes.get("CORRUPT_FILE", 0) > 0

"""Damaged USD samples end READY or with an AtelierError, never a crash or a hang.

A damaged USDC can declare arrays of petabytes: usd-core then fails its allocation and says so,
as long as the process has an address-space limit, as every ingest child has. So the
examples run in a child process under such a limit (2 GiB), not in the test process.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

import pytest

from tests.geometry.ingest.usd_uploads import DATA

EXAMPLES = 20
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
            outcome = error.code.value
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
print(json.dumps(outcomes))
"""


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


# USDA's text parser reads and checks the whole file up front; the binary and the package are
# where damage can hide until a value is read.
@pytest.mark.parametrize("name", ["crate.usdc", "crate.usdz"])
def test_damaged_usd_ends_ready_or_with_a_code(name: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(DATA / name), "3", str(EXAMPLES)],
        capture_output=True, text=True, errors="replace", timeout=120, preexec_fn=_capped,
        check=False)

    assert completed.returncode == 0, completed.stderr[-3000:]
    outcomes = json.loads(completed.stdout.splitlines()[-1])
    assert sum(outcomes.values()) == EXAMPLES
    assert "INTERNAL" not in outcomes

"""A stock Apollo Client (npm @apollo/client, apollo-upload-client, graphql-ws) drives the API
from Node: a multipart upload, a jobProgress subscription to its end, a query of the asset."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.support import models
from tests.support.client import Api

SCRIPT = Path(__file__).resolve().parents[1] / "support" / "apollo_client.mjs"


def test_apollo_client_uploads_follows_the_job_and_reads_the_asset(
        tmp_path: Path, api: Api) -> None:
    node = shutil.which("node")
    assert node, "node is needed to run Apollo Client"
    model = tmp_path / "box.stl"
    model.write_bytes(models.box_stl())

    ran = subprocess.run([node, str(SCRIPT), api.base_url, str(api.token), str(model)],
                         capture_output=True, text=True, timeout=120, cwd=SCRIPT.parents[2])

    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout)
    assert result["upload"]["errors"] == []
    assert result["upload"]["asset"]["name"] == "from apollo"
    sequences = [event["sequence"] for event in result["events"]]
    assert sequences == list(range(sequences[0], sequences[0] + len(sequences)))
    assert result["events"][-1]["job"]["status"] == "SUCCEEDED"
    assert result["asset"]["status"] == "READY"
    assert result["asset"]["stats"]["triangleCount"] == 12
    assert result["asset"]["glbUrl"].startswith(api.base_url)

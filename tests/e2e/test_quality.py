"""An uploaded model's mesh-quality report, measured by the worker and read over GraphQL."""

from __future__ import annotations

import trimesh

from tests.e2e.test_ingest import upload_and_wait
from tests.support.client import Api

QUALITY = """query($id: ID!) { asset(id: $id) { quality {
  watertight manifold uvOverlapRatio items { code severity count message where } } } }"""


async def test_an_open_box_reports_its_hole(api: Api) -> None:
    # Given an STL box with one of its six sides missing
    box = trimesh.creation.box()
    data = trimesh.Trimesh(box.vertices, box.faces[2:]).export(file_type="stl")
    # When it is uploaded and ingested
    asset = await upload_and_wait(api, data, "open-box.stl")
    assert asset["status"] == "READY", asset["error"]
    quality = (await api.graphql(QUALITY, {"id": asset["id"]}))["asset"]["quality"]
    # Then its report names the four edges around the hole, in the one mesh
    assert (quality["watertight"], quality["manifold"], quality["uvOverlapRatio"]) == (
        False, True, None)
    [item] = quality["items"]
    assert (item["code"], item["severity"], item["count"], item["where"]) == (
        "OPEN_EDGES", "WARNING", 4, ["/meshes/0"])
    assert item["message"]

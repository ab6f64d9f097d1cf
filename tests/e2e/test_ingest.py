"""Upload → ingest → assetReady, over real HTTP and websockets, checked with trimesh and
Khronos's glTF validator."""

from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import trimesh
from PIL import Image

from app.services.storage.signing import UrlSigner
from tests.support import models
from tests.support.client import ASSET_READY, JOB_PROGRESS, LEGACY_WS, TRANSPORT_WS, Api
from tests.support.gltf_validator import khronos_bytes_errors
from tests.support.stack import TEST_SIGNING_KEY

CASES = [
    ("box.stl", models.box_stl, "stl", "STL"),
    ("sphere.obj", models.sphere_obj, "obj", "OBJ"),
    ("cylinder.glb", models.cylinder_glb, "glb", "GLB"),
    ("torus.ply", models.torus_ply, "ply", "PLY"),
]


async def upload_and_wait(api: Api, data: bytes, filename: str,
                          protocol: str = TRANSPORT_WS) -> dict:
    """Upload, then wait for the asset's assetReady event over a websocket."""
    async with api.websocket(protocol) as subscriptions:
        uploaded = await api.upload(data, filename)
        assert uploaded["errors"] == []
        op = await subscriptions.start(ASSET_READY, {"id": uploaded["asset"]["id"]})
        events = await subscriptions.collect(op)
    assert len(events) == 1
    return events[0]["assetReady"]["asset"]


@pytest.mark.parametrize(("filename", "make", "file_type", "source_format"), CASES)
async def test_upload_becomes_a_valid_glb(api: Api, tmp_path: Path, filename: str, make,
                                          file_type: str, source_format: str) -> None:
    data = make()

    asset = await upload_and_wait(api, data, filename)

    assert asset["status"] == "READY", asset["error"]
    assert asset["sourceFormat"] == source_format
    assert asset["stats"]["triangleCount"] == models.triangle_count(data, file_type)
    assert asset["sizeBytes"] == len(data)
    glb = await api.download(asset["glbUrl"])
    assert glb.status_code == 200
    assert khronos_bytes_errors(glb.content, tmp_path) == []
    reloaded = trimesh.load(io.BytesIO(glb.content), file_type="glb", force="scene")
    assert sum(len(g.faces) for g in reloaded.geometry.values()) == asset["stats"]["triangleCount"]
    thumbnail = Image.open(io.BytesIO((await api.download(asset["thumbnailUrl"])).content))
    assert (thumbnail.format, thumbnail.size) == ("PNG", (256, 256))
    assert thumbnail.getchannel("A").getextrema() == (0, 255)  # a model on a clear background


async def test_assetready_arrives_over_the_legacy_protocol(api: Api) -> None:
    asset = await upload_and_wait(api, models.box_stl(), "legacy.stl", protocol=LEGACY_WS)

    assert asset["status"] == "READY"
    assert asset["stats"]["triangleCount"] == 12


async def test_stats_bounds_match_the_model(api: Api) -> None:
    asset = await upload_and_wait(api, models.box_stl((2.0, 4.0, 6.0)), "bounds.stl")

    bounds = asset["stats"]["bounds"]
    assert bounds["min"] == pytest.approx([-1.0, -2.0, -3.0])
    assert bounds["max"] == pytest.approx([1.0, 2.0, 3.0])


@pytest.mark.parametrize(("filename", "data", "code"), [
    ("empty.stl", b"", "EMPTY_FILE"),
    ("noise.glb", os.urandom(4096), "CORRUPT_FILE"),
    ("truncated.glb", models.cylinder_glb()[:700], "CORRUPT_FILE"),
    ("notes.xyz", b"just some words that are not a model\n" * 20, "UNSUPPORTED_FORMAT"),
])
async def test_bad_files_fail_with_a_code(api: Api, filename: str, data: bytes,
                                          code: str) -> None:
    asset = await upload_and_wait(api, data, filename)

    assert asset["status"] == "FAILED"
    assert asset["error"]["code"] == code
    assert asset["glbUrl"] is None
    still_serving = await upload_and_wait(api, models.box_stl(), "after-failure.stl")
    assert still_serving["status"] == "READY"


async def test_job_progress_is_gapless_and_ends_terminal(api: Api) -> None:
    uploaded = await api.upload(models.sphere_obj(3), "progress.obj")
    job_id = uploaded["job"]["id"]
    assert uploaded["job"]["status"] == "QUEUED"
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        events = await subscriptions.collect(op)

    sequences = [event["jobProgress"]["sequence"] for event in events]
    assert sequences == list(range(1, len(sequences) + 1))
    jobs = [event["jobProgress"]["job"] for event in events]
    assert jobs[0]["status"] == "QUEUED"
    assert jobs[-1]["status"] == "SUCCEEDED"
    assert jobs[-1]["progress"] == 1.0
    assert {"download", "store"} <= {job["stage"] for job in jobs}
    progress = [job["progress"] for job in jobs]
    assert progress == sorted(progress)


async def test_job_progress_starts_with_the_current_state(api: Api) -> None:
    asset = await upload_and_wait(api, models.box_stl(), "current.stl")
    job = (await api.graphql("query($id: ID!) { asset(id: $id) { ingestJob { id sequence } } }",
                             {"id": asset["id"]}))["asset"]["ingestJob"]
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job["id"]})
        events = await subscriptions.collect(op)

    assert [e["jobProgress"]["sequence"] for e in events] == [job["sequence"]]
    assert events[0]["jobProgress"]["job"]["status"] == "SUCCEEDED"


async def test_assetready_without_id_reports_only_the_viewers_assets(api: Api, admin: Api
                                                                     ) -> None:
    from tests.conftest import new_owner_api

    other = await new_owner_api(admin)
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(ASSET_READY)
        await upload_and_wait(other, models.box_stl(), "someone-else.stl")
        mine = await api.upload(models.box_stl(), "mine.stl")
        events = await subscriptions.collect(op, count=1)

    assert [e["assetReady"]["asset"]["id"] for e in events] == [mine["asset"]["id"]]


async def test_signed_urls_refuse_tampering_and_expiry(api: Api) -> None:
    asset = await upload_and_wait(api, models.box_stl(), "signed.stl")
    url = asset["glbUrl"]
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    key = unquote(parts.path.removeprefix("/files/"))
    expired, _ = UrlSigner(TEST_SIGNING_KEY).url(api.base_url, "/files", "GET", key, -5,
                                                 {"name": query["name"], "type": query["type"]})

    good = await api.download(url)
    forged = await api.download(url.replace(query["sig"], query["sig"][::-1]))
    renamed = await api.download(url.replace("name=", "name=x"))
    late = await api.download(expired)

    assert good.status_code == 200
    assert good.headers["content-type"] == "model/gltf-binary"
    assert [forged.status_code, renamed.status_code, late.status_code] == [403, 403, 403]

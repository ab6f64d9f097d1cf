"""assetConvert → CONVERT job → converted file, over real HTTP and websockets against the real
stack, each output read back by an independent reader; the cancel and time-limit paths run the
worker code in this process on the same stores."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest
import trimesh
from pxr import Usd

from app.config import Settings
from app.geometry.convert import ConversionRequest, OptimizeOptions, OptimizePreset, OutputFormat
from app.models.asset import Asset
from app.models.common import FileRole
from app.models.job import JobStatus
from app.models.token import Scope
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.workers.convert import convert
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.convert.readers import (
    Geometry,
    glb_document,
    meshopt_decoded,
    trimesh_geometry,
    unzip,
    usd_errors,
    usd_geometry,
)
from tests.geometry.convert.sources import colored_sphere, displaced_grid, textured_box
from tests.support.client import JOB_PROGRESS, Api
from tests.support.gltf_validator import khronos_errors

ASSET_CONVERT = """
mutation Convert($assetId: ID!, $input: AssetConvertInput!) {
  assetConvert(assetId: $assetId, input: $input) {
    job { id kind status params asset { id } }
    errors { field message code }
  }
}"""
JOB = """
query Job($id: ID!) {
  job(id: $id) { id status stage message error { code message }
                 outputs { role format sizeBytes contentType filename url } }
}"""
CONVERT_JOBS = """
query Jobs($assetId: ID!) { jobs(filter: {kind: [CONVERT], assetId: $assetId}) { totalCount } }"""
ASSET_FILES = "query($id: ID!) { asset(id: $id) { files { role format filename sizeBytes } } }"
CONTENT_TYPES = {"GLB": "model/gltf-binary", "GLTF": "application/zip", "OBJ": "application/zip",
                 "STL": "model/stl", "PLY": "application/vnd.ply", "USDZ": "model/vnd.usdz+zip"}
FORMATS = list(CONTENT_TYPES)
GRID_TRIANGLES = 7200


def glb_of(geometry: trimesh.Trimesh) -> bytes:
    return bytes(trimesh.Scene(geometry).export(file_type="glb"))


@pytest.fixture(scope="module")
async def owner(api_url: str, worker: None) -> Api:
    return await new_owner_api(Api(api_url, ADMIN_TOKEN))


@pytest.fixture(scope="module")
async def sources(owner: Api) -> dict[str, dict]:
    """READY assets, uploaded once: a textured box, a vertex-coloured sphere and a bumpy grid."""
    uploads = {"box": glb_of(textured_box()), "sphere": glb_of(colored_sphere()),
               "grid": glb_of(displaced_grid(60))}
    assets = await asyncio.gather(*(upload_and_wait(owner, data, f"{name}.glb")
                                    for name, data in uploads.items()))
    assert [asset["status"] for asset in assets] == ["READY"] * 3, [a["error"] for a in assets]
    return dict(zip(uploads, assets, strict=True))


async def request_conversion(api: Api, asset_id: str, fmt: str, **optimize: object) -> dict:
    variables = {"assetId": asset_id, "input": {"format": fmt, "optimize": optimize or None}}
    return (await api.graphql(ASSET_CONVERT, variables))["assetConvert"]


async def events_until_done(api: Api, job_id: str, after: int | None = None) -> list[dict]:
    """The job's events over jobProgress until it ends: from its first event when `after` is 0,
    else its current state first."""
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": after})
        events = await subscriptions.collect(op, within=120)
    return [event["jobProgress"] for event in events]


async def converted(api: Api, asset_id: str, fmt: str, folder: Path,
                    **optimize: object) -> tuple[dict, Path]:
    """Convert, wait for the job to end, and download its one output into `folder`."""
    payload = await request_conversion(api, asset_id, fmt, **optimize)
    assert payload["errors"] == []
    assert (payload["job"]["kind"], payload["job"]["asset"]["id"]) == ("CONVERT", asset_id)
    await events_until_done(api, payload["job"]["id"])
    job = (await api.graphql(JOB, {"id": payload["job"]["id"]}))["job"]
    assert job["status"] == "SUCCEEDED", job["error"]
    [output] = job["outputs"]
    response = await api.download(output["url"])
    assert response.status_code == 200
    assert output["contentType"] == CONTENT_TYPES[fmt]
    path = folder / output["filename"]
    path.write_bytes(response.content)
    return job, path


def read_back(path: Path, fmt: str, folder: Path) -> Geometry:
    """Triangles and bounds as a reader other than ours sees them; glTF must satisfy Khronos."""
    if fmt == "USDZ":
        stage = Usd.Stage.Open(str(path))
        assert usd_errors(stage) == []
        return usd_geometry(stage)
    if fmt in ("GLB", "GLTF"):
        gltf = path if fmt == "GLB" else unzip(path, folder / "unzipped") / "scene.gltf"
        assert khronos_errors(gltf) == []
        return trimesh_geometry(gltf)
    if fmt == "OBJ":
        return trimesh_geometry(unzip(path, folder / "unzipped") / "scene.obj")
    return trimesh_geometry(path)


def source_bounds(asset: dict) -> np.ndarray:
    return np.array([asset["stats"]["bounds"]["min"], asset["stats"]["bounds"]["max"]])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("model", ["box", "sphere"])
async def test_every_format_reads_back_with_the_source_geometry(
    owner: Api, sources: dict[str, dict], model: str, fmt: str, tmp_path: Path
) -> None:
    # given a READY textured box or vertex-coloured sphere
    asset = sources[model]
    # when it is converted without optimisation
    job, path = await converted(owner, asset["id"], fmt, tmp_path)
    # then the job lists one CONVERTED file, which holds the source's triangles and bounds
    assert [(o["role"], o["format"]) for o in job["outputs"]] == [("CONVERTED", fmt)]
    geometry = read_back(path, fmt, tmp_path)
    assert geometry.triangles == asset["stats"]["triangleCount"]
    np.testing.assert_allclose(geometry.bounds, source_bounds(asset), atol=1e-5)
    # and the asset lists the same file
    files = (await owner.graphql(ASSET_FILES, {"id": asset["id"]}))["asset"]["files"]
    assert {"role": "CONVERTED", "format": fmt, "filename": path.name,
            "sizeBytes": path.stat().st_size} in files


async def test_ply_keeps_the_vertex_colours(owner: Api, sources: dict[str, dict],
                                           tmp_path: Path) -> None:
    _, path = await converted(owner, sources["sphere"]["id"], "PLY", tmp_path)

    mesh = trimesh.load(path, process=False)
    assert path.read_bytes().startswith(b"ply\nformat binary_little_endian")
    assert mesh.visual.kind == "vertex"
    assert len(np.unique(mesh.visual.vertex_colors, axis=0)) > 100


async def test_simplify_lands_within_five_percent_of_its_target(
    owner: Api, sources: dict[str, dict], tmp_path: Path
) -> None:
    grid = sources["grid"]

    _, path = await converted(owner, grid["id"], "GLB", tmp_path, preset="SIMPLIFY",
                              targetTriangles=2000)

    geometry = read_back(path, "GLB", tmp_path)
    assert abs(geometry.triangles - 2000) <= 0.05 * 2000
    expected = source_bounds(grid)
    extent = expected[1] - expected[0]
    assert np.all(np.abs(geometry.bounds - expected) <= 0.01 * extent.max())


async def test_lod_levels_are_in_one_glb_and_counted_on_the_job(
    owner: Api, sources: dict[str, dict], tmp_path: Path
) -> None:
    # given the 7,200-triangle grid
    grid = sources["grid"]
    # when it is converted to two levels of detail below the source
    job, path = await converted(owner, grid["id"], "GLB", tmp_path, preset="LOD",
                                lodRatios=[0.5, 0.1])
    # then the job's message counts each level's triangles
    assert "triangles per level: LOD0 7200, LOD1 3600, LOD2 720" in job["message"]
    # and the file holds those levels behind MSFT_lod while the scene draws the source
    geometry = read_back(path, "GLB", tmp_path)
    assert geometry.triangles == GRID_TRIANGLES
    levels = trimesh.load(path, process=False).geometry.values()
    assert sorted(len(mesh.faces) for mesh in levels) == [720, 3600, GRID_TRIANGLES]
    document = glb_document(path)
    assert "MSFT_lod" in document["extensionsUsed"]
    assert [len(node["extensions"]["MSFT_lod"]["ids"]) for node in document["nodes"]
            if "MSFT_lod" in node.get("extensions", {})] == [2]


@pytest.mark.parametrize("compression", ["MESHOPT", "DRACO"])
async def test_compress_is_smaller_and_decodes_to_the_same_triangles(
    owner: Api, sources: dict[str, dict], tmp_path: Path, compression: str
) -> None:
    grid = sources["grid"]
    normalised = next(f for f in grid["files"] if f["role"] == "GLB")

    _, path = await converted(owner, grid["id"], "GLB", tmp_path, preset="COMPRESS",
                              compression=compression)

    assert path.stat().st_size < normalised["sizeBytes"]
    assert khronos_errors(path) == []
    # meshoptimizer's own decoder for EXT_meshopt_compression; trimesh (DracoPy) reads Draco
    decoded = meshopt_decoded(path, tmp_path / "decoded.glb") if compression == "MESHOPT" else path
    geometry = trimesh_geometry(decoded)
    assert geometry.triangles == GRID_TRIANGLES
    np.testing.assert_allclose(geometry.bounds, source_bounds(grid), atol=1e-3)


async def test_compress_meets_the_position_error_asked_for_and_says_so(
    owner: Api, sources: dict[str, dict], tmp_path: Path
) -> None:
    # given the grid and a budget of a thousandth of a unit
    grid = sources["grid"]
    # when it is compressed with that budget
    job, path = await converted(owner, grid["id"], "GLB", tmp_path, preset="COMPRESS",
                                positionError=0.001)
    # then the job says what it did: the budget, the bits positions took and the error reached
    message = job["message"]
    assert "position error budget 0.001" in message
    reached = float(message.split("POSITION integer ")[1].split("error ")[1].split(",")[0])
    assert 0 < reached <= 0.001
    # and the file holds the same triangles within that distance of the source bounds
    assert khronos_errors(path) == []
    geometry = trimesh_geometry(meshopt_decoded(path, tmp_path / "decoded.glb"))
    assert geometry.triangles == GRID_TRIANGLES
    np.testing.assert_allclose(geometry.bounds, source_bounds(grid), atol=0.001)


JOB_COMPRESSION = """
query Job($id: ID!) {
  job(id: $id) { compression { compression positionError indexBytes
                               attributes { semantic encoding bits bytes maxError } } }
}
"""


@pytest.mark.parametrize("compression", ["MESHOPT", "DRACO"])
async def test_compress_reports_each_attribute_on_the_job(
    owner: Api, sources: dict[str, dict], tmp_path: Path, compression: str
) -> None:
    # given the grid compressed to a budget of a thousandth of a unit
    grid = sources["grid"]
    job, path = await converted(owner, grid["id"], "GLB", tmp_path, preset="COMPRESS",
                                compression=compression, positionError=0.001)
    # then the job reports the codec, the budget and each attribute it stored
    report = (await owner.graphql(JOB_COMPRESSION, {"id": job["id"]}))["job"]["compression"]
    assert (report["compression"], report["positionError"]) == (compression, 0.001)
    rows = {row["semantic"]: row for row in report["attributes"]}
    assert {"POSITION", "TEXCOORD_0"} <= rows.keys()
    position = rows["POSITION"]
    assert position["bits"] > 0 and 0 < position["maxError"] <= 0.001
    # and the bytes it books are in the file (the rest is the JSON chunk and padding)
    booked = sum(row["bytes"] for row in rows.values()) + report["indexBytes"]
    assert 0 < booked < path.stat().st_size
    # and the geometry is within the error it reports
    decoded = meshopt_decoded(path, tmp_path / "decoded.glb") if compression == "MESHOPT" else path
    np.testing.assert_allclose(trimesh_geometry(decoded).bounds, source_bounds(grid),
                               atol=position["maxError"] + 1e-9)


async def test_other_conversions_report_no_compression(
    owner: Api, sources: dict[str, dict], tmp_path: Path
) -> None:
    job, _ = await converted(owner, sources["box"]["id"], "GLB", tmp_path, preset="WELD")
    assert (await owner.graphql(JOB_COMPRESSION, {"id": job["id"]}))["job"] == \
        {"compression": None}


async def convert_job_count(api: Api, asset_id: str) -> int:
    return (await api.graphql(CONVERT_JOBS, {"assetId": asset_id}))["jobs"]["totalCount"]


async def converted_files(api: Api, asset_id: str) -> list[dict]:
    files = (await api.graphql(ASSET_FILES, {"id": asset_id}))["asset"]["files"]
    return [f for f in files if f["role"] == "CONVERTED"]


async def test_an_identical_request_returns_the_finished_job_and_its_one_file(
    owner: Api, sources: dict[str, dict], tmp_path: Path, stack_dir: Path
) -> None:
    # given a finished conversion of the box to a welded PLY
    box = sources["box"]
    first, _ = await converted(owner, box["id"], "PLY", tmp_path, preset="WELD")
    jobs_before, files_before = (await convert_job_count(owner, box["id"]),
                                 await converted_files(owner, box["id"]))
    # when the same asset and options are asked for again
    again = await request_conversion(owner, box["id"], "PLY", preset="WELD")
    # then the finished job comes back, and no job, listed file or stored object was added
    assert again["errors"] == []
    assert (again["job"]["id"], again["job"]["status"]) == (first["id"], "SUCCEEDED")
    assert await convert_job_count(owner, box["id"]) == jobs_before
    assert await converted_files(owner, box["id"]) == files_before
    stored = stack_dir / "objects" / "assets" / box["id"] / "converted"
    assert [p.name for p in (stored / again["job"]["params"]["cache_key"]).iterdir()] == [
        "box.ply"]


async def test_identical_requests_at_once_share_one_job(owner: Api,
                                                        sources: dict[str, dict]) -> None:
    # given no conversion of the sphere to a half-size GLB yet
    sphere = sources["sphere"]
    jobs_before = await convert_job_count(owner, sphere["id"])
    # when three identical requests arrive together
    payloads = await asyncio.gather(*(
        request_conversion(owner, sphere["id"], "GLB", preset="SIMPLIFY", ratio=0.5)
        for _ in range(3)))
    # then they share one new job, which succeeds
    job_ids = {payload["job"]["id"] for payload in payloads}
    assert len(job_ids) == 1
    assert await convert_job_count(owner, sphere["id"]) == jobs_before + 1
    events = await events_until_done(owner, job_ids.pop())
    assert events[-1]["job"]["status"] == "SUCCEEDED"


async def test_progress_is_gapless_and_ends_succeeded(owner: Api,
                                                     sources: dict[str, dict]) -> None:
    payload = await request_conversion(owner, sources["sphere"]["id"], "USDZ", preset="WELD")

    events = await events_until_done(owner, payload["job"]["id"], after=0)

    assert [event["sequence"] for event in events] == list(range(1, len(events) + 1))
    jobs = [event["job"] for event in events]
    assert (jobs[0]["status"], jobs[-1]["status"]) == ("QUEUED", "SUCCEEDED")
    stages = [job["stage"] for job in jobs]
    steps = ["download", "read", "weld", "write", "converted", "store", "done"]
    assert [stage for stage in stages if stage in steps] == steps
    progress = [job["progress"] for job in jobs]
    assert progress == sorted(progress) and progress[-1] == 1.0


@pytest.mark.parametrize(("fmt", "optimize", "code", "field"), [
    ("STL", {"preset": "COMPRESS"}, "UNSUPPORTED_OPTION", ["preset"]),
    ("PLY", {"preset": "TEXTURES", "maxTextureSize": 256}, "UNSUPPORTED_OPTION", ["preset"]),
    ("OBJ", {"preset": "TEXTURES", "textureFormat": "WEBP"}, "UNSUPPORTED_OPTION",
     ["textureFormat"]),
    ("GLB", {"preset": "WELD", "targetTriangles": 10}, "UNSUPPORTED_OPTION", ["targetTriangles"]),
    ("GLB", {"preset": "WELD", "compression": "DRACO"}, "UNSUPPORTED_OPTION", ["compression"]),
    ("GLB", {"preset": "COMPRESS", "compression": "DRACO", "quantize": False},
     "UNSUPPORTED_OPTION", ["quantize"]),
    ("GLB", {"preset": "SIMPLIFY"}, "INVALID_INPUT", []),
    ("GLB", {"preset": "SIMPLIFY", "ratio": 0.5, "targetTriangles": 10}, "INVALID_INPUT", []),
    ("GLB", {"preset": "SIMPLIFY", "ratio": 1.5}, "INVALID_INPUT", ["ratio"]),
    ("GLB", {"preset": "SIMPLIFY", "maxError": 2.0}, "INVALID_INPUT", ["maxError"]),
    ("GLB", {"preset": "SIMPLIFY", "maxError": 0.01, "ratio": 0.5}, "INVALID_INPUT", []),
    ("GLB", {"preset": "COMPRESS", "positionError": -0.001}, "INVALID_INPUT", ["positionError"]),
    ("GLB", {"preset": "COMPRESS", "positionError": 0.001, "quantize": False},
     "UNSUPPORTED_OPTION", ["positionError"]),
    ("GLB", {"preset": "WELD", "positionError": 0.001}, "UNSUPPORTED_OPTION", ["positionError"]),
    ("GLTF", {"preset": "TEXTURES"}, "INVALID_INPUT", []),
    ("USDZ", {"preset": "TEXTURES", "maxTextureSize": 0}, "INVALID_INPUT", ["maxTextureSize"]),
    ("STL", {"preset": "LOD"}, "UNSUPPORTED_OPTION", ["preset"]),
    ("GLB", {"preset": "LOD", "lodRatios": [0.5, 0.6]}, "INVALID_INPUT", ["lodRatios", "1"]),
    ("GLB", {"preset": "LOD", "lodRatios": []}, "INVALID_INPUT", ["lodRatios"]),
    ("GLB", {"preset": "LOD", "lodRatios": [0.9 - n / 10 for n in range(9)]}, "LIMIT_EXCEEDED",
     ["lodRatios"]),
    ("GLB", {"preset": "SIMPLIFY", "ratio": 0.5, "lodRatios": [0.5]}, "UNSUPPORTED_OPTION",
     ["lodRatios"]),
])
async def test_bad_requests_are_refused_before_any_job_exists(
    owner: Api, sources: dict[str, dict], fmt: str, optimize: dict, code: str, field: list[str]
) -> None:
    box = sources["box"]
    jobs_before = await convert_job_count(owner, box["id"])

    payload = await request_conversion(owner, box["id"], fmt, **optimize)

    assert payload["job"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        (code, ["input", "optimize", *field])]
    assert await convert_job_count(owner, box["id"]) == jobs_before


async def test_another_owners_asset_is_not_found(admin: Api, owner: Api,
                                                 sources: dict[str, dict]) -> None:
    stranger = await new_owner_api(admin)
    box = sources["box"]
    jobs_before = await convert_job_count(owner, box["id"])

    payload = await request_conversion(stranger, box["id"], "STL")

    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("NOT_FOUND", ["assetId"])]
    assert (await stranger.graphql("{ jobs { totalCount } }"))["jobs"]["totalCount"] == 0
    assert await convert_job_count(owner, box["id"]) == jobs_before


async def test_a_token_without_assets_write_is_forbidden(admin: Api,
                                                         sources: dict[str, dict]) -> None:
    reader = await new_owner_api(admin, scopes=["ASSETS_READ", "JOBS_READ", "JOBS_WRITE"])

    payload = await request_conversion(reader, sources["box"]["id"], "STL")

    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]


async def test_an_asset_that_is_not_ready_cannot_convert(owner: Api) -> None:
    failed = await upload_and_wait(owner, b"not a model at all\n" * 10, "words.glb")
    assert failed["status"] == "FAILED"

    payload = await request_conversion(owner, failed["id"], "STL")

    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("INVALID_STATE", ["assetId"])]
    assert await convert_job_count(owner, failed["id"]) == 0


@pytest.fixture
async def services(env: dict[str, str]) -> AsyncIterator[Services]:
    """Services of this process on the stack's stores, on a queue no worker reads, with a time
    limit no conversion meets."""
    settings = Settings(mongodb_url=env["ATELIER_MONGODB_URL"],
                        redis_url=env["ATELIER_REDIS_URL"],
                        database_name=env["ATELIER_DATABASE_NAME"],
                        storage_dir=Path(env["ATELIER_STORAGE_DIR"]),
                        secret_key=env["ATELIER_SECRET_KEY"],
                        queue_name="atelier:queue:idle-convert", job_timeout_seconds=1e-6)
    async with opened_services(settings) as opened:
        yield opened


VIEWER = Principal(owner="admin", scopes=frozenset(Scope))
WELDED_OBJ = ConversionRequest(OutputFormat.OBJ, OptimizeOptions(OptimizePreset.WELD))


async def run_worker_job(services: Services, job_id: str) -> None:
    await convert({"services": services, "job_try": 1, "max_tries": 1}, job_id)


async def listed_by(job_id: str, asset_id: str) -> list[str]:
    asset = await Asset.get(asset_id)
    assert asset is not None
    return [f.key for f in asset.files if f.role is FileRole.CONVERTED and f.job_id == job_id]


async def test_a_conversion_past_the_time_limit_fails_and_is_not_reused(
    services: Services, sources: dict[str, dict]
) -> None:
    # given a conversion job queued where only this test runs it, with a tiny time limit
    box_id = sources["box"]["id"]
    job = await services.conversions.request(VIEWER, box_id, WELDED_OBJ)
    # when the worker's job function runs it
    await run_worker_job(services, job.id)
    # then it ends FAILED with TIMEOUT, lists no file, and a new request starts a new job
    ended = await services.jobs.get_visible(VIEWER, job.id)
    assert (ended.status, ended.error and ended.error.code) == (JobStatus.FAILED, "TIMEOUT")
    assert ended.outputs == [] and await listed_by(job.id, box_id) == []
    retry = await services.conversions.request(VIEWER, box_id, WELDED_OBJ)
    assert retry.id != job.id and retry.status is JobStatus.QUEUED
    await services.jobs.cancel(VIEWER, retry.id)


async def test_a_cancelled_job_does_no_work_and_is_not_reused(
    services: Services, sources: dict[str, dict]
) -> None:
    # given a queued conversion that the user cancelled
    sphere_id = sources["sphere"]["id"]
    job = await services.conversions.request(VIEWER, sphere_id, WELDED_OBJ)
    await services.jobs.cancel(VIEWER, job.id)
    # when a worker receives it anyway
    await run_worker_job(services, job.id)
    # then it stays CANCELLED with nothing stored, and a new request starts a new job
    ended = await services.jobs.get_visible(VIEWER, job.id)
    assert (ended.status, ended.outputs) == (JobStatus.CANCELLED, [])
    assert await listed_by(job.id, sphere_id) == []
    retry = await services.conversions.request(VIEWER, sphere_id, WELDED_OBJ)
    assert retry.id != job.id
    await services.jobs.cancel(VIEWER, retry.id)

"""Asset versions on the real stack: an upload with assetId adds a version, ingested by its own
job, that becomes current once READY (a FAILED one leaves the current one as it was); every
version keeps its own files and stats, read back by trimesh; assetVersionRestore makes an old
one current again as a new version pointing at its files; assetReady carries the version of
each outcome. Another owner, a token without the write scope and bad numbers change nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

import httpx
import pytest
import trimesh

from tests.conftest import new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_security_authz import token_for
from tests.e2e.test_uploads import complete, create, put
from tests.support import models
from tests.support.client import JOB_PROGRESS, Api

pytestmark = pytest.mark.slow

UPLOAD_VERSION = """mutation($file: Upload!, $assetId: ID) {
  assetUpload(file: $file, assetId: $assetId) {
    asset { id } job { id kind } errors { code field message } } }"""
VERSIONS = """query($id: ID!) {
  asset(id: $id) {
    id status stats { triangleCount } glbUrl
    currentVersion { id number }
    versions(first: 10) {
      totalCount
      edges { node { id number status restoredFrom createdAt stats { triangleCount }
                     error { code } files { role url sizeBytes } } } } } }"""
RESTORE = """mutation($id: ID!, $number: Int!) {
  assetVersionRestore(assetId: $id, number: $number) {
    asset { id currentVersion { number } stats { triangleCount } }
    errors { code field } } }"""
NODE = """query($id: ID!) { node(id: $id) { id ... on AssetVersion { number } } }"""
OUTCOMES_AFTER = """subscription($cursor: String) {
  assetReady(afterCursor: $cursor) { cursor version asset { id status stats { triangleCount } } }
}"""
FIRST_OUTCOME = """subscription($id: ID) { assetReady(assetId: $id) { cursor version } }"""

BOX = models.box_stl()
SPHERE = models.sphere_obj()


async def upload_version(api: Api, asset_id: str | None, data: bytes, filename: str
                         ) -> dict[str, Any]:
    operations = {"query": UPLOAD_VERSION, "variables": {"file": None, "assetId": asset_id}}
    async with httpx.AsyncClient(timeout=120) as http:
        response = await http.post(
            f"{api.base_url}/graphql", headers=api.headers,
            data={"operations": json.dumps(operations),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (filename, data, "application/octet-stream")})
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["assetUpload"])


async def job_finished(api: Api, job_id: str) -> str:
    """The job's last status, followed over jobProgress to its end."""
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": None})
        events = await subscriptions.collect(op, within=120)
    return str(events[-1]["jobProgress"]["job"]["status"])


async def versions_of(api: Api, asset_id: str) -> dict[str, Any]:
    return dict((await api.graphql(VERSIONS, {"id": asset_id}))["asset"])


def numbers(asset: dict[str, Any]) -> list[int]:
    return [edge["node"]["number"] for edge in asset["versions"]["edges"]]


async def glb_triangles(api: Api, files: list[dict[str, Any]]) -> int:
    url = next(f["url"] for f in files if f["role"] == "GLB")
    response = await api.download(url)
    assert response.status_code == 200
    scene = trimesh.load(io.BytesIO(response.content), file_type="glb", force="scene")
    return sum(len(geometry.faces) for geometry in scene.geometry.values())


async def first_outcome_cursor(api: Api, asset_id: str) -> str:
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(FIRST_OUTCOME, {"id": asset_id})
        [event] = await subscriptions.collect(op)
    return str(event["assetReady"]["cursor"])


async def test_a_new_version_becomes_current_and_the_old_one_keeps_its_files(api: Api) -> None:
    # given a READY box, which reads as version 1 before any other exists
    box = await upload_and_wait(api, BOX, "box.stl")
    before = await versions_of(api, box["id"])
    assert (before["currentVersion"]["number"], numbers(before)) == (1, [1])
    cursor = await first_outcome_cursor(api, box["id"])
    # when a sphere is uploaded as its next version
    uploaded = await upload_version(api, box["id"], SPHERE, "sphere.obj")
    assert uploaded["errors"] == [] and uploaded["asset"]["id"] == box["id"]
    assert await job_finished(api, uploaded["job"]["id"]) == "SUCCEEDED"
    # then the asset shows version 2: its stats and GLB are the sphere's
    after = await versions_of(api, box["id"])
    sphere_triangles = models.triangle_count(SPHERE, "obj")
    assert after["currentVersion"]["number"] == 2
    assert after["stats"]["triangleCount"] == sphere_triangles
    assert numbers(after) == [2, 1] and after["versions"]["totalCount"] == 2
    # and each version keeps its own stats and a GLB that reads back as its own model
    newest, oldest = (edge["node"] for edge in after["versions"]["edges"])
    assert (newest["status"], oldest["status"]) == ("READY", "READY")
    assert oldest["id"] == before["versions"]["edges"][0]["node"]["id"]
    assert await glb_triangles(api, newest["files"]) == sphere_triangles
    assert await glb_triangles(api, oldest["files"]) == models.triangle_count(BOX, "stl")
    # and assetReady, resumed after version 1's outcome, delivers version 2's
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(OUTCOMES_AFTER, {"cursor": cursor})
        [event] = await subscriptions.collect(op, count=1)
    outcome = event["assetReady"]
    assert (outcome["version"], outcome["asset"]["id"]) == (2, box["id"])
    assert outcome["asset"]["stats"]["triangleCount"] == sphere_triangles
    # and each version is a Relay node
    node = (await api.graphql(NODE, {"id": oldest["id"]}))["node"]
    assert node == {"id": oldest["id"], "number": 1}


async def test_restoring_an_old_version_adds_one_that_points_at_its_files(api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    uploaded = await upload_version(api, box["id"], SPHERE, "sphere.obj")
    assert await job_finished(api, uploaded["job"]["id"]) == "SUCCEEDED"
    # when version 1 is restored
    payload = (await api.graphql(RESTORE, {"id": box["id"], "number": 1}))
    restored = payload["assetVersionRestore"]
    # then version 3 is current, with the box's stats, and nothing was uploaded again
    assert restored["errors"] == []
    assert restored["asset"]["currentVersion"] == {"number": 3}
    assert restored["asset"]["stats"]["triangleCount"] == models.triangle_count(BOX, "stl")
    asset = await versions_of(api, box["id"])
    assert numbers(asset) == [3, 2, 1]
    third, _, first = (edge["node"] for edge in asset["versions"]["edges"])
    assert third["restoredFrom"] == 1
    assert {f["role"]: f["sizeBytes"] for f in third["files"]} == \
        {f["role"]: f["sizeBytes"] for f in first["files"]}
    glb = await api.download(asset["glbUrl"])
    assert trimesh.load(io.BytesIO(glb.content), file_type="glb", force="mesh").faces.shape[0] \
        == models.triangle_count(BOX, "stl")


async def test_a_failed_version_leaves_the_current_one_and_cannot_be_restored(
        api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    # when a broken model is uploaded as version 2
    uploaded = await upload_version(api, box["id"], b"solid broken\nfacet normal x\n", "bad.stl")
    assert uploaded["errors"] == []
    assert await job_finished(api, uploaded["job"]["id"]) == "FAILED"
    # then the asset is still READY at version 1, and version 2 says why it failed
    asset = await versions_of(api, box["id"])
    assert (asset["status"], asset["currentVersion"]["number"]) == ("READY", 1)
    assert asset["stats"]["triangleCount"] == models.triangle_count(BOX, "stl")
    failed = asset["versions"]["edges"][0]["node"]
    assert (failed["number"], failed["status"]) == (2, "FAILED")
    assert failed["error"]["code"] == "CORRUPT_FILE"
    # and restoring it, or a version that does not exist, is refused with a code
    refused = (await api.graphql(RESTORE, {"id": box["id"], "number": 2}))
    assert refused["assetVersionRestore"]["errors"][0]["code"] == "INVALID_STATE"
    missing = (await api.graphql(RESTORE, {"id": box["id"], "number": 9}))
    assert missing["assetVersionRestore"]["errors"] == [{"code": "NOT_FOUND", "field": ["number"]}]
    assert numbers(await versions_of(api, box["id"])) == [2, 1]


async def test_a_zip_of_several_models_is_not_one_version(api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("a.stl", BOX)
        bundle.writestr("b.obj", SPHERE)
    uploaded = await upload_version(api, box["id"], buffer.getvalue(), "two.zip")
    assert await job_finished(api, uploaded["job"]["id"]) == "FAILED"
    failed = (await versions_of(api, box["id"]))["versions"]["edges"][0]["node"]
    assert failed["error"]["code"] == "INVALID_INPUT"


async def test_others_and_read_only_tokens_change_no_version(admin: Api, api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    stranger = await new_owner_api(admin)
    owner = (await api.graphql("{ viewer { owner } }"))["viewer"]["owner"]
    reader = await token_for(admin, owner, ["ASSETS_READ", "JOBS_READ"])
    # another owner: NOT_FOUND, as for an id of nothing; no version read or made
    for client in (stranger, api):
        refused = await upload_version(client, "ast_" + "0" * 24, SPHERE, "sphere.obj")
        assert refused["errors"][0]["code"] == "NOT_FOUND"
    refused = await upload_version(stranger, box["id"], SPHERE, "sphere.obj")
    assert (refused["errors"][0]["code"], refused["job"]) == ("NOT_FOUND", None)
    restore = await stranger.graphql(RESTORE, {"id": box["id"], "number": 1})
    assert restore["assetVersionRestore"]["errors"][0]["code"] == "NOT_FOUND"
    version_id = (await versions_of(api, box["id"]))["currentVersion"]["id"]
    assert (await stranger.graphql(NODE, {"id": version_id}))["node"] is None
    # the owner's token without assets:write: FORBIDDEN
    refused = await upload_version(reader, box["id"], SPHERE, "sphere.obj")
    assert refused["errors"][0]["code"] == "FORBIDDEN"
    restore = await reader.graphql(RESTORE, {"id": box["id"], "number": 1})
    assert restore["assetVersionRestore"]["errors"][0]["code"] == "FORBIDDEN"
    # and the asset still has its one version
    asset = await versions_of(api, box["id"])
    assert (numbers(asset), asset["currentVersion"]["number"]) == ([1], 1)


CONVERT = """mutation($id: ID!) {
  assetConvert(assetId: $id, input: {format: STL}) { job { id assetVersion } errors { code } } }"""
JOB = """query($id: ID!) {
  job(id: $id) { status assetVersion outputs { role url } } }"""


async def converted_triangles(api: Api, asset_id: str) -> tuple[int, int]:
    """(the version the conversion read, the triangles of what it wrote, read by trimesh)."""
    payload = (await api.graphql(CONVERT, {"id": asset_id}))["assetConvert"]
    assert payload["errors"] == []
    assert await job_finished(api, payload["job"]["id"]) == "SUCCEEDED"
    job = (await api.graphql(JOB, {"id": payload["job"]["id"]}))["job"]
    [output] = job["outputs"]
    stl = await api.download(output["url"])
    mesh = trimesh.load(io.BytesIO(stl.content), file_type="stl", force="mesh")
    return job["assetVersion"], len(mesh.faces)


async def test_jobs_record_the_version_they_made_or_read(api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    assert await converted_triangles(api, box["id"]) == (1, models.triangle_count(BOX, "stl"))
    uploaded = await upload_version(api, box["id"], SPHERE, "sphere.obj")
    assert await job_finished(api, uploaded["job"]["id"]) == "SUCCEEDED"
    ingest = (await api.graphql(JOB, {"id": uploaded["job"]["id"]}))["job"]
    assert ingest["assetVersion"] == 2
    # a conversion of the same request reads the new version, not the first one's cached file
    assert await converted_triangles(api, box["id"]) == (2, models.triangle_count(SPHERE, "obj"))
    # and version 3, restoring version 1's very bytes, gets version 1's finished conversion
    await api.graphql(RESTORE, {"id": box["id"], "number": 1})
    assert await converted_triangles(api, box["id"]) == (1, models.triangle_count(BOX, "stl"))


async def test_a_direct_upload_with_asset_id_adds_a_version(api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    # a first declaration abandoned, then the one the client goes on with
    await create(api, SPHERE, "sphere.obj", assetId=box["id"])
    created = await create(api, SPHERE, "sphere.obj", assetId=box["id"],
                           sha256=hashlib.sha256(SPHERE).hexdigest())
    assert created["errors"] == [] and created["asset"]["id"] == box["id"]
    # completing before the bytes are there is refused and changes nothing
    early = await complete(api, box["id"])
    assert early["errors"][0]["code"] == "INVALID_STATE"
    assert (await put(created, SPHERE)).status_code in (200, 201, 204)
    # then completing it ingests version 2, which becomes current
    completed = await complete(api, box["id"])
    assert completed["errors"] == [] and completed["job"]["status"] == "QUEUED"
    assert await job_finished(api, completed["job"]["id"]) == "SUCCEEDED"
    asset = await versions_of(api, box["id"])
    assert (asset["currentVersion"]["number"], numbers(asset)) == (2, [2, 1])
    assert asset["stats"]["triangleCount"] == models.triangle_count(SPHERE, "obj")
    # and the declaration is used up: completing again is refused
    again = await complete(api, box["id"])
    assert again["errors"][0]["code"] == "INVALID_STATE"


async def test_a_direct_version_upload_is_refused_to_others_and_checked(
        admin: Api, api: Api) -> None:
    box = await upload_and_wait(api, BOX, "box.stl")
    stranger = await new_owner_api(admin)
    refused = await create(stranger, SPHERE, "sphere.obj", assetId=box["id"])
    assert refused["errors"][0]["code"] == "NOT_FOUND"
    # bytes that are not those declared are refused and the version is not made
    created = await create(api, SPHERE, "sphere.obj", assetId=box["id"],
                           sha256=hashlib.sha256(BOX).hexdigest())
    assert (await put(created, SPHERE)).status_code in (200, 201, 204)
    wrong = await complete(api, box["id"])
    assert wrong["errors"][0]["code"] == "CONFLICT"
    assert numbers(await versions_of(api, box["id"])) == [1]

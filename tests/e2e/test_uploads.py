"""Ways in over real HTTP: direct uploads (create, PUT, complete), identical bytes reused,
batches of files, and a zip of several models, each its own asset and job."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import httpx
import trimesh

from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.ingest import uploads
from tests.support import models
from tests.support.client import ASSET_FIELDS, ASSET_READY, JOB_FIELDS, Api
from tests.support.gltf_validator import khronos_bytes_errors

CREATE = f"""
mutation Create($input: AssetUploadCreateInput!) {{
  assetUploadCreate(input: $input) {{
    asset {{ {ASSET_FIELDS} }} uploadUrl uploadHeaders {{ name value }} expiresAt reused
    errors {{ field message code }}
  }}
}}"""
COMPLETE = f"""
mutation Complete($id: ID!) {{
  assetUploadComplete(assetId: $id) {{
    asset {{ {ASSET_FIELDS} }} job {{ {JOB_FIELDS} }} reused errors {{ field message code }}
  }}
}}"""
MANY = f"""
mutation Many($files: [Upload!]!, $tags: [String!]) {{
  assetUploadMany(files: $files, tags: $tags) {{
    uploads {{ asset {{ {ASSET_FIELDS} }} job {{ id }} reused errors {{ code message }} }}
    errors {{ code message }}
  }}
}}"""
ONE = f"""
mutation One($file: Upload!, $copy: Boolean!) {{
  assetUpload(file: $file, copy: $copy) {{
    asset {{ {ASSET_FIELDS} }} job {{ {JOB_FIELDS} }} reused errors {{ code message }}
  }}
}}"""
ASSET = f"query($id: ID!) {{ asset(id: $id) {{ {ASSET_FIELDS} }} }}"
JOB = "query($id: ID!) { job(id: $id) { id status message } }"


async def create(api: Api, data: bytes, filename: str, **extra: object) -> dict:
    declared = {"filename": filename, "sizeBytes": len(data), **extra}
    return (await api.graphql(CREATE, {"input": declared}))["assetUploadCreate"]


async def put(created: dict, data: bytes) -> httpx.Response:
    headers = {h["name"]: h["value"] for h in created["uploadHeaders"]}
    async with httpx.AsyncClient(timeout=60) as http:
        return await http.put(created["uploadUrl"], content=data, headers=headers)


async def complete(api: Api, asset_id: str) -> dict:
    return (await api.graphql(COMPLETE, {"id": asset_id}))["assetUploadComplete"]


async def wait_ready(api: Api, asset_id: str) -> dict:
    async with api.websocket() as subscriptions:
        events = await subscriptions.collect(
            await subscriptions.start(ASSET_READY, {"id": asset_id}), within=120)
    return events[0]["assetReady"]["asset"]


async def multipart(api: Api, query: str, files: dict[str, bytes], variables: dict,
                    paths: list[str]) -> dict:
    """A GraphQL multipart request: file k goes to the variable path paths[k]."""
    operations = {"query": query, "variables": variables}
    mapping = {str(k): [path] for k, path in enumerate(paths)}
    parts = {str(k): (name, data, "application/octet-stream")
             for k, (name, data) in enumerate(files.items())}
    async with httpx.AsyncClient(timeout=120) as http:
        response = await http.post(f"{api.base_url}/graphql", headers=api.headers, files=parts,
                                   data={"operations": json.dumps(operations),
                                         "map": json.dumps(mapping)})
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def upload_many(api: Api, files: dict[str, bytes], tags: list[str] | None = None
                      ) -> dict:
    variables = {"files": [None] * len(files), "tags": tags}
    paths = [f"variables.files.{k}" for k in range(len(files))]
    return (await multipart(api, MANY, files, variables, paths))["assetUploadMany"]


async def upload_one(api: Api, data: bytes, filename: str, *, copy: bool = False) -> dict:
    variables = {"file": None, "copy": copy}
    return (await multipart(api, ONE, {filename: data}, variables, ["variables.file"])
            )["assetUpload"]


async def test_a_direct_upload_is_put_then_completed_into_a_ready_asset(
        api: Api, tmp_path: Path) -> None:
    data = models.cylinder_glb()

    created = await create(api, data, "direct.glb", sha256=hashlib.sha256(data).hexdigest(),
                           tags=["direct"])
    put_response = await put(created, data)
    completed = await complete(api, created["asset"]["id"])
    asset = await wait_ready(api, created["asset"]["id"])

    assert created["errors"] == [] and created["reused"] is False
    assert created["asset"]["status"] == "PENDING_UPLOAD" and created["expiresAt"]
    assert put_response.status_code == 200
    assert completed["errors"] == [] and completed["job"]["status"] == "QUEUED"
    assert asset["status"] == "READY" and asset["tags"] == ["direct"]
    assert asset["sha256"] == hashlib.sha256(data).hexdigest()
    glb = await api.download(asset["glbUrl"])
    assert khronos_bytes_errors(glb.content, tmp_path) == []


async def test_completion_checks_the_declared_size_and_hash(api: Api) -> None:
    data = models.box_stl()
    wrong_hash = await create(api, data, "hash.stl", sha256="0" * 64)
    wrong_size = await create(api, data + b"\x00", "size.stl")

    await put(wrong_hash, data)
    await put(wrong_size, data)
    hash_result = await complete(api, wrong_hash["asset"]["id"])
    size_result = await complete(api, wrong_size["asset"]["id"])

    assert [e["code"] for e in hash_result["errors"]] == ["CONFLICT"]
    assert [e["code"] for e in size_result["errors"]] == ["CONFLICT"]
    still = await api.graphql(ASSET, {"id": wrong_hash["asset"]["id"]})
    assert still["asset"]["status"] == "PENDING_UPLOAD"  # the client may PUT again


async def test_the_upload_url_accepts_only_the_declared_size(api: Api) -> None:
    data = models.box_stl()
    created = await create(api, data, "exact.stl")

    too_big = await put(created, data + b"\x00" * 1024)
    size = f"size={len(data)}"
    forged = await put({**created, "uploadUrl": created["uploadUrl"].replace(
        size, f"size={len(data) + 1024}")}, data + b"\x00" * 1024)
    exact = await put(created, data)

    assert (too_big.status_code, forged.status_code, exact.status_code) == (413, 403, 200)
    assert (await complete(api, created["asset"]["id"]))["errors"] == []


async def test_completion_refuses_what_is_missing_or_done(api: Api, admin: Api) -> None:
    from tests.conftest import new_owner_api

    data = models.box_stl()
    created = await create(api, data, "twice.stl")
    nothing_yet = await complete(api, created["asset"]["id"])
    await put(created, data)
    other = await new_owner_api(admin)
    foreign = await complete(other, created["asset"]["id"])
    first = await complete(api, created["asset"]["id"])
    second = await complete(api, created["asset"]["id"])
    unknown = await complete(api, "ast_missing")

    assert [e["code"] for e in nothing_yet["errors"]] == ["INVALID_STATE"]
    assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"]
    assert first["errors"] == []
    assert [e["code"] for e in second["errors"]] == ["INVALID_STATE"]
    assert [e["code"] for e in unknown["errors"]] == ["NOT_FOUND"]


async def test_create_refuses_bad_declarations(api: Api) -> None:
    too_big = await create(api, b"", "huge.glb", sizeBytes=10**12)
    empty = await create(api, b"", "empty.glb")
    bad_hash = await create(api, b"abc", "x.glb", sha256="not-a-hash")

    assert [e["code"] for e in too_big["errors"]] == ["TOO_LARGE"]
    assert [e["code"] for e in empty["errors"]] == ["INVALID_INPUT"]
    assert [(e["code"], e["field"]) for e in bad_hash["errors"]] == [
        ("INVALID_INPUT", ["sha256"])]


async def test_identical_bytes_give_back_the_existing_asset_unless_a_copy_is_asked(
        api: Api) -> None:
    data = models.sphere_obj(1)
    first = await upload_and_wait(api, data, "same.obj")

    again = await upload_one(api, data, "same-again.obj")
    copied = await upload_one(api, data, "same-copy.obj", copy=True)
    declared = await create(api, data, "same-direct.obj",
                            sha256=hashlib.sha256(data).hexdigest())
    declared_copy = await create(api, data, "copy-direct.obj", copy=True,
                                 sha256=hashlib.sha256(data).hexdigest())

    assert (again["reused"], again["asset"]["id"]) == (True, first["id"])
    assert again["job"]["status"] == "SUCCEEDED"
    assert copied["reused"] is False and copied["asset"]["id"] != first["id"]
    assert (declared["reused"], declared["asset"]["id"], declared["uploadUrl"]) == (
        True, first["id"], None)
    assert declared_copy["reused"] is False
    assert declared_copy["asset"]["status"] == "PENDING_UPLOAD"


async def test_a_completed_upload_of_known_bytes_is_folded_into_the_existing_asset(
        api: Api) -> None:
    data = models.box_stl((3.0, 1.0, 1.0))
    first = await upload_and_wait(api, data, "known.stl")

    created = await create(api, data, "known-again.stl")  # no sha256: judged on completion
    await put(created, data)
    completed = await complete(api, created["asset"]["id"])
    pending = await api.graphql(ASSET, {"id": created["asset"]["id"]})

    assert (completed["reused"], completed["asset"]["id"]) == (True, first["id"])
    assert pending["asset"] is None


async def test_many_files_in_one_request_each_become_an_asset(api: Api) -> None:
    files = {"a.stl": models.box_stl((1.0, 1.0, 2.0)), "b.obj": models.sphere_obj(1),
             "c.ply": models.torus_ply()}

    result = await upload_many(api, files, tags=["batch"])
    assets = [await wait_ready(api, item["asset"]["id"]) for item in result["uploads"]]

    assert result["errors"] == [] and [u["errors"] for u in result["uploads"]] == [[]] * 3
    assert len({item["job"]["id"] for item in result["uploads"]}) == 3
    assert [a["name"] for a in assets] == list(files)
    assert all(a["status"] == "READY" and a["tags"] == ["batch"] for a in assets)


async def test_a_zip_of_several_models_becomes_one_asset_each(api: Api, tmp_path: Path
                                                             ) -> None:
    obj = uploads.textured_obj_files()
    bundle = uploads.zip_of({
        "chair/chair.obj": obj["box.obj"], "chair/box.mtl": obj["box.mtl"],
        **{f"chair/{n}": d for n, d in obj.items() if n.endswith(".png")},
        "lamp.stl": bytes(trimesh.creation.cylinder(radius=0.2, height=1).export(
            file_type="stl")),
        "crate.gltf": uploads.embedded_gltf(*uploads.rich_gltf()),
    })

    uploaded = await api.upload(bundle, "furniture.zip", tags=["set"])
    parent = await wait_ready(api, uploaded["asset"]["id"])
    job = (await api.graphql(JOB, {"id": uploaded["job"]["id"]}))["job"]
    children = [await wait_ready(api, f"{parent['id']}-{k}") for k in (1, 2)]

    assert parent["status"] == "READY", parent["error"]
    assert parent["name"] == "chair.obj" and parent["stats"]["textureCount"] == 1
    assert "3 models" in job["message"]
    assert sorted(c["name"] for c in children) == ["crate.gltf", "lamp.stl"]
    assert all(c["status"] == "READY" and c["tags"] == ["set"] for c in children)
    for asset in [parent, *children]:
        glb = await api.download(asset["glbUrl"])
        assert khronos_bytes_errors(glb.content, tmp_path) == []

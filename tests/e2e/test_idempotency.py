"""Idempotency keys on creating mutations: a retry after a lost answer returns the first result
and creates nothing more; another request under the same key is CONFLICT; a key is its owner's
alone; a request that failed leaves its key free."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from tests.conftest import new_owner_api
from tests.support import models
from tests.support.client import Api

UPLOAD = """
mutation($file: Upload!, $name: String, $key: String) {
  assetUpload(file: $file, name: $name, copy: true, idempotencyKey: $key) {
    asset { id } job { id } errors { code field }
  }
}"""
SCENE_CREATE = """
mutation($name: String!, $key: String) {
  sceneCreate(input: {name: $name}, idempotencyKey: $key) {
    scene { id name } errors { code field }
  }
}"""
DIRECT_CREATE = """
mutation($size: Long!, $key: String) {
  assetUploadCreate(input: {filename: "direct.stl", sizeBytes: $size}, idempotencyKey: $key) {
    asset { id status } uploadUrl errors { code }
  }
}"""
COUNTS = "{ assets { totalCount } scenes { totalCount } jobs { totalCount } }"


async def upload(api: Api, data: bytes, name: str, key: str | None) -> dict[str, Any]:
    operations = {"query": UPLOAD, "variables": {"file": None, "name": name, "key": key}}
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(
            f"{api.base_url}/graphql", headers=api.headers,
            data={"operations": json.dumps(operations),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("model.stl", data, "application/octet-stream")})
    response.raise_for_status()
    return dict(response.json()["data"]["assetUpload"])


async def counts(api: Api) -> dict[str, int]:
    data = await api.graphql(COUNTS)
    return {name: data[name]["totalCount"] for name in ("assets", "scenes", "jobs")}


async def test_a_retried_upload_returns_the_first_asset_and_job(api: Api) -> None:
    data = models.box_stl((1.0, 1.0, 2.0))

    first = await upload(api, data, "once", "upload-1")
    retried = await upload(api, data, "once", "upload-1")
    without_key = await upload(api, data, "once", None)

    assert first["errors"] == [] and retried["errors"] == []
    assert retried["asset"]["id"] == first["asset"]["id"]
    assert retried["job"]["id"] == first["job"]["id"]
    assert without_key["asset"]["id"] != first["asset"]["id"]  # copy: true makes a new one
    assert (await counts(api))["assets"] == 2


async def test_the_same_key_for_another_request_is_a_conflict(api: Api) -> None:
    created = (await api.graphql(SCENE_CREATE, {"name": "first", "key": "scene-1"}))["sceneCreate"]
    other = (await api.graphql(SCENE_CREATE, {"name": "second", "key": "scene-1"}))["sceneCreate"]

    assert created["errors"] == []
    assert [e["code"] for e in other["errors"]] == ["CONFLICT"] and other["scene"] is None
    assert (await counts(api))["scenes"] == 1


async def test_the_idempotency_key_header_works_like_the_argument(api: Api) -> None:
    headers = {**api.headers, "Idempotency-Key": "header-1"}

    async def create() -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=60) as http:
            response = await http.post(f"{api.base_url}/graphql", headers=headers, json={
                "query": SCENE_CREATE, "variables": {"name": "by header"}})
        return dict(response.json()["data"]["sceneCreate"])

    first, retried = await create(), await create()

    assert first["errors"] == [] and retried["scene"]["id"] == first["scene"]["id"]
    assert (await counts(api))["scenes"] == 1


async def test_concurrent_retries_create_once(api: Api) -> None:
    answers = await asyncio.gather(*[
        api.graphql(SCENE_CREATE, {"name": "raced", "key": "race-1"}) for _ in range(6)])

    payloads = [answer["sceneCreate"] for answer in answers]
    made = {p["scene"]["id"] for p in payloads if p["scene"]}
    codes = [e["code"] for p in payloads for e in p["errors"]]
    assert len(made) == 1
    assert set(codes) <= {"CONFLICT"}  # "still running" for those that overlapped the first
    assert (await counts(api))["scenes"] == 1


async def test_a_key_belongs_to_its_owner(api: Api, admin: Api) -> None:
    other = await new_owner_api(admin)

    mine = (await api.graphql(SCENE_CREATE, {"name": "mine", "key": "shared"}))["sceneCreate"]
    theirs = (await other.graphql(SCENE_CREATE, {"name": "mine", "key": "shared"}))["sceneCreate"]

    assert mine["errors"] == [] and theirs["errors"] == []
    assert theirs["scene"]["id"] != mine["scene"]["id"]
    assert (await counts(other))["scenes"] == 1


async def test_a_failed_request_leaves_its_key_free(api: Api) -> None:
    refused = (await api.graphql(SCENE_CREATE, {"name": "", "key": "retry-1"}))["sceneCreate"]
    fixed = (await api.graphql(SCENE_CREATE, {"name": "named", "key": "retry-1"}))["sceneCreate"]

    assert [e["code"] for e in refused["errors"]] == ["INVALID_INPUT"]
    assert fixed["errors"] == [] and fixed["scene"]["name"] == "named"


async def test_a_retried_direct_upload_gets_the_same_asset_and_a_fresh_url(api: Api) -> None:
    first = (await api.graphql(DIRECT_CREATE, {"size": 100, "key": "direct-1"}))
    await asyncio.sleep(1.1)  # a URL signed a second later expires a second later
    retried = (await api.graphql(DIRECT_CREATE, {"size": 100, "key": "direct-1"}))

    made, again = first["assetUploadCreate"], retried["assetUploadCreate"]
    assert made["errors"] == [] and again["errors"] == []
    assert again["asset"]["id"] == made["asset"]["id"]
    assert again["asset"]["status"] == "PENDING_UPLOAD" and again["uploadUrl"]
    assert again["uploadUrl"] != made["uploadUrl"]
    assert (await counts(api))["assets"] == 1


async def test_an_overlong_key_is_invalid_input(api: Api) -> None:
    answer = (await api.graphql(SCENE_CREATE, {"name": "x", "key": "k" * 201}))["sceneCreate"]

    assert [e["code"] for e in answer["errors"]] == ["INVALID_INPUT"]
    assert (await counts(api))["scenes"] == 0

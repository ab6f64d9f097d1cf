"""The catalog over the session's API and worker: an asset updated while it ingests keeps what
the update set and gains its file's own facts, is found by search and filters, and stays
NOT_FOUND to another owner."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from tests.conftest import new_owner_api
from tests.support.client import Api
from tests.support.models import cylinder_glb

UPDATE = """
mutation Update($id: ID!, $input: AssetUpdateInput!) {
  assetUpdate(id: $id, input: $input) {
    asset { id name description tags metadata license { spdxId text attribution } }
    errors { code field message }
  }
}"""


async def ready(api: Api, asset_id: str) -> dict[str, Any]:
    query = "query A($id: ID!) { asset(id: $id) { status sourceMetadata { generator upAxis } } }"
    for _ in range(600):
        asset = (await api.graphql(query, {"id": asset_id}))["asset"]
        if asset["status"] in ("READY", "FAILED"):
            return asset
        await asyncio.sleep(0.1)
    raise AssertionError(f"{asset_id} was not ingested in time")


async def test_the_api_updates_an_ingested_asset_and_hides_it_from_other_owners(
        admin: Api, worker: None) -> None:
    alice, mallory = await new_owner_api(admin), await new_owner_api(admin)
    uploaded = await alice.upload(cylinder_glb(), f"crate-{uuid.uuid4().hex[:6]}.glb")
    asset_id = uploaded["asset"]["id"]
    input = {"description": "Shipping crate", "metadata": {"sku": "C-1"},
             "license": {"spdxId": "CC0-1.0"}, "tags": ["props"]}

    refused = await mallory.graphql(UPDATE, {"id": asset_id, "input": input})
    done = await alice.graphql(UPDATE, {"id": asset_id, "input": input})

    assert [e["code"] for e in refused["assetUpdate"]["errors"]] == ["NOT_FOUND"]
    assert done["assetUpdate"]["errors"] == []
    assert done["assetUpdate"]["asset"]["metadata"] == {"sku": "C-1"}
    # Ingest finishing after the update keeps what the update set, and adds the file's facts.
    assert await ready(alice, asset_id) == {"status": "READY", "sourceMetadata": {
        "generator": "https://github.com/mikedh/trimesh", "upAxis": "Y"}}
    found = await alice.graphql(
        'query { assets(search: "crate", filter: {license: ["cc0-1.0"], tagsAny: ["props"]}) '
        "{ totalCount edges { node { id description metadata } } } }")
    assert found["assets"]["edges"] == [{"node": {
        "id": asset_id, "description": "Shipping crate", "metadata": {"sku": "C-1"}}}]

"""jobRetry over real HTTP with a worker: a render cancelled while it waited comes back as a
new job that the worker draws to SUCCEEDED, the cancelled one kept as it ended; the same
idempotency key gives the same new job, and a SUCCEEDED job is not retried."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.config import Settings
from app.geometry.render import RenderOptions, RenderRequest
from app.models.token import Scope
from app.services.auth import Principal
from app.services.container import Services, opened_services
from tests.conftest import new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_projects import owner_of
from tests.e2e.test_render import JOB, finished, red_cube_glb
from tests.support.client import Api

pytestmark = pytest.mark.slow

CANCEL = "mutation($id: ID!) { jobCancel(id: $id) { job { status } errors { code } } }"
RETRY = """mutation($id: ID!, $key: String) {
  jobRetry(id: $id, idempotencyKey: $key) {
    job { id kind status asset { id } params } errors { field code message } } }"""


@pytest.fixture
async def idle_services(env: dict[str, str]) -> AsyncIterator[Services]:
    """Services of this process on the stack's stores, on a queue no worker reads: a job
    made here waits, so cancelling it ends it CANCELLED at once."""
    settings = Settings(mongodb_url=env["ATELIER_MONGODB_URL"],
                        redis_url=env["ATELIER_REDIS_URL"],
                        database_name=env["ATELIER_DATABASE_NAME"],
                        storage_dir=Path(env["ATELIER_STORAGE_DIR"]),
                        secret_key=env["ATELIER_SECRET_KEY"], queue_name="atelier:queue:idle")
    async with opened_services(settings) as opened:
        yield opened


async def test_a_cancelled_render_is_retried_to_succeeded(
        admin: Api, worker: None, idle_services: Services) -> None:
    # Given a render that was cancelled before a worker took it
    owner = await new_owner_api(admin)
    cube = await upload_and_wait(owner, red_cube_glb(), "red-cube.glb")
    viewer = Principal(owner=await owner_of(owner),
                       scopes=frozenset(scope for scope in Scope if scope is not Scope.ADMIN))
    waiting = await idle_services.renders.submit(
        viewer, asset_id=cube["id"], scene_id=None,
        request=RenderRequest(options=RenderOptions(width=32, height=32)))
    cancelled = await owner.graphql(CANCEL, {"id": waiting.id})
    assert cancelled["jobCancel"]["job"]["status"] == "CANCELLED"

    # When it is retried, twice with one key
    first = (await owner.graphql(RETRY, {"id": waiting.id, "key": "retry-1"}))["jobRetry"]
    again = (await owner.graphql(RETRY, {"id": waiting.id, "key": "retry-1"}))["jobRetry"]

    # Then one new render of the same asset and parameters runs to SUCCEEDED with its image
    assert first["errors"] == [] and again["job"]["id"] == first["job"]["id"] != waiting.id
    assert (first["job"]["kind"], first["job"]["asset"]["id"]) == ("RENDER", cube["id"])
    assert first["job"]["params"] == waiting.params
    events = await finished(owner, first["job"]["id"])
    assert events[-1]["job"]["status"] == "SUCCEEDED"
    done = (await owner.graphql(JOB, {"id": first["job"]["id"]}))["job"]
    assert [output["role"] for output in done["outputs"]] == ["RENDER"]
    # and the cancelled one stays as it ended, while the succeeded one is not retried
    old = (await owner.graphql(JOB, {"id": waiting.id}))["job"]
    assert (old["status"], old["outputs"]) == ("CANCELLED", [])
    done_again = (await owner.graphql(RETRY, {"id": done["id"], "key": None}))["jobRetry"]
    assert [(e["code"], e["field"]) for e in done_again["errors"]] == [("INVALID_STATE", ["id"])]

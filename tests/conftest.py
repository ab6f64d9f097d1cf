"""Real servers for the suite: SecantusDB, redis-server, `atelier api` and `atelier worker`."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from tests.support.client import Api
from tests.support.stack import stack_env, start_api, start_worker

ADMIN_TOKEN = "test-admin-" + uuid.uuid4().hex
OWNER_SCOPES = ["ASSETS_READ", "ASSETS_WRITE", "SCENES_READ", "SCENES_WRITE", "JOBS_READ",
                "JOBS_WRITE"]
TOKEN_CREATE = """
mutation Create($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) { token { id owner scopes } secret errors { code message } }
}"""


@pytest.fixture(scope="session")
def stack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stack")


@pytest.fixture(scope="session")
def database(stack_dir: Path) -> Iterator[EmbeddedDatabase]:
    server = EmbeddedDatabase(stack_dir / "db", log_path=stack_dir / "secantus.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server(stack_dir: Path) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(stack_dir / "redis", log_path=stack_dir / "redis.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def env(stack_dir: Path, database: EmbeddedDatabase, redis_server: EmbeddedRedis
        ) -> dict[str, str]:
    return stack_env(mongodb_url=database.url, redis_url=redis_server.url,
                     storage_dir=stack_dir / "objects", database_name="atelier_test",
                     admin_token=ADMIN_TOKEN)


@pytest.fixture(scope="session")
def api_url(stack_dir: Path, env: dict[str, str]) -> Iterator[str]:
    api, url = start_api(env, stack_dir / "api.log")
    yield url
    api.stop()


@pytest.fixture(scope="session")
def worker(stack_dir: Path, env: dict[str, str], api_url: str) -> Iterator[None]:
    process = start_worker(env, stack_dir / "worker.log")
    yield
    process.stop()


@pytest.fixture
def admin(api_url: str) -> Api:
    return Api(api_url, ADMIN_TOKEN)


async def new_owner_api(admin: Api, scopes: list[str] | None = None) -> Api:
    """A fresh owner with its own token, so tests never see each other's data."""
    owner = "owner-" + uuid.uuid4().hex[:10]
    data = await admin.graphql(TOKEN_CREATE, {"input": {"owner": owner, "name": "test",
                                                        "scopes": scopes or OWNER_SCOPES}})
    payload = data["apiTokenCreate"]
    assert payload["errors"] == []
    return admin.with_token(payload["secret"])


@pytest.fixture
async def api(admin: Api, worker: None) -> Api:
    return await new_owner_api(admin)

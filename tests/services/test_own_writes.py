"""This process's writes reach the caches listening to their collection as the driver sends
them and again when answered; reads do not; a transaction's end reaches every collection's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.services.container import open_mongo
from app.services.own_writes import OWN_WRITES


class Cache:
    def __init__(self, collection: str) -> None:
        self.dropped = 0
        OWN_WRITES.listen(collection, self)

    def invalidate(self) -> None:
        self.dropped += 1


@pytest.fixture
async def db(database: EmbeddedDatabase) -> AsyncIterator[AsyncDatabase[dict[str, Any]]]:
    client = open_mongo(Settings(mongodb_url=database.url))
    try:
        yield client["own_writes"]
    finally:
        await client.close()


async def test_each_kind_of_write_is_told_when_sent_and_when_answered(
        db: AsyncDatabase[dict[str, Any]]) -> None:
    assets, other = Cache("assets"), Cache("scenes")
    await db.assets.insert_one({"_id": "a", "n": 0})
    assert assets.dropped == 2
    await db.assets.update_one({"_id": "a"}, {"$inc": {"n": 1}})
    await db.assets.find_one_and_update({"_id": "a"}, {"$inc": {"n": 1}})
    await db.assets.delete_one({"_id": "a"})
    assert assets.dropped == 8
    await db.assets.find_one({"_id": "a"})
    await db.command("count", "assets")
    assert assets.dropped == 8 and other.dropped == 0


async def test_a_failed_write_is_told_too_and_a_transaction_s_end_tells_everyone(
        db: AsyncDatabase[dict[str, Any]]) -> None:
    await db.assets.insert_one({"_id": "taken"})
    assets, other = Cache("assets"), Cache("scenes")
    with pytest.raises(Exception, match="duplicate key"):
        await db.assets.insert_one({"_id": "taken"})
    assert assets.dropped == 2
    async with db.client.start_session() as session:
        await session.start_transaction()
        await db.assets.update_one({"_id": "taken"}, {"$set": {"n": 1}}, session=session)
        await session.commit_transaction()
    assert assets.dropped == 6 and other.dropped == 2


"""Writes that change one document and give it back: the document after the write, None when
the conditions no longer hold; a transaction's removal hands the document back; of claimers
racing for the first documents in order each document goes to one of them."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pymongo.asynchronous.collection import AsyncCollection

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.services.container import open_mongo
from app.services.point_writes import claim_first, delete_by_id, update_by_id


@pytest.fixture
async def collection(database: EmbeddedDatabase) -> AsyncIterator[AsyncCollection[Any]]:
    client = open_mongo(Settings(mongodb_url=database.url))
    try:
        yield client["point_writes"][uuid.uuid4().hex]
    finally:
        await client.close()


async def test_an_update_gives_the_document_after_it_or_none_when_it_no_longer_matches(
        collection: AsyncCollection[Any]) -> None:
    await collection.insert_one({"_id": "job", "status": "RUNNING", "n": 1})
    after = await update_by_id(collection, "job", {"$inc": {"n": 1}, "$set": {"status": "DONE"}},
                               conditions={"status": "RUNNING"})
    assert after == {"_id": "job", "status": "DONE", "n": 2}
    assert await update_by_id(collection, "job", {"$inc": {"n": 1}},
                              conditions={"status": "RUNNING"}) is None
    assert await update_by_id(collection, "gone", {"$inc": {"n": 1}}) is None
    assert await collection.find_one({"_id": "job"}) == after


async def test_a_removal_in_a_transaction_gives_the_document_back_and_an_abort_keeps_it(
        collection: AsyncCollection[Any]) -> None:
    await collection.insert_one({"_id": "scene", "name": "kept"})
    async with collection.database.client.start_session() as session:
        await session.start_transaction()
        assert await delete_by_id(collection, "scene", session) == {"_id": "scene",
                                                                    "name": "kept"}
        await session.abort_transaction()
    assert await collection.count_documents({}) == 1
    async with collection.database.client.start_session() as session:
        await session.start_transaction()
        assert await delete_by_id(collection, "scene", session) is not None
        assert await delete_by_id(collection, "scene", session) is None
        await session.commit_transaction()
    assert await collection.count_documents({}) == 0


async def test_racing_claimers_each_take_a_different_document_in_order(
        collection: AsyncCollection[Any]) -> None:
    await collection.insert_many([{"_id": f"d{n}", "due": n, "taken": None} for n in range(5)])

    async def claim(claimer: int) -> dict[str, Any] | None:
        return await claim_first(collection, {"taken": None}, {"$set": {"taken": claimer}},
                                 sort=[("due", 1)])

    claimed = await asyncio.gather(*(claim(claimer) for claimer in range(8)))
    taken = [document for document in claimed if document is not None]
    assert sorted(document["_id"] for document in taken) == [f"d{n}" for n in range(5)]
    assert claimed.count(None) == 3
    stored = {document["_id"]: document["taken"] async for document in collection.find()}
    assert stored == {document["_id"]: document["taken"] for document in taken}

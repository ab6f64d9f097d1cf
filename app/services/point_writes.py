"""Writes that change one document and give it back, without findAndModify.

SecantusDB answers findAndModify by re-checking its filter as `{_id, $and: [filter]}`, a shape
none of its indexes serves: every call scans the whole collection (8 ms at 1,000 documents,
21 ms at 3,000 on the build machine, growing with every job or asset ever stored). An update
by id and a read by id each use the primary key whatever the size (about 1 ms and 0.5 ms).
In a transaction the read sees exactly the write before it; outside one, a write that lands
between the two shows in the document returned (as it would in a read made just after).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

# A claim's candidate taken by another writer first: pick again, a few times at most.
_CLAIM_TRIES = 5


async def update_by_id(collection: AsyncCollection[Any], document_id: str,
                       update: Mapping[str, Any], *,
                       conditions: Mapping[str, Any] | None = None,
                       session: AsyncClientSession | None = None) -> dict[str, Any] | None:
    """Apply `update` to the document `document_id` if it still matches `conditions`; it
    after the write, or None when no document matched."""
    updated = await collection.update_one({"_id": document_id, **(conditions or {})}, update,
                                          session=session)
    if not updated.matched_count:
        return None
    document: dict[str, Any] | None = await collection.find_one({"_id": document_id},
                                                                session=session)
    return document


async def delete_by_id(collection: AsyncCollection[Any], document_id: str,
                       session: AsyncClientSession) -> dict[str, Any] | None:
    """Remove the document `document_id` in `session`'s transaction; it as it was stored, or
    None when it is gone."""
    document: dict[str, Any] | None = await collection.find_one({"_id": document_id},
                                                                session=session)
    if document is not None:
        await collection.delete_one({"_id": document_id}, session=session)
    return document


async def claim_first(collection: AsyncCollection[Any], query: Mapping[str, Any],
                      update: Mapping[str, Any], sort: Sequence[tuple[str, int]]
                      ) -> dict[str, Any] | None:
    """Apply `update` to the first document matching `query` in `sort` order, which the write
    re-checks, so of writers racing for one document one takes it; it after the write, or
    None when none matches (or every candidate was taken while this one picked)."""
    for _ in range(_CLAIM_TRIES):
        candidate = await collection.find_one(query, {"_id": 1}, sort=list(sort))
        if candidate is None:
            return None
        claimed = await update_by_id(collection, candidate["_id"], update, conditions=query)
        if claimed is not None:
            return claimed
    return None

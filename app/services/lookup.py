"""Documents by id in small batches: SecantusDB slows down on large `$in` lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from beanie import Document

D = TypeVar("D", bound=Document)
MAX_BATCH = 100


async def find_by_ids(model: type[D], ids: Iterable[str]) -> dict[str, D]:
    """The documents that exist among `ids`, one round trip per MAX_BATCH ids."""
    wanted = sorted(set(ids))
    found: dict[str, D] = {}
    for start in range(0, len(wanted), MAX_BATCH):
        batch = wanted[start:start + MAX_BATCH]
        found.update((str(d.id), d) for d in await model.find({"_id": {"$in": batch}}).to_list())
    return found

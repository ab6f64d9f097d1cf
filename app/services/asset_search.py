"""Which assets a list shows and in what order: the filter, the search words and the ordering
turned into one MongoDB query (every condition on an indexed field) and a keyset ordering.

Search matches the words (`app.models.search_terms`) of an asset's name, description and tags,
kept on the asset as `search_terms` (a multikey index): an asset matching any query word is
found, ranked by the query words its name holds (counted twice) and the rest holds. A text
index would do the same on MongoDB, but SecantusDB has none, so the words are stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.errors import InvalidInput
from app.models.asset import AssetStatus
from app.models.search_terms import terms_of
from app.services.asset_details import canonical_spdx
from app.services.auth import Principal
from app.services.keyset import Ordering


@dataclass(frozen=True)
class AssetFilter:
    status: list[AssetStatus] | None = None
    tags: list[str] | None = None
    source_format: list[str] | None = None
    name_contains: str | None = None
    tags_any: list[str] | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None
    updated_after: datetime | None = None
    updated_before: datetime | None = None
    min_triangles: int | None = None
    max_triangles: int | None = None
    has_animations: bool | None = None
    license: list[str] | None = None


class AssetOrderKey(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    NAME = "NAME"
    SIZE = "SIZE"
    TRIANGLES = "TRIANGLES"
    RELEVANCE = "RELEVANCE"


@dataclass(frozen=True)
class AssetOrder:
    key: AssetOrderKey
    descending: bool = True


SORT_FIELDS = {
    AssetOrderKey.CREATED: "created_at",
    AssetOrderKey.UPDATED: "updated_at",
    AssetOrderKey.NAME: "name_key",
    AssetOrderKey.SIZE: "size_bytes",
    AssetOrderKey.TRIANGLES: "stats.triangle_count",
    AssetOrderKey.RELEVANCE: "search_score",
}


def search_words(search: str | None, max_words: int) -> list[str]:
    """The words a search matches; INVALID_INPUT past `max_words`."""
    words = terms_of(search or "")
    if len(words) > max_words:
        raise InvalidInput(f"a search may have at most {max_words} words", field=["search"])
    return words


def asset_query(principal: Principal, where: AssetFilter, words: list[str]) -> dict[str, Any]:
    """The MongoDB query of the viewer's assets that match `where` and any of `words`."""
    query: dict[str, Any] = principal.projects.query()
    if where.status:
        query["status"] = {"$in": [s.value for s in where.status]}
    tags = {**({"$all": where.tags} if where.tags else {}),
            **({"$in": where.tags_any} if where.tags_any else {})}
    if tags:
        query["tags"] = tags
    if where.source_format:
        query["source_format"] = {"$in": where.source_format}
    if where.name_contains:
        query["name"] = {"$regex": re.escape(where.name_contains), "$options": "i"}
    for field, low, high in (("created_at", where.created_after, where.created_before),
                             ("updated_at", where.updated_after, where.updated_before)):
        span = {**({"$gte": low} if low else {}), **({"$lt": high} if high else {})}
        if span:
            query[field] = span
    # `$lt` the next count, not `$lte`: SecantusDB's scan of a compound index leaves out the
    # bound itself under `$lte`, MongoDB finds the same either way.
    triangles = {**({"$gte": where.min_triangles} if where.min_triangles is not None else {}),
                 **({"$lt": where.max_triangles + 1} if where.max_triangles is not None else {})}
    if triangles:
        query["stats.triangle_count"] = triangles
    if where.has_animations is not None:
        query["stats.animation_count"] = {"$gt": 0} if where.has_animations else 0
    if where.license:
        query["license.spdx_id"] = {"$in": [canonical_spdx(expression, ["license"])
                                            for expression in where.license]}
    if words:
        query["search_terms"] = {"$in": words}
    return query


def ordering_of(order: AssetOrder | None, words: list[str]) -> Ordering | None:
    """The keyset ordering of `order` (RELEVANCE by default with search words); None for the
    default without them, newest first by id."""
    if order is None:
        if not words:
            return None
        order = AssetOrder(AssetOrderKey.RELEVANCE)
    if order.key is AssetOrderKey.RELEVANCE and not words:
        raise InvalidInput("ordering by RELEVANCE needs a search", field=["order"])
    score = None
    if order.key is AssetOrderKey.RELEVANCE:
        score = {"$add": [{"$size": {"$setIntersection": ["$search_terms", words]}},
                          {"$size": {"$setIntersection": [{"$ifNull": ["$name_terms", []]},
                                                          words]}}]}
    return Ordering(name=order.key.value, key=SORT_FIELDS[order.key],
                    descending=order.descending, score=score)

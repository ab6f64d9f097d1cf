"""Keyset pagination over any order: documents sorted on one key (a stored field, or a score
computed per query), ties broken by `_id`, each cursor holding the key and the id of its item,
so a page never skips or repeats an item whatever was written in between. A missing or null
key sorts below every value, as MongoDB sorts it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import Document
from pydantic import BaseModel

from app.errors import InvalidInput
from app.services.pagination import Page, PageSize, count_matching, decode_cursor, encode_cursor


@dataclass(frozen=True)
class Ordering:
    """`key`, then `_id`, both one way; `score`, when given, is the aggregation expression
    computed as `key` for each document matching the query."""

    name: str
    key: str
    descending: bool
    score: dict[str, Any] | None = None


@dataclass(frozen=True)
class Position:
    """Where a cursor points: its item's key and id."""

    key: Any
    id: str


def cursor_of(ordering: Ordering, document: dict[str, Any]) -> str:
    value: Any = document
    for part in ordering.key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    encoded = {"d": value.isoformat()} if isinstance(value, datetime) else value
    return encode_cursor(json.dumps([ordering.name, encoded, document["_id"]]))


def position_of(ordering: Ordering, cursor: str, argument: str) -> Position:
    """The position a cursor of `ordering` holds; INVALID_INPUT for any other string."""
    try:
        name, value, item_id = json.loads(decode_cursor(cursor, argument))
        if isinstance(value, dict):
            value = datetime.fromisoformat(value["d"])
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidInput("the cursor is not valid", field=[argument]) from exc
    if name != ordering.name or not isinstance(item_id, str) or isinstance(value, list | dict):
        raise InvalidInput("the cursor belongs to another order", field=[argument])
    return Position(value, item_id)


def beyond(key: str, at: Position, *, greater: bool, inclusive: bool = False
           ) -> dict[str, Any]:
    """Documents whose (key, _id) sorts above `at` (`greater`) or below it, ascending, nulls
    lowest; `inclusive` counts `at` itself (as its own branch: SecantusDB's index scans leave
    the bound of `$lte` out)."""
    branches: list[dict[str, Any]] = [{key: at.key, "_id": {"$gt" if greater else "$lt": at.id}}]
    if at.key is not None:
        branches.append({key: {"$gt" if greater else "$lt": at.key}})
    if (at.key is None) == greater:
        branches.append({key: {"$ne": None}} if greater else {key: None})
    if inclusive:
        branches.append({"_id": at.id})
    return {"$or": branches}


async def keyset_page(model: type[Document], query: dict[str, Any], ordering: Ordering, *,
                      first: int | None, after: str | None, last: int | None,
                      before: str | None, max_size: int,
                      projection: type[BaseModel] | None = None) -> Page[Any]:
    """A page of `model` (or of `projection`, to read only its fields) matching `query` in
    `ordering`: the first `first` after `after`, or the last `last` before `before`, within
    both cursors."""
    page = PageSize.of(first, last, default=max_size, cap=max_size)
    start = position_of(ordering, after, "after") if after else None
    end = position_of(ordering, before, "before") if before else None
    down = ordering.descending
    window = [beyond(ordering.key, start, greater=not down)] if start else []
    window += [beyond(ordering.key, end, greater=down)] if end else []
    # Backwards, the page is read from the far end, then put back in order.
    read_descending = down != page.backward
    direction = -1 if read_descending else 1
    stages = [*_matching(query, ordering, window),
              {"$sort": {ordering.key: direction, "_id": direction}},
              {"$limit": page.size + 1}]
    if projection is not None:
        stages.append({"$project": {field.alias or name: 1
                                    for name, field in projection.model_fields.items()}})
    # The side the page was not counted from is known only by looking past its cursor.
    if page.backward and end is not None:
        past = _any(model, query, ordering, beyond(ordering.key, end, greater=not down,
                                                   inclusive=True))
    elif not page.backward and start is not None:
        past = _any(model, query, ordering, beyond(ordering.key, start, greater=down,
                                                   inclusive=True))
    else:
        past = _false()
    found, past_cursor = await asyncio.gather(_read(model, stages), past)
    overflows = len(found) > page.size
    documents = found[:page.size]
    if page.backward:
        documents.reverse()

    async def count() -> int:
        return await count_matching(model, query)

    item_model = projection or model
    return Page(items=[item_model.model_validate(document) for document in documents],
                count=count,
                cursors=[cursor_of(ordering, document) for document in documents],
                has_next_page=past_cursor if page.backward else overflows,
                has_previous_page=overflows if page.backward else past_cursor)


def _matching(query: dict[str, Any], ordering: Ordering, window: list[dict[str, Any]]
              ) -> list[dict[str, Any]]:
    """Stages keeping the documents that match `query` and lie within `window`, with their
    score computed when the ordering has one."""
    if ordering.score is None:
        return [{"$match": {"$and": [query, *window]} if window else query}]
    scored: list[dict[str, Any]] = [{"$match": query},
                                    {"$addFields": {ordering.key: ordering.score}}]
    return [*scored, {"$match": {"$and": window}}] if window else scored


async def _read(model: type[Document], stages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cursor = await model.get_pymongo_collection().aggregate(stages)
    documents: list[dict[str, Any]] = await cursor.to_list()
    return documents


def _any(model: type[Document], query: dict[str, Any], ordering: Ordering,
         condition: dict[str, Any]) -> Awaitable[bool]:
    async def found() -> bool:
        return bool(await _read(model, [*_matching(query, ordering, [condition]),
                                        {"$limit": 1}, {"$project": {"_id": 1}}]))

    return found()


async def _false() -> bool:
    return False

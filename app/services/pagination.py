"""Cursor pagination, forwards (`first` after a cursor) and backwards (`last` before one), over
documents sorted newest first by their time-ordered ids, or over an ordered list of keys."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from beanie import Document, SortDirection
from pydantic import BaseModel

from app.errors import InvalidInput


class Identified(Protocol):
    """A document, or a projection of one: its id is its cursor."""

    @property
    def id(self) -> Any: ...


T = TypeVar("T", bound=Identified)


def encode_cursor(document_id: str) -> str:
    return base64.urlsafe_b64encode(document_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, argument: str = "after") -> str:
    # ValueError covers every way a cursor can be garbage: non-ASCII text (base64 refuses it
    # before decoding), characters outside the alphabet or bad padding (binascii.Error, as
    # validate asks) and bytes that are not UTF-8.
    try:
        decoded = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_",
                                   validate=True).decode()
    except ValueError as exc:
        raise InvalidInput("the cursor is not valid", field=[argument]) from exc
    if not decoded:
        raise InvalidInput("the cursor is not valid", field=[argument])
    return decoded


@dataclass(frozen=True)
class PageSize:
    """How many items a page holds, and whether they are counted back from its end."""

    size: int
    backward: bool

    @classmethod
    def of(cls, first: int | None, last: int | None, *, default: int, cap: int) -> PageSize:
        """`first` or `last` (INVALID_INPUT for both, or for one outside 0..cap); neither
        means `default` items forwards."""
        if first is not None and last is not None:
            raise InvalidInput("give first or last, not both", field=["last"])
        backward = last is not None
        size = last if backward else first
        if size is not None and not 0 <= size <= cap:
            argument = "last" if backward else "first"
            raise InvalidInput(f"{argument} must be between 0 and {cap}", field=[argument])
        return cls(size=default if size is None else size, backward=backward)


@dataclass
class Page(Generic[T]):
    """Items in list order; whether any come before the first or after the last, in the whole
    list (as Relay's pageInfo tells them)."""

    items: list[T]
    has_next_page: bool
    count: Callable[[], Awaitable[int]]
    has_previous_page: bool = False
    # Each item's cursor, for an order whose cursors hold more than the item's id.
    cursors: list[str] | None = None

    def cursor_at(self, index: int) -> str:
        if self.cursors is not None:
            return self.cursors[index]
        return encode_cursor(str(self.items[index].id))

    @property
    def end_cursor(self) -> str | None:
        return self.cursor_at(len(self.items) - 1) if self.items else None


async def paginate(
    model: type[Document], query: dict[str, Any], *, first: int | None, after: str | None,
    max_size: int, last: int | None = None, before: str | None = None,
    projection: type[BaseModel] | None = None,
) -> Page[Any]:
    """A page of `model` (or of `projection`, to read only some fields), newest first: the
    newest `first` after `after`, or the oldest `last` before `before`, within both cursors."""
    page = PageSize.of(first, last, default=max_size, cap=max_size)
    newer_than = decode_cursor(before, "before") if before else None
    older_than = decode_cursor(after, "after") if after else None
    ids: dict[str, str] = {}
    if older_than is not None:
        ids["$lt"] = older_than
    if newer_than is not None:
        ids["$gt"] = newer_than
    window = {**query, "_id": ids} if ids else query
    # Backwards, the page is read oldest first from the far end, then put back in order.
    order = SortDirection.ASCENDING if page.backward else SortDirection.DESCENDING
    cursor = model.find(window).sort([("_id", order)]).limit(page.size + 1)
    collection = model.get_pymongo_collection()

    async def any_where(ids_beyond: dict[str, str]) -> bool:
        return await collection.find_one({**query, "_id": ids_beyond}, {"_id": 1}) is not None

    # The side the page was not counted from is known only by looking past its cursor: read
    # alongside the page, and only when that cursor was given.
    if page.backward and newer_than is not None:
        beyond_cursor = any_where({"$lte": newer_than})
    elif not page.backward and older_than is not None:
        beyond_cursor = any_where({"$gte": older_than})
    else:
        beyond_cursor = _false()
    read: Awaitable[list[Any]] = (cursor.project(projection) if projection else cursor).to_list()
    found, past_cursor = await asyncio.gather(read, beyond_cursor)
    overflows = len(found) > page.size
    items = found[:page.size]
    if page.backward:
        items.reverse()

    async def count() -> int:
        return await count_matching(model, query)

    return Page(items=items, count=count,
                has_next_page=past_cursor if page.backward else overflows,
                has_previous_page=overflows if page.backward else past_cursor)


async def count_matching(model: type[Document], query: dict[str, Any]) -> int:
    """The documents of `model` matching `query`, by the count command, not count_documents'
    aggregation: on SecantusDB it costs the database about half as much, and every page that
    shows totalCount pays it."""
    collection = model.get_pymongo_collection()
    reply = await collection.database.command("count", collection.name, query=query)
    return int(reply["n"])


async def _false() -> bool:
    return False


@dataclass(frozen=True)
class KeyWindow:
    """The slice of an ordered list of keys that one page covers."""

    start: int
    stop: int
    total: int

    @property
    def has_previous_page(self) -> bool:
        return self.start > 0

    @property
    def has_next_page(self) -> bool:
        return self.stop < self.total


def key_window(keys: Sequence[str], *, first: int | None, after: str | None,
               last: int | None, before: str | None, cap: int) -> KeyWindow:
    """A page of `keys` (in their order; every key when neither `first` nor `last` is given)
    whose cursors are the keys themselves; a cursor naming no key is INVALID_INPUT."""
    page = PageSize.of(first, last, default=len(keys), cap=cap)
    position = {key: index for index, key in enumerate(keys)}

    def index_of(cursor: str, argument: str) -> int:
        found = position.get(decode_cursor(cursor, argument))
        if found is None:
            raise InvalidInput("the cursor names no item of this list", field=[argument])
        return found

    start = index_of(after, "after") + 1 if after else 0
    stop = max(start, index_of(before, "before")) if before else len(keys)
    if page.backward:
        start = max(start, stop - page.size)
    else:
        stop = min(stop, start + page.size)
    return KeyWindow(start=start, stop=stop, total=len(keys))

"""Turning a service Page into a Relay-style connection, and the arguments every connection
takes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import strawberry

from app.schema.common import Connection, Edge, PageInfo
from app.services.pagination import Page

N = TypeVar("N")

First = Annotated[int | None, strawberry.argument(
    description="Forward paging: at most this many items from the start, or after `after`, "
    "from 0 to the list's cap (ATELIER_MAX_PAGE_SIZE; ATELIER_MAX_SCENE_NODES for a scene's "
    "nodes). Not with last.")]
After = Annotated[str | None, strawberry.argument(
    description="Forward paging: start after the item with this cursor (an edge's cursor or "
    "pageInfo.endCursor).")]
Last = Annotated[int | None, strawberry.argument(
    description="Backward paging: at most this many items from the end, or before `before`, "
    "still in list order, from 0 to the list's cap. Not with first.")]
Before = Annotated[str | None, strawberry.argument(
    description="Backward paging: end before the item with this cursor (an edge's cursor or "
    "pageInfo.startCursor).")]


def connection(page: Page[Any], to_node: Callable[[Any], N]) -> Connection[N]:
    edges = [Edge(cursor=page.cursor_at(index), node=to_node(item))
             for index, item in enumerate(page.items)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=page.end_cursor,
        ),
        count=page.count,
    )

"""Turning a service Page into a Relay-style connection."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from app.schema.common import Connection, Edge, PageInfo
from app.services.pagination import Page, encode_cursor

N = TypeVar("N")


def connection(page: Page[Any], to_node: Callable[[Any], N]) -> Connection[N]:
    edges = [Edge(cursor=encode_cursor(str(item.id)), node=to_node(item)) for item in page.items]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=page.end_cursor,
        ),
        count=page.count,
    )

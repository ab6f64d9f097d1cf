"""The one place domain errors become data: mutation payloads get `errors`, never exceptions,
and each error's snake_case path becomes the GraphQL path of the argument at fault."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from app.availability import DEPENDENCY_FAULTS, unavailable
from app.errors import AtelierError
from app.schema.common import UserError

P = ParamSpec("P")
R = TypeVar("R")


def camel(segment: str) -> str:
    """A snake_case path segment as GraphQL names it: `asset_id` -> `assetId`; list
    positions ("3") are kept."""
    head, *rest = segment.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True)
class Placement:
    """Where a service's input sits among a mutation's GraphQL arguments.

    A path whose first segment is one of the mutation's own `arguments` stays at the top; one
    whose first segment is in `placed` starts at that GraphQL path instead; any other (the
    empty path included) is put under `at`.
    """

    at: tuple[str, ...] = ()
    placed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    arguments: Collection[str] = ()

    def graphql_path(self, path: Sequence[str]) -> list[str]:
        head = path[0] if path else None
        if head is not None and head in self.placed:
            return [*self.placed[head], *map(camel, path[1:])]
        prefix = () if head is not None and head in self.arguments else self.at
        return [*prefix, *map(camel, path)]


TOP_LEVEL = Placement()


def user_error(error: AtelierError, placement: Placement = TOP_LEVEL) -> UserError:
    field_path = None if error.field is None else placement.graphql_path(error.field)
    return UserError(field=field_path, message=error.message, code=error.code)


def errors_as_data(
    payload: Callable[..., Any],
    *,
    at: tuple[str, ...] = (),
    placed: Mapping[str, tuple[str, ...]] | None = None,
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """Decorate a mutation resolver so an AtelierError returns `payload(errors=[...])`, and a
    database or Redis that is down returns SERVICE_UNAVAILABLE the same way.

    `at` and `placed` say where the service's input sits (see Placement); the resolver's own
    parameters are its top-level arguments.
    """

    def decorate(resolver: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        placement = Placement(at=at, placed=placed or {},
                              arguments=frozenset(inspect.signature(resolver).parameters))

        @functools.wraps(resolver)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return await resolver(*args, **kwargs)
            except AtelierError as error:
                return payload(errors=[user_error(error, placement)])  # type: ignore[no-any-return]
            except DEPENDENCY_FAULTS as fault:
                return payload(errors=[user_error(unavailable(fault))])  # type: ignore[no-any-return]

        return wrapper

    return decorate
